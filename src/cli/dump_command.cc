// netsnap dump FILE [--frame N]: one frame in Cap'n Proto text format.
#include <iostream>

#include "commands.h"
#include "netsnap/model/snapshot_codec.h"
#include "netsnap/timeline/timeline.h"

namespace netsnap::cli {

Command add_dump_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("dump",
                                 "Print one frame as Cap'n Proto text (readable by `capnp encode "
                                 "schema/snapshot.capnp Snapshot`)");
  auto path = std::make_shared<std::string>();
  auto frame = std::make_shared<long long>(-1);
  cmd->add_option("FILE", *path, "Timeline file")->required();
  cmd->add_option("--frame", *frame, "Frame to dump; negative counts from the end (default: last)")
      ->allow_extra_args(false);
  return [path, frame]() {
    timeline::TimelineReader reader(*path);
    for (const auto& note : reader.recovery_notes()) std::cerr << "netsnap: " << note << "\n";
    size_t i = select_frame(*frame, reader.frames().size(), *path);
    std::cout << model::snapshot_message_to_text(reader.read_frame_message(i));
    return 0;
  };
}

}  // namespace netsnap::cli
