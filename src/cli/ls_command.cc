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

struct FrameCounts {
  size_t ipv4 = 0, ipv6 = 0, unix_sockets = 0;
};

FrameCounts count_sockets(const model::Snapshot& s) {
  FrameCounts c;
  for (const auto& sock : s.inet_sockets) (sock.ipv6 ? c.ipv6 : c.ipv4)++;
  c.unix_sockets = s.unix_sockets.size();
  return c;
}

// The host name and the message of a damaged frame come from the file: printable() for the
// terminal.
void print_frame(const timeline::TimelineReader& reader, size_t i, uint64_t& raw_total) {
  const auto& info = reader.frames()[i];
  std::string head = render::strprintf("%5llu  %s  ", static_cast<unsigned long long>(info.frame),
                                       timeline::format_time(info.capture_time_ns).c_str());
  try {
    raw_total += reader.read_header(i).raw_length;
    model::Snapshot s = reader.read_frame(i);
    FrameCounts c = count_sockets(s);
    std::cout << head
              << render::strprintf("%6zu %6zu %6zu  %6zu %6zu  %6zu %6zu  ", c.ipv4, c.ipv6,
                                   c.unix_sockets, s.routes4.size(), s.routes6.size(),
                                   s.interfaces.size(), s.warnings.size())
              << render::printable(s.host.hostname) << "\n";
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
    uint64_t raw_total = 0;
    for (size_t i = span.first; i <= span.last; ++i) print_frame(reader, i, raw_total);
    double ratio = reader.file_size() ? double(raw_total) / double(reader.file_size()) : 0;
    std::cout << render::strprintf(
        "%zu frames, %llu bytes, %llu bytes uncompressed, compression ratio %.1f:1\n",
        reader.frames().size(), static_cast<unsigned long long>(reader.file_size()),
        static_cast<unsigned long long>(raw_total), ratio);
    return reader.recovery_notes().empty() ? 0 : 1;
  };
}

}  // namespace netsnap::cli
