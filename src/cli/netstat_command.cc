// netsnap netstat [NETSTAT OPTIONS...]: captures this host now and prints it as netstat 2.10
// would; a drop-in for netstat itself, and the check that live capture is faithful.
#include <unistd.h>

#include "commands.h"
#include "netsnap/capture/snapshot_source.h"
#include "netstat_cycles.h"

namespace netsnap::cli {

int run_netstat_command(std::vector<std::string> args) {
  render::NetstatCommandLine command_line = render::parse_netstat_command_line(args);
  std::unique_ptr<capture::SnapshotSource> source;
  if (command_line.options) source = capture::make_live_source();
  bool first = true;
  return print_netstat_cycles(command_line, [&]() -> std::optional<model::Snapshot> {
    // netstat -c waits a second between cycles.
    if (!first) sleep(1);
    first = false;
    return source->capture();
  });
}

}  // namespace netsnap::cli
