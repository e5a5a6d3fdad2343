// netsnap dump FILE [--frame N | --at TIME]: one frame in Cap'n Proto text format.
#include <iostream>

#include "commands.h"
#include "moment_options.h"
#include "netsnap/model/snapshot_codec.h"

namespace netsnap::cli {

Command add_dump_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("dump",
                                 "Print one frame as Cap'n Proto text (readable by `capnp encode "
                                 "schema/snapshot.capnp Snapshot`)");
  auto path = std::make_shared<std::string>();
  auto moment = std::make_shared<MomentOptions>();
  cmd->add_option("FILE", *path, "Timeline file")->required();
  add_moment_options(*cmd, *moment);
  return [path, moment]() {
    auto reader = open_timeline(*path);
    size_t i = pick_frame(*reader, *moment);
    std::cout << model::snapshot_message_to_text(reader->read_frame_message(i));
    return 0;
  };
}

}  // namespace netsnap::cli
