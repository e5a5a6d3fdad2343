// netsnap materialize FILE [--frame N] DIR: one frame written back as a fixture root, for the
// real netstat (../shared/tools/netstat-oracle DIR ...) or any tool that reads /proc/net.
#include <iostream>

#include "commands.h"
#include "netsnap/render/fixture_writer.h"
#include "netsnap/timeline/timeline.h"

namespace netsnap::cli {

Command add_materialize_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "materialize",
      "Write one frame as a fixture root (proc/, sys/, etc/) that netstat and `netsnap record "
      "--root` read as the recorded host");
  auto path = std::make_shared<std::string>();
  auto dir = std::make_shared<std::string>();
  auto frame = std::make_shared<long long>(-1);
  cmd->add_option("FILE", *path, "Timeline file")->required();
  cmd->add_option("DIR", *dir, "Directory to create; must not exist or be empty")->required();
  cmd->add_option("--frame", *frame,
                  "Frame to materialize; negative counts from the end (default: last)")
      ->allow_extra_args(false);
  return [path, dir, frame]() {
    timeline::TimelineReader reader(*path);
    for (const auto& note : reader.recovery_notes()) std::cerr << "netsnap: " << note << "\n";
    size_t i = select_frame(*frame, reader.frames().size(), *path);
    render::write_fixture_root(reader.read_frame(i), *dir);
    return 0;
  };
}

}  // namespace netsnap::cli
