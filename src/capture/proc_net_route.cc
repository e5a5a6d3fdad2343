// /proc/net/route: a header naming the columns, then one IPv4 route a line (tab-separated).
//
//   Iface  Destination  Gateway   Flags  RefCnt  Use  Metric  Mask      MTU  Window  IRTT
//   eth0   00000000     010200C0  0003   0       0    100     00000000  0    0       0
//
// /proc/net/ipv6_route: no header; one route a line.
//
//   dest(32 hex) dest_len src(32 hex) src_len next_hop(32 hex) metric refcnt use flags device
#include <algorithm>
#include <array>
#include <limits>
#include <string>

#include "netsnap/capture/proc_parsers.h"
#include "netsnap/capture/record_lines.h"

namespace netsnap::capture {
namespace {

using model::IpAddress;
using model::Route4;
using model::Route6;

// The columns netstat requires in /proc/net/route's header, found by name like netstat does.
enum Column {
  kIface,
  kDestination,
  kGateway,
  kFlags,
  kRefCnt,
  kUse,
  kMetric,
  kMask,
  kMtu,
  kWindow,
  kIrtt,
  kColumnCount
};
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "Iface",  "Destination", "Gateway", "Flags",  "RefCnt", "Use",
    "Metric", "Mask",        "MTU",     "Window", "IRTT"};
using ColumnIndex = std::array<size_t, kColumnCount>;

// The header separates its names with whitespace and '|'.
Fields header_names(std::string_view line) {
  Fields names;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '|') continue;
    if (i > start) names.push_back(line.substr(start, i - start));
    start = i + 1;
  }
  return names;
}

// Returns the name of the first required column the header lacks, or "" when all are there.
std::string find_columns(std::string_view header, ColumnIndex& index) {
  Fields names = header_names(header);
  for (size_t c = 0; c < kColumnCount; ++c) {
    auto found = std::find(names.begin(), names.end(), kColumnNames[c]);
    if (found == names.end()) return std::string(kColumnNames[c]);
    index[c] = found - names.begin();
  }
  return "";
}

// A 32-bit decimal as the kernel prints it with %d or %u: 4294967295 and -1 are the same bits.
std::optional<uint32_t> parse_dec32(std::string_view token) {
  auto value = parse_signed_dec(token);
  if (!value || *value < std::numeric_limits<int32_t>::min() ||
      *value > std::numeric_limits<uint32_t>::max()) {
    return std::nullopt;
  }
  return static_cast<uint32_t>(*value);
}

std::string parse_route4_numbers(const Fields& f, const ColumnIndex& c, Route4& r) {
  if (!parse_field(f[c[kFlags]], 16, r.flags)) return "bad flags " + quoted(f[c[kFlags]]);
  std::array<uint32_t, 6> values{};
  constexpr std::array<Column, 6> kDecimal = {kRefCnt, kUse, kMetric, kMtu, kWindow, kIrtt};
  for (size_t i = 0; i < kDecimal.size(); ++i) {
    std::string_view token = f[c[kDecimal[i]]];
    auto value = parse_dec32(token);
    if (!value) return "bad " + std::string(kColumnNames[kDecimal[i]]) + " " + quoted(token);
    values[i] = *value;
  }
  r.ref_count = static_cast<int32_t>(values[0]);
  r.use = static_cast<int32_t>(values[1]);
  r.metric = static_cast<int32_t>(values[2]);
  r.mtu = values[3];
  r.window = values[4];
  r.irtt = values[5];
  return "";
}

std::string parse_route4(const Fields& f, const ColumnIndex& c, Route4& r) {
  size_t needed = *std::max_element(c.begin(), c.end()) + 1;
  if (f.size() < needed) {
    return "expected " + std::to_string(needed) + " fields, found " + std::to_string(f.size());
  }
  r.interface_name = std::string(f[c[kIface]]);
  for (auto [column, field] : {std::pair{kDestination, &r.destination},
                               std::pair{kGateway, &r.gateway}, std::pair{kMask, &r.mask}}) {
    auto address = parse_proc_address(f[c[column]]);
    if (!address || !address->is_v4()) {
      return "bad " + std::string(kColumnNames[column]) + " " + quoted(f[c[column]]);
    }
    *field = *address;
  }
  return parse_route4_numbers(f, c, r);
}

std::string parse_route6(const Fields& f, Route6& r) {
  // The kernel prints an empty device name for routes without one, leaving nine fields.
  if (f.size() != 9 && f.size() != 10) {
    return "expected 10 fields, found " + std::to_string(f.size());
  }
  for (auto [i, field] :
       {std::pair{0, &r.destination}, std::pair{2, &r.source}, std::pair{4, &r.next_hop}}) {
    auto address = parse_ipv6_bytes_hex(f[i]);
    if (!address) return "bad address " + quoted(f[i]);
    *field = *address;
  }
  if (!parse_field(f[1], 16, r.destination_prefix)) return "bad prefix length " + quoted(f[1]);
  if (!parse_field(f[3], 16, r.source_prefix)) return "bad source prefix length " + quoted(f[3]);
  if (!parse_field(f[5], 16, r.metric)) return "bad metric " + quoted(f[5]);
  if (!parse_field(f[6], 16, r.ref_count)) return "bad reference count " + quoted(f[6]);
  if (!parse_field(f[7], 16, r.use)) return "bad use count " + quoted(f[7]);
  if (!parse_field(f[8], 16, r.flags)) return "bad flags " + quoted(f[8]);
  if (f.size() == 10) r.device = std::string(f[9]);
  return "";
}

}  // namespace

void parse_proc_net_route(std::string_view text, std::string_view path, std::vector<Route4>& out,
                          Diagnostics& diag) {
  auto lines = split_lines(text);
  if (lines.empty()) return;
  ColumnIndex columns{};
  std::string missing = find_columns(lines[0], columns);
  if (!missing.empty()) {
    // Without the header the columns cannot be told apart; netstat gives up here too.
    diag.malformed(path, 1, "header lacks the required column " + quoted(missing));
    return;
  }
  parse_records(text, path, 1, out, diag,
                [&](const Fields& f, Route4& r) { return parse_route4(f, columns, r); });
}

void parse_proc_net_ipv6_route(std::string_view text, std::string_view path,
                               std::vector<Route6>& out, Diagnostics& diag) {
  parse_records(text, path, 0, out, diag, parse_route6);
}

}  // namespace netsnap::capture
