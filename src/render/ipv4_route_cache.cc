// netstat -rC for IPv4: /proc/net/rt_cache (NETSTAT-FORMAT.md §8.3). Kernels since 3.6 print
// only its header; older ones had one line per cached route, in one of two layouts.
#include <array>
#include <cstdio>
#include <optional>
#include <string>

#include "netsnap/model/route_headers.h"
#include "netsnap/render/address_text.h"
#include "netsnap/render/columns.h"
#include "route_tables.h"

namespace netsnap::render {
namespace {

using model::RouteCacheEntry;

// Recordings made before the header was kept come from kernels that print this one.
constexpr std::string_view kModernHeader =
    "Iface\tDestination\tGateway \tFlags\t\tRefCnt\tUse\tMetric\tSource\t\tMTU\tWindow\tIRTT\tTOS"
    "\tHHRef\tHHUptod\tSpecDst\n";

using Layout = model::RouteCacheLayout;

void print_column_header(RouteStyle style, Layout layout, Output& output) {
  constexpr std::string_view kStart = "Source          Destination     Gateway         ";
  if (style == RouteStyle::kMetrics)
    output.out(std::string(kStart) + "Flags Metric Ref    Use Iface\n");
  if (style == RouteStyle::kTcp)
    output.out(std::string(kStart) + "Flags   MSS Window  irtt Iface\n");
  if (style != RouteStyle::kBoth || layout == Layout::kUnknown) return;
  std::string line(kStart);
  line += "Flags Metric Ref    Use Iface    MSS   Window irtt  ";
  line += layout == Layout::kLinux20 ? "HH  Arp\n" : "TOS HHRef HHUptod     SpecDst\n";
  output.out(line);
}

std::string flags_text(uint32_t flags, Layout layout) {
  std::string text;
  if (layout == Layout::kLinux20) {
    if (flags & 0x1) text += 'U';
    if (flags & 0x4) text += 'H';
  }
  if (flags & 0x2) text += 'G';
  if (flags & 0x200) text = "!";  // replaces what came before
  if (flags & 0x8) text += 'R';
  if (flags & 0x10) text += 'D';
  if (flags & 0x20) text += 'M';
  // In the 2.2 layout the low bits are RTCF_DEAD and RTCF_ONLINK instead of RTF_UP and RTF_HOST.
  if (layout == Layout::kLinux22) {
    if (flags & 0x1) text += '-';
    if (flags & 0x4) text += 'o';
  }
  static constexpr std::pair<uint32_t, std::string_view> kCacheFlags[] = {
      {0x10000, "n"},    {0x20000, "d"},    {0x80000, "t"},   {0x200000, "f"},   {0x400000, "q"},
      {0x800000, "Ns"},  {0x1000000, "r"},  {0x4000000, "i"}, {0x8000000, "Nd"}, {0x10000000, "b"},
      {0x20000000, "m"}, {0x40000000, "#"}, {0x80000000, "l"}};
  for (auto [bit, letters] : kCacheFlags)
    if (flags & bit) text += letters;
  return text;
}

// What netstat's sscanf makes of a line: how many columns it read and the values it holds,
// including those it kept from earlier lines when this one stopped short.
struct CacheRow {
  RouteCacheEntry entry;
  size_t columns = 0;
  std::string specific_destination;  // resolved text
};

class CacheReader {
 public:
  CacheReader(Layout layout, bool numeric, const NameLookup& names)
      : layout_(layout), numeric_(numeric), names_(names) {}

  // False when netstat skips the line (fewer than 12 columns read).
  bool read(const RouteCacheEntry& e, CacheRow& row) {
    row.entry = e;
    row.columns = e.columns;
    if (layout_ == Layout::kLinux22 && !read_tos(row)) return false;
    if (row.columns < 12) return false;
    carry_over(row);
    row.specific_destination = specific_destination(row);
    return true;
  }

 private:
  // The kernel prints TOS in hex but netstat reads it as a decimal: it takes the leading digits
  // and the columns after a hex letter are not read at all.
  bool read_tos(CacheRow& row) const {
    if (row.columns < 12) return true;
    char hex[16];
    std::snprintf(hex, sizeof hex, "%02X", static_cast<unsigned>(row.entry.tos));
    size_t digits = std::string_view(hex).find_first_not_of("0123456789");
    if (digits == 0) return false;
    if (digits != std::string_view::npos) row.columns = 12;
    row.entry.tos = std::stoi(std::string(std::string_view(hex).substr(0, digits)));
    return true;
  }

  // netstat's variables keep the previous line's values for the columns a line lacks.
  void carry_over(CacheRow& row) {
    auto& e = row.entry;
    if (layout_ == Layout::kLinux22) {
      if (row.columns < 13) e.hh_ref = hh_ref_;
      if (row.columns < 14) e.hh_uptodate = hh_uptodate_;
      hh_ref_ = e.hh_ref;
      hh_uptodate_ = e.hh_uptodate;
    } else {
      if (row.columns < 13) e.arp = arp_;
      arp_ = e.arp;
    }
  }

  // Without a SpecDst column netstat re-reads its previous text as hex; that fails (dots,
  // names) unless it starts with 8 hex digits, and then it shows the line's source instead.
  std::string specific_destination(const CacheRow& row) {
    const model::IpAddress* address = &row.entry.specific_destination;
    model::IpAddress reread;
    if (row.columns < 15) {
      reread = hex_address(previous_specdst_).value_or(row.entry.source);
      address = &reread;
    }
    previous_specdst_ = inet_host_text(*address, numeric_, names_);
    return previous_specdst_;
  }

  static std::optional<model::IpAddress> hex_address(std::string_view text) {
    if (text.size() < 8 ||
        text.substr(0, 8).find_first_not_of("0123456789abcdefABCDEF") != std::string_view::npos)
      return std::nullopt;
    std::array<uint8_t, 4> bytes{};
    for (size_t i = 0; i < 4; ++i)
      bytes[3 - i] = static_cast<uint8_t>(std::stoul(std::string(text.substr(i * 2, 2)), 0, 16));
    return model::IpAddress::v4(bytes);
  }

  Layout layout_;
  bool numeric_;
  const NameLookup& names_;
  int32_t hh_ref_ = 0, hh_uptodate_ = 0, arp_ = 0;
  std::string previous_specdst_;
};

std::string row_line(const CacheRow& row, RouteStyle style, Layout layout,
                     const RenderContext& context) {
  bool numeric = numeric_route_addresses(context.options);
  const RouteCacheEntry& e = row.entry;
  std::string line;
  for (const auto* address : {&e.source, &e.destination, &e.gateway}) {
    append_left(line, inet_host_text(*address, numeric, context.names), 15);
    line += ' ';
  }
  append_left(line, flags_text(e.flags, layout), 5);
  line += ' ';
  append_route_numbers(line, style,
                       {e.metric, e.ref_count, e.use, e.mtu, e.window, e.interface_name}, e.irtt);
  if (style != RouteStyle::kBoth) return line + "\n";
  append_left(line, e.irtt, 5);
  line += ' ';
  if (layout == Layout::kLinux20) {
    append_left(line, e.hh, 3);
    line += ' ';
    append_number(line, e.arp);
    return line + "\n";
  }
  append_left(line, e.tos, 3);
  line += ' ';
  append_left(line, e.hh_ref, 3);
  line += "   ";
  append_left(line, e.hh_uptodate, 3);
  line += ' ';
  append_right(line, row.specific_destination, 15);
  return line + "\n";
}

}  // namespace

int print_ipv4_route_cache(const RenderContext& context, RouteRun& run, Output& output) {
  const model::Snapshot& s = context.snapshot;
  if (!source_readable(s, "proc/net/rt_cache")) {
    output.err(perror_line(proc_path("proc/net/rt_cache"), s.open_error("proc/net/rt_cache")));
    output.out("INET (IPv4) not configured in this system.\n");
    return 1;
  }
  std::string_view header = s.route_cache_header ? *s.route_cache_header : kModernHeader;
  output.out("Kernel IP routing cache\n");
  if (header.empty()) {
    // netstat cannot read a header line and exits through perror() with whatever errno it had.
    output.err(std::string("/proc/net/rt_cache: ") +
               (run.errno_cleared ? "Success\n" : "No such file or directory\n"));
    return 255;
  }
  Layout layout = model::route_cache_layout(header);
  if (layout == Layout::kUnknown)
    output.out("ERROR: proc_guess_fmt(/proc/net/rt_cache,... returned: " +
               std::to_string(model::route_cache_marks(header)) + "\n");
  RouteStyle style = route_style(context.options.extend);
  print_column_header(style, layout, output);
  // With an unknown layout netstat prints uninitialised memory for each line: nothing to copy.
  if (layout == Layout::kUnknown) return 0;
  std::string missing = model::first_missing_column(header, model::route_cache_columns(layout));
  if (!missing.empty()) {
    output.err("warning: /proc/net/rt_cache does not contain required field " + missing + "\n");
    return 0;  // it goes on without a format and reads no line
  }
  bool numeric = numeric_route_addresses(context.options);
  CacheReader reader(layout, numeric, context.names);
  for (const RouteCacheEntry& e : s.route_cache) {
    CacheRow row;
    if (!reader.read(e, row) || style == RouteStyle::kNone) continue;
    if (e.interface_name.size() > 15) continue;  // misread by netstat, see ipv4_routes.cc
    output.out(row_line(row, style, layout, context));
  }
  return 0;
}

}  // namespace netsnap::render
