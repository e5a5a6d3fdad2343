// netsnap ls FILE [--from A] [--to B]: one line per frame, then the file's size and compression
// ratio.
#include <iostream>
#include <string>

#include "commands.h"
#include "moment_options.h"
#include "netsnap/render/safe_text.h"
#include "netsnap/render/strprintf.h"
#include "netsnap/timeline/moment.h"

namespace netsnap::cli {
namespace {

// The host name and the message of a damaged frame come from the file: printable() for the
// terminal.
void print_frame(const timeline::TimelineReader& reader, size_t i) {
  const auto& info = reader.frames()[i];
  std::string head = render::strprintf("%5llu  %s  ", static_cast<unsigned long long>(info.frame),
                                       timeline::format_time(info.capture_time_ns).c_str());
  try {
    timeline::FrameStats s = reader.read_frame_stats(i);
    uint32_t unix_sockets = s.sockets.count(model::SocketKind::kUnix);
    uint32_t ipv6 = 0;
    for (size_t k = 1; k < model::kSocketKindCount; k += 2) ipv6 += s.sockets.by_kind[k];
    std::cout << head
              << render::strprintf("%6u %6u %6u  %6u %6u  %6u %6u  ",
                                   s.sockets.total - ipv6 - unix_sockets, ipv6, unix_sockets,
                                   s.routes4, s.routes6, s.interfaces, s.warnings)
              << render::printable(s.hostname) << "\n";
  } catch (const timeline::TimelineError& e) {
    std::cout << head << "damaged: " << render::printable(e.what()) << "\n";
  }
}

}  // namespace

Command add_ls_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("ls", "List the frames of a timeline");
  auto path = std::make_shared<std::string>();
  auto range = std::make_shared<MomentOptions>();
  cmd->add_option("FILE", *path, "Timeline file")->required();
  add_range_options(*cmd, *range);
  return [path, range]() {
    auto owned = open_timeline(*path);
    const timeline::TimelineReader& reader = *owned;
    FrameSpan span = pick_span(reader, *range);
    std::cout << render::strprintf("%5s  %-24s  %6s %6s %6s  %6s %6s  %6s %6s  %s\n", "FRAME",
                                   "TIME (UTC)", "INET4", "INET6", "UNIX", "ROUTE4", "ROUTE6",
                                   "IFACES", "WARN", "HOST");
    for (size_t i = span.first; i <= span.last; ++i) print_frame(reader, i);
    size_t keyframes = 0;
    for (const auto& f : reader.frames()) keyframes += f.type == timeline::RecordType::kKeyframe;
    size_t frames = reader.frames().size();
    std::cout << render::strprintf(
        "%zu frames, %llu bytes (%.0f a frame), %zu keyframes and %zu deltas, format version %u\n",
        frames, static_cast<unsigned long long>(reader.file_size()),
        frames ? double(reader.file_size()) / double(frames) : 0.0, keyframes, frames - keyframes,
        reader.format_version());
    return reader.recovery_notes().empty() ? 0 : 1;
  };
}

}  // namespace netsnap::cli
