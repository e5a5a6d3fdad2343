// diff_snapshots(): the parts of the diff put together, and the time between the snapshots.
#include "netsnap/analysis/snapshot_diff.h"

namespace netsnap::analysis {

bool rebooted_between(const model::HostInfo& before, const model::HostInfo& after) {
  return !before.boot_id.empty() && !after.boot_id.empty() && before.boot_id != after.boot_id;
}

std::optional<double> elapsed_seconds(const model::HostInfo& before, const model::HostInfo& after) {
  // The monotonic clock does not jump with NTP, but it only means something within one boot.
  bool same_boot = !before.boot_id.empty() && before.boot_id == after.boot_id;
  int64_t monotonic = after.monotonic_time_ns - before.monotonic_time_ns;
  int64_t nanoseconds =
      same_boot && monotonic > 0 ? monotonic : after.capture_time_ns - before.capture_time_ns;
  if (nanoseconds <= 0) return std::nullopt;
  return static_cast<double>(nanoseconds) / 1e9;
}

bool SnapshotDiff::empty() const {
  return sockets.empty() && routes.empty() && interfaces.empty() && multicast.empty() &&
         nat.empty() && statistics.empty();
}

SnapshotDiff diff_snapshots(const model::Snapshot& before, const model::Snapshot& after,
                            const DiffOptions& options) {
  SnapshotDiff diff;
  diff.elapsed_seconds = elapsed_seconds(before.host, after.host);
  diff.rebooted = rebooted_between(before.host, after.host);
  diff.sockets_only = options.sockets_only;
  diff.sockets = diff_sockets(before, after);
  diff.nat = diff_nat(before, after);
  if (options.sockets_only) return diff;
  diff.routes = diff_routes(before, after);
  diff.interfaces = diff_interfaces(before, after, diff.elapsed_seconds, diff.rebooted);
  diff.multicast = diff_multicast(before, after);
  diff.statistics = diff_statistics(before, after, diff.elapsed_seconds, diff.rebooted);
  return diff;
}

}  // namespace netsnap::analysis
