#include "netstat_cycles.h"

#include <unistd.h>

#include "netsnap/render/netstat.h"

namespace netsnap::cli {

int print_netstat_cycles(const render::NetstatCommandLine& command_line,
                         const std::function<std::optional<model::Snapshot>()>& next_snapshot) {
  command_line.early.write_to(STDOUT_FILENO, STDERR_FILENO);
  if (!command_line.options) return command_line.exit_code;
  const render::NetstatOptions& options = *command_line.options;
  bool repeat = options.continuous && render::netstat_mode_repeats(options);
  int status = 0;
  for (int cycle = 0;; ++cycle) {
    std::optional<model::Snapshot> snapshot = next_snapshot();
    if (!snapshot) break;
    render::Output output;
    status = render::render_netstat(*snapshot, options, cycle, output);
    output.write_to(STDOUT_FILENO, STDERR_FILENO);
    if (status != 0 || !repeat) break;
  }
  return status;
}

}  // namespace netsnap::cli
