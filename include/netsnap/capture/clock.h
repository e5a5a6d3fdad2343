// Capture timestamps: wall clock for people, monotonic for rates.
#pragma once

#include <cstdint>

#include "netsnap/model/snapshot.h"

namespace netsnap::capture {

class CaptureClock {
 public:
  CaptureClock();
  // HostInfo with capture times, clock ticks, recorder uid and version filled in.
  model::HostInfo start_host_info() const;
  int64_t elapsed_ns() const;

 private:
  int64_t wall_ns_;
  int64_t monotonic_ns_;
};

}  // namespace netsnap::capture
