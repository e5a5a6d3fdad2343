#include "netsnap/capture/clock.h"

#include <time.h>
#include <unistd.h>

namespace netsnap::capture {
namespace {
int64_t now_ns(clockid_t clock) {
  timespec ts{};
  clock_gettime(clock, &ts);
  return int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}
}  // namespace

CaptureClock::CaptureClock()
    : wall_ns_(now_ns(CLOCK_REALTIME)), monotonic_ns_(now_ns(CLOCK_MONOTONIC)) {}

model::HostInfo CaptureClock::start_host_info() const {
  model::HostInfo h;
  h.capture_time_ns = wall_ns_;
  h.monotonic_time_ns = monotonic_ns_;
  h.clock_ticks_per_second = static_cast<uint32_t>(sysconf(_SC_CLK_TCK));
  h.captured_by_uid = geteuid();
  h.netsnap_version = NETSNAP_VERSION;
  return h;
}

int64_t CaptureClock::elapsed_ns() const { return now_ns(CLOCK_MONOTONIC) - monotonic_ns_; }

}  // namespace netsnap::capture
