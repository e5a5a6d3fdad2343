// The part of `show` and `netstat` that runs netstat's cycles: one per snapshot, or only the first
// without -c, stopping at the first non-zero status as netstat -c does.
#pragma once

#include <functional>
#include <optional>

#include "netsnap/model/snapshot.h"
#include "netsnap/render/netstat_options.h"

namespace netsnap::cli {

// `next_snapshot` yields the snapshot of each cycle in turn, nullopt when there are no more.
// Output goes to stdout and stderr as it is produced, a cycle at a time; a write that fails
// throws WriteError (standard_output.h), which also ends -c.
int print_netstat_cycles(const render::NetstatCommandLine& command_line,
                         const std::function<std::optional<model::Snapshot>()>& next_snapshot);

}  // namespace netsnap::cli
