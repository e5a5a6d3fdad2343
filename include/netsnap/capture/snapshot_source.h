// Where snapshots come from. Every implementation yields the same model, so nothing above capture
// can tell a live host from a fixture root (or, later, a netlink source from a /proc one).
#pragma once

#include <memory>
#include <string>

#include "netsnap/model/snapshot.h"

namespace netsnap::capture {

class SnapshotSource {
 public:
  virtual ~SnapshotSource() = default;
  // Captures one snapshot now. Unreadable or malformed input becomes warnings in the snapshot;
  // this throws only when nothing at all can be captured.
  virtual model::Snapshot capture() = 0;
};

// The running kernel, its /proc and /sys, the interfaces by ioctl, names through NSS.
std::unique_ptr<SnapshotSource> make_live_source();

// A directory laid out like /proc, /sys and /etc (see fixtures/README.md); names from its etc/
// files, falling back to this machine's /etc files, never DNS.
std::unique_ptr<SnapshotSource> make_fixture_source(const std::string& root);

}  // namespace netsnap::capture
