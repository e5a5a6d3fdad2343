// netstat -g: multicast group memberships, printed inside the socket listing (NETSTAT-FORMAT.md
// §11). Every -c cycle is printed like the first (2.10 garbles the IPv4 file from the second
// cycle on; a deliberate deviation, see README).
#include "netsnap/render/address_text.h"
#include "netsnap/render/columns.h"
#include "netsnap/render/safe_text.h"
#include "netstat_modes.h"
#include "socket_listing.h"

namespace netsnap::render {
namespace {

constexpr std::string_view kHeader =
    "IPv6/IPv4 Group Memberships\n"
    "Interface       RefCnt Group\n"
    "--------------- ------ ---------------------\n";

// netstat keeps device names in a 16-byte buffer and group texts in a 128-byte one.
constexpr size_t kDeviceLength = 15;
constexpr size_t kGroupLength = 127;

// igmp's warnings carry netstat's 0-based line number: capture's 1-based one minus one.
void warn_bogus_igmp_lines(const model::Snapshot& snapshot, std::string_view path,
                           std::string_view what, Output& output) {
  for (const model::CaptureWarning& w : snapshot.warnings) {
    if (w.kind != model::WarningKind::kMalformedLine || w.path != path || w.line < 1) continue;
    // igmp's header line is netstat's line 0, which it never warns about.
    if (what == "igmp" && w.line == 1) continue;
    output.err("warning, got bogus " + std::string(what) + " line " + std::to_string(w.line - 1) +
               ".\n");
  }
}

void print_groups(const RenderContext& context, bool ipv6, Output& output) {
  warn_bogus_igmp_lines(context.snapshot, ipv6 ? "proc/net/igmp6" : "proc/net/igmp",
                        ipv6 ? "igmp6" : "igmp", output);
  std::string line;
  for (const model::MulticastGroup& g : context.snapshot.multicast) {
    if (g.ipv6 != ipv6) continue;
    line.clear();
    append_left(line, printable(std::string_view(g.device).substr(0, kDeviceLength)), 15);
    line += ' ';
    append_left(line, static_cast<int32_t>(g.users), 6);
    line += ' ';
    std::string group = inet_host_text(g.group, context.options.numeric_hosts, context.names);
    line.append(group, 0, kGroupLength);
    line += '\n';
    output.out(line);
  }
}

}  // namespace

int render_groups(const RenderContext& context, Output& output) {
  output.out(kHeader);
  SocketListing listing(context);
  // Its bogus-line warnings carry line numbers: print_groups writes them.
  constexpr SectionFiles kFiles{"proc/net/igmp", "proc/net/igmp6", "AF INET (igmp)", ""};
  return render_file_pair(listing, kFiles, output,
                          [&](bool ipv6) { print_groups(context, ipv6, output); });
}

}  // namespace netsnap::render
