#include "netsnap/render/netstat.h"

#include <cstring>

#include "netstat_modes.h"

namespace netsnap::render {

int render_netstat(const model::Snapshot& snapshot, const NetstatOptions& options, int cycle,
                   Output& output) {
  NameLookup names(snapshot.names);
  RenderContext context{snapshot, options, names, cycle};
  switch (options.mode) {
    case NetstatMode::kMasquerade:
      return render_masquerade(context, output);
    case NetstatMode::kStatistics:
      return render_statistics(context, output);
    case NetstatMode::kRoutes:
      return render_routes(context, output);
    case NetstatMode::kInterfaces:
      return render_interfaces(context, output);
    case NetstatMode::kSockets:
      break;
  }
  return render_sockets(context, output);
}

std::string perror_line(std::string_view text, int error_number) {
  std::string line(text);
  line.append(": ").append(std::strerror(error_number)).append("\n");
  return line;
}

std::string proc_path(std::string_view relative) { return "/" + std::string(relative); }

bool netstat_mode_repeats(const NetstatOptions& options) {
  return options.mode != NetstatMode::kStatistics;
}

}  // namespace netsnap::render
