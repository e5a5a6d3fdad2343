// netsnap materialize FILE [--frame N | --at TIME] DIR: one frame written back as a fixture root,
// for the real netstat (../shared/tools/netstat-oracle DIR ...) or any tool that reads /proc/net.
#include "commands.h"
#include "moment_options.h"
#include "netsnap/render/fixture_writer.h"

namespace netsnap::cli {

Command add_materialize_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "materialize",
      "Write one frame as a fixture root (proc/, sys/, etc/) that netstat and `netsnap record "
      "--root` read as the recorded host");
  auto path = std::make_shared<std::string>();
  auto dir = std::make_shared<std::string>();
  auto moment = std::make_shared<MomentOptions>();
  cmd->add_option("FILE", *path, "Timeline file")->required();
  cmd->add_option("DIR", *dir,
                  "Directory to create (with any missing parents), or an empty one; not a symlink")
      ->required();
  add_moment_options(*cmd, *moment);
  return [path, dir, moment]() {
    auto reader = open_timeline(*path);
    render::write_fixture_root(reader->read_frame(pick_frame(*reader, *moment)), *dir);
    return 0;
  };
}

}  // namespace netsnap::cli
