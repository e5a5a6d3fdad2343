// netstat -r -A inet6: /proc/net/ipv6_route (NETSTAT-FORMAT.md §9). -e changes nothing here.
#include <string>

#include "netsnap/render/address_text.h"
#include "netsnap/render/columns.h"
#include "netsnap/render/safe_text.h"
#include "route_tables.h"

namespace netsnap::render {

namespace {

constexpr uint32_t kRtfCache = 0x01000000;

std::string route_line(const model::Route6& r, bool numeric, const NameLookup& names) {
  auto num = [](uint32_t v) { return std::to_string(static_cast<int32_t>(v)); };
  std::string line;
  append_left(
      line,
      inet_host_text(r.destination, numeric, names) + "/" + std::to_string(r.destination_prefix),
      30);
  line += ' ';
  append_left(line, inet_host_text(r.next_hop, numeric, names), 26);
  line += ' ';
  append_left(line, ipv6_route_flags_text(r.flags), 4);
  line += ' ';
  append_left(line, num(r.metric), 3);
  line += ' ';
  append_left(line, num(r.ref_count), 1);
  line += ' ';
  append_right(line, num(r.use), 6);
  return line + " " + printable(r.device) + "\n";
}

}  // namespace

std::string ipv6_route_flags_text(uint32_t flags) {
  static constexpr std::pair<uint32_t, char> kLetters[] = {
      {0x1, 'U'},      {0x200, '!'},   {0x2, 'G'},       {0x4, 'H'},
      {0x10000, 'D'},  {0x40000, 'A'}, {kRtfCache, 'C'}, {0x20000, 'a'},
      {0x400000, 'e'}, {0x20, 'm'},    {0x200000, 'n'},  {0x2000000, 'f'}};
  std::string text;
  for (auto [bit, letter] : kLetters)
    if (flags & bit) text += letter;
  return text;
}

int print_ipv6_routes(const RenderContext& context, bool cache, RouteRun& run, Output& output) {
  const model::Snapshot& s = context.snapshot;
  if (!source_readable(s, "proc/net/ipv6_route")) {
    output.err(perror_line(proc_path("proc/net/ipv6_route"), s.open_error("proc/net/ipv6_route")));
    output.out("INET6 (IPv6) not configured in this system.\n");
    return 1;
  }
  if (cache) run.errno_cleared = false;  // the failed open of /proc/net/ndisc
  output.out(cache ? "Kernel IPv6 routing cache\n" : "Kernel IPv6 routing table\n");
  output.out("Destination                    Next Hop                   Flag Met Ref  Use If\n");
  bool numeric = numeric_route_addresses(context.options);
  // The kernel prints blanks for a route without a device; netstat's sscanf then keeps the
  // device of the line before (whether that one was shown or not).
  std::string device;
  for (const model::Route6& r : s.routes6) {
    if (!r.device.empty()) device = r.device;
    if (((r.flags & kRtfCache) != 0) != cache) continue;
    model::Route6 shown = r;
    shown.device = device;
    // Every address but :: goes through getnameinfo().
    if (!numeric && !(r.destination.is_unspecified() && r.next_hop.is_unspecified()))
      run.errno_cleared = true;
    output.out(route_line(shown, numeric, context.names));
  }
  return 0;
}

}  // namespace netsnap::render
