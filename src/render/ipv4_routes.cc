// netstat -r for IPv4: /proc/net/route as the kernel FIB (NETSTAT-FORMAT.md §8.2).
#include <string>

#include "netsnap/model/route_headers.h"
#include "netsnap/render/columns.h"
#include "route_tables.h"

namespace netsnap::render {

namespace {

using model::IpAddress;
using model::Route4;

constexpr uint32_t kRtfUp = 0x1, kRtfReject = 0x200;

// What a kernel since 2.2 prints; recordings that predate keeping the header had this one.
constexpr std::string_view kStandardHeader =
    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT\n";

// 0.0.0.0 is "default" only with a zero mask; others are looked up as Route4 says.
std::string destination_text(const Route4& r, bool numeric, const NameLookup& names) {
  if (numeric) return r.destination.to_string();
  if (r.destination.is_unspecified()) return r.mask.is_unspecified() ? "default" : "0.0.0.0";
  const std::string* name =
      r.destination_is_host() ? names.host(r.destination) : names.network(r.destination);
  return name ? *name : r.destination.to_string();
}

std::string gateway_text(const IpAddress& gateway, bool numeric, const NameLookup& names) {
  if (numeric || gateway.is_unspecified()) return gateway.to_string();
  const std::string* name = names.host(gateway);
  return name ? *name : gateway.to_string();
}

std::string cut15(std::string text) { return text.size() > 15 ? text.substr(0, 15) : text; }

// A reject route has no gateway, device or TCP parameters: '-' where they would be.
std::string reject_columns(const Route4& r, RouteStyle style) {
  if (style == RouteStyle::kTcp) return "    - -          - -\n";
  std::string line;
  append_left(line, r.metric, 6);
  line += " -  ";
  append_right(line, r.use, 7);
  return line + (style == RouteStyle::kBoth ? " -        -     -      -\n" : " -\n");
}

// One route as netstat prints it in `style`; reject routes have '-' for what they lack.
std::string route_line(const Route4& r, RouteStyle style, const RenderContext& context) {
  bool numeric = numeric_route_addresses(context.options);
  bool reject = r.flags & kRtfReject;
  std::string line;
  append_left(line, cut15(destination_text(r, numeric, context.names)), 15);
  line += ' ';
  append_left(line, reject ? "-" : cut15(gateway_text(r.gateway, numeric, context.names)), 15);
  line += ' ';
  append_left(line, cut15(r.mask.to_string()), 15);
  line += ' ';
  append_left(line, ipv4_route_flags_text(r.flags), 5);
  line += ' ';
  if (reject) return line + reject_columns(r, style);
  int32_t irtt = static_cast<int32_t>(r.irtt);
  append_route_numbers(line, style,
                       {r.metric, r.ref_count, r.use, static_cast<int32_t>(r.mtu),
                        static_cast<int32_t>(r.window), r.interface_name},
                       irtt);
  if (style == RouteStyle::kBoth) append_number(line, irtt);
  return line + "\n";
}

std::string_view column_header(RouteStyle style) {
  switch (style) {
    case RouteStyle::kMetrics:
      return "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n";
    case RouteStyle::kTcp:
      return "Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n";
    case RouteStyle::kBoth:
      return "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    "
             "MSS   Window irtt\n";
    case RouteStyle::kNone:
      break;
  }
  return "";
}

}  // namespace

std::string ipv4_route_flags_text(uint32_t flags) {
  std::string text;
  if (flags & kRtfUp) text += 'U';
  if (flags & 0x2) text += 'G';
  if (flags & kRtfReject) text = "!";  // replaces U and G
  static constexpr std::pair<uint32_t, char> kLetters[] = {
      {0x4, 'H'},       {0x8, 'R'},       {0x10, 'D'},       {0x20, 'M'},     {0x10000, 'd'},
      {0x20000, 'a'},   {0x40000, 'c'},   {0x200000, 'o'},   {0x400000, 'e'}, {0x1000000, 'c'},
      {0x2000000, 'f'}, {0x4000000, 'p'}, {0x80000000, 'l'}, {0x40, 'u'},     {0x80, 'w'},
      {0x100, 'i'},     {0x400, 'n'}};
  for (auto [bit, letter] : kLetters)
    if (flags & bit) text += letter;
  return text;
}

int print_ipv4_fib(const RenderContext& context, RouteRun& run, Output& output) {
  const model::Snapshot& s = context.snapshot;
  if (!source_readable(s, "proc/net/route")) {
    output.err(perror_line(proc_path("proc/net/route"), s.open_error("proc/net/route")));
    output.out("INET (IPv4) not configured in this system.\n");
    return 1;
  }
  RouteStyle style = route_style(context.options.extend);
  output.out("Kernel IP routing table\n");
  output.out(column_header(style));
  std::string_view header = s.routes4_header ? *s.routes4_header : kStandardHeader;
  if (header.empty()) return 1;  // netstat cannot read a header: it stops without a word
  std::string missing = model::first_missing_column(header, model::kRouteColumns);
  if (!missing.empty()) {
    output.err("warning: /proc/net/route does not contain required field " + missing + "\n");
    return 1;
  }
  bool numeric = numeric_route_addresses(context.options);
  for (const Route4& r : s.routes4) {
    // netstat reads at most 15 characters of Iface and then misreads the rest of such a line;
    // the kernel's names are never longer.
    if (!(r.flags & kRtfUp) || r.interface_name.size() > 15) continue;
    if (!numeric && !(r.destination.is_unspecified() && r.gateway.is_unspecified()))
      run.errno_cleared = true;
    if (style != RouteStyle::kNone) output.out(route_line(r, style, context));
  }
  return 0;
}

}  // namespace netsnap::render
