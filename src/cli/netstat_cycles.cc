#include "netstat_cycles.h"

#include "netsnap/render/netstat.h"
#include "standard_output.h"

namespace netsnap::cli {

int print_netstat_cycles(const render::NetstatCommandLine& command_line,
                         const std::function<std::optional<model::Snapshot>()>& next_snapshot) {
  write_output(command_line.early);
  if (!command_line.options) return command_line.exit_code;
  const render::NetstatOptions& options = *command_line.options;
  bool repeat = options.continuous && render::netstat_mode_repeats(options);
  int status = 0;
  for (int cycle = 0;; ++cycle) {
    std::optional<model::Snapshot> snapshot = next_snapshot();
    if (!snapshot) break;
    render::Output output;
    status = render::render_netstat(*snapshot, options, cycle, output);
    write_output(output);
    if (status != 0 || !repeat) break;
  }
  return status;
}

}  // namespace netsnap::cli
