// Routing tables: /proc/net/route and /proc/net/rt_cache under their recorded header lines (the
// columns go where the header names them, as capture finds them by name), and
// /proc/net/ipv6_route (net/ipv4/fib_trie.c, route.c; net/ipv6/route.c).
#include <algorithm>
#include <string>
#include <vector>

#include "fixture_tree.h"

namespace netsnap::render::fixture {
namespace {

using Tokens = std::vector<std::string>;

constexpr char kRouteHeader[] =
    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT";
constexpr char kCacheHeader[] =
    "Iface\tDestination\tGateway \tFlags\t\tRefCnt\tUse\tMetric\tSource\t\tMTU\tWindow\tIRTT\tTOS"
    "\tHHRef\tHHUptod\tSpecDst";

// The header's column names, separated by whitespace and '|' as capture splits them.
Tokens header_names(std::string_view line) {
  Tokens names;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '|' && line[i] != '\n')
      continue;
    if (i > start) names.emplace_back(line.substr(start, i - start));
    start = i + 1;
  }
  return names;
}

// Places value at position `index` of a line whose other columns are unknown ("0").
void place(Tokens& line, size_t index, std::string value) {
  if (line.size() <= index) line.resize(index + 1, "0");
  line[index] = std::move(value);
}

std::string join_line(const Tokens& tokens) {
  std::string line;
  for (const auto& t : tokens) line += (line.empty() ? "" : "\t") + t;
  return padded(line, 127) + "\n";
}

// The header as recorded (kernel's when it was not kept), with its newline.
std::string header_text(const std::optional<std::string>& recorded, const char* kernel,
                        bool has_lines) {
  std::string header = recorded.value_or(padded(kernel, 127) + "\n");
  if (has_lines && (header.empty() || header.back() != '\n')) header += '\n';
  return header;
}

std::vector<std::pair<std::string, std::string>> route4_columns(const model::Route4& r) {
  return {{"Iface", r.interface_name},
          {"Destination", proc_address(r.destination)},
          {"Gateway", proc_address(r.gateway)},
          {"Flags", strprintf("%04X", r.flags)},
          {"RefCnt", strprintf("%d", r.ref_count)},
          {"Use", strprintf("%u", static_cast<uint32_t>(r.use))},
          {"Metric", strprintf("%d", r.metric)},
          {"Mask", proc_address(r.mask)},
          {"MTU", strprintf("%d", static_cast<int32_t>(r.mtu))},
          {"Window", strprintf("%u", r.window)},
          {"IRTT", strprintf("%u", r.irtt)}};
}

std::string route4_table(const model::Snapshot& s) {
  std::string text = header_text(s.routes4_header, kRouteHeader, !s.routes4.empty());
  Tokens names = header_names(text.substr(0, text.find('\n')));
  for (const auto& r : s.routes4) {
    Tokens line;
    for (auto& [name, value] : route4_columns(r)) {
      auto found = std::find(names.begin(), names.end(), name);
      if (found != names.end()) place(line, found - names.begin(), value);
    }
    text += join_line(line);
  }
  return text;
}

// Capture reads the 2.0 layout (HH, ARP) when the header names ARP, the 2.2+ one otherwise.
Tokens cache_layout(std::string_view header) {
  if (header.find("ARP") != std::string_view::npos)
    return {"Iface",  "Destination", "Gateway", "Flags", "RefCnt", "Use", "Metric",
            "Source", "MTU",         "Window",  "IRTT",  "HH",     "ARP"};
  return {"Iface", "Destination", "Gateway", "Flags", "RefCnt", "Use",     "Metric", "Source",
          "MTU",   "Window",      "IRTT",    "TOS",   "HHRef",  "HHUptod", "SpecDst"};
}

std::string cache_column(const std::string& name, const model::RouteCacheEntry& e) {
  if (name == "Iface") return e.interface_name;
  if (name == "Destination") return proc_address(e.destination);
  if (name == "Gateway") return proc_address(e.gateway);
  if (name == "Source") return proc_address(e.source);
  if (name == "SpecDst") return proc_address(e.specific_destination);
  if (name == "Flags") return strprintf("%8X", e.flags);
  if (name == "TOS") return strprintf("%02X", static_cast<uint32_t>(e.tos));
  const std::pair<const char*, int32_t> numbers[] = {{"RefCnt", e.ref_count},
                                                     {"Use", e.use},
                                                     {"Metric", e.metric},
                                                     {"MTU", e.mtu},
                                                     {"Window", e.window},
                                                     {"IRTT", e.irtt},
                                                     {"HHRef", e.hh_ref},
                                                     {"HHUptod", e.hh_uptodate},
                                                     {"HH", e.hh},
                                                     {"ARP", e.arp}};
  for (auto [column, value] : numbers)
    if (name == column) return strprintf("%d", value);
  return "0";
}

// Each layout column after the previous one in the header, as netstat's proc_gen_fmt finds
// them; a line carries only the columns the entry filled, so it ends where the original did.
std::string route_cache_table(const model::Snapshot& s) {
  std::string text = header_text(s.route_cache_header, kCacheHeader, !s.route_cache.empty());
  Tokens names = header_names(text.substr(0, text.find('\n')));
  Tokens layout = cache_layout(text.substr(0, text.find('\n')));
  std::vector<size_t> index;
  for (auto next = names.begin(); const auto& column : layout) {
    next = std::find(next, names.end(), column);
    if (next == names.end()) break;
    index.push_back(next++ - names.begin());
  }
  for (const auto& e : s.route_cache) {
    Tokens line;
    for (size_t c = 0; c < e.columns && c < index.size(); ++c)
      place(line, index[c], cache_column(layout[c], e));
    text += join_line(line);
  }
  return text;
}

std::string route6_table(const model::Snapshot& s) {
  std::string text;
  for (const auto& r : s.routes6) {
    text += strprintf("%s %02x %s %02x %s %08x %08x %08x %08x %8s\n",
                      ipv6_hex(r.destination).c_str(), r.destination_prefix,
                      ipv6_hex(r.source).c_str(), r.source_prefix, ipv6_hex(r.next_hop).c_str(),
                      r.metric, r.ref_count, r.use, r.flags, r.device.c_str());
  }
  return text;
}

}  // namespace

void write_routes(const model::Snapshot& s, const FixtureTree& tree) {
  tree.write_source(s, "proc/net/route", route4_table(s), s.routes4_header.has_value());
  tree.write_source(s, "proc/net/rt_cache", route_cache_table(s), s.route_cache_header.has_value());
  tree.write_source(s, "proc/net/ipv6_route", route6_table(s), !s.routes6.empty());
}

}  // namespace netsnap::render::fixture
