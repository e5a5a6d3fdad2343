// /proc/net/route: a header naming the columns, then one IPv4 route a line (tab-separated).
//
//   Iface  Destination  Gateway   Flags  RefCnt  Use  Metric  Mask      MTU  Window  IRTT
//   eth0   00000000     010200C0  0003   0       0    100     00000000  0    0       0
//
// /proc/net/ipv6_route: no header; one route a line.
//
//   dest(32 hex) dest_len src(32 hex) src_len next_hop(32 hex) metric refcnt use flags device
//
// /proc/net/rt_cache: a header naming the columns, whose layout differs by kernel (and since
// Linux 3.6 nothing but the header):
//
//   2.2+: Iface Destination Gateway Flags RefCnt Use Metric Source MTU Window IRTT TOS HHRef
//         HHUptod SpecDst
//   2.0:  Iface Destination Gateway Flags RefCnt Use Metric Source MTU Window IRTT HH ARP
#include <algorithm>
#include <array>
#include <limits>
#include <span>
#include <string>

#include "netsnap/capture/proc_parsers.h"
#include "netsnap/capture/record_lines.h"
#include "netsnap/model/route_headers.h"

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
constexpr auto& kColumnNames = model::kRouteColumns;
static_assert(std::size(kColumnNames) == kColumnCount);
using ColumnIndex = std::array<size_t, kColumnCount>;

// Returns the name of the first required column the header lacks, or "" when all are there.
// Unlike netstat, which wants them in order, any order will do: the lines are still recorded, and
// replay reproduces netstat's refusal from the recorded header (model/route_headers.h).
std::string find_columns(std::string_view header, ColumnIndex& index) {
  Fields names = model::header_columns(header);
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

// --- /proc/net/rt_cache -------------------------------------------------------------------------

using model::RouteCacheEntry;
using Names = std::span<const std::string_view>;

constexpr size_t kCacheMinColumns = 12;  // netstat ignores lines that fill fewer

// netstat reads these with %d: the low 32 bits of the number.
bool parse_int32(std::string_view token, int32_t& field) {
  auto value = parse_signed_dec(token);
  if (!value) return false;
  field = static_cast<int32_t>(static_cast<uint32_t>(*value));
  return true;
}

bool parse_address4(std::string_view token, IpAddress& field) {
  auto address = parse_proc_address(token);
  if (!address || !address->is_v4()) return false;
  field = *address;
  return true;
}

bool parse_hex32(std::string_view token, uint32_t& field) {
  auto value = parse_hex(token);
  if (!value || *value > 0xffffffffu) return false;
  field = static_cast<uint32_t>(*value);
  return true;
}

bool parse_cache_column(std::string_view name, std::string_view token, RouteCacheEntry& e) {
  using E = RouteCacheEntry;
  static constexpr std::pair<std::string_view, IpAddress E::*> kAddresses[] = {
      {"Destination", &E::destination},
      {"Gateway", &E::gateway},
      {"Source", &E::source},
      {"SpecDst", &E::specific_destination}};
  static constexpr std::pair<std::string_view, int32_t E::*> kDecimals[] = {
      {"RefCnt", &E::ref_count},
      {"Use", &E::use},
      {"Metric", &E::metric},
      {"MTU", &E::mtu},
      {"Window", &E::window},
      {"IRTT", &E::irtt},
      {"HHRef", &E::hh_ref},
      {"HHUptod", &E::hh_uptodate},
      {"HH", &E::hh},
      {"ARP", &E::arp}};
  if (name == "Iface") {
    e.interface_name = std::string(token);
    return true;
  }
  if (name == "Flags") return parse_hex32(token, e.flags);
  if (name == "TOS") {
    uint32_t tos = 0;
    if (!parse_hex32(token, tos)) return false;
    e.tos = static_cast<int32_t>(tos);
    return true;
  }
  for (auto [column, field] : kAddresses)
    if (name == column) return parse_address4(token, e.*field);
  for (auto [column, field] : kDecimals)
    if (name == column) return parse_int32(token, e.*field);
  return false;
}

// Fills the columns in header order and stops at the first one that is missing or unreadable,
// as netstat's sscanf does; lines that stop too early carry no route for it.
std::string parse_cache_line(const Fields& f, Names names, const std::vector<size_t>& index,
                             RouteCacheEntry& e) {
  size_t n = 0;
  while (n < names.size() && index[n] < f.size() && parse_cache_column(names[n], f[index[n]], e))
    ++n;
  e.columns = static_cast<uint8_t>(n);
  if (n >= kCacheMinColumns) return "";
  if (index[n] >= f.size()) return "line ends before column " + quoted(names[n]);
  return "bad " + std::string(names[n]) + " " + quoted(f[index[n]]);
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

void parse_proc_net_rt_cache(std::string_view text, std::string_view path,
                             std::vector<model::RouteCacheEntry>& out, Diagnostics& diag) {
  auto lines = split_lines(text);
  if (lines.empty()) return;
  Names names = model::route_cache_columns(model::route_cache_layout(lines[0]));
  if (names.empty()) {
    // netstat prints an error for such a header and cannot read the lines either.
    diag.malformed(path, 1, "header matches no layout netstat knows");
    return;
  }
  std::vector<size_t> index;
  std::string missing = model::first_missing_column(lines[0], names, &index);
  if (!missing.empty()) {
    diag.malformed(path, 1, "header lacks the required column " + quoted(missing));
    return;
  }
  parse_records(text, path, 1, out, diag, [&](const Fields& f, RouteCacheEntry& e) {
    return parse_cache_line(f, names, index, e);
  });
}

std::string proc_header_line(std::string_view text) {
  size_t end = text.find('\n');
  return std::string(text.substr(0, end == std::string_view::npos ? text.size() : end + 1));
}

}  // namespace netsnap::capture
