// /proc/net/dev: two header lines, then one interface a line, its name before ':'.
//
//   Inter-|   Receive                                                |  Transmit
//    face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs ...
//       lo:  844047   11129    0    0    0     0          0         0   844047   11129    0 ...
//   averylongname15:1025 10 0 0 0 0 0 0 1048577 20 0 0 0 0 0 0
//
// /proc/net/if_inet6: one IPv6 address a line.
//
//   fe8000000000000000fc00fffe000001 04 40 20 80     eth0
//   (address, ifindex, prefix length, scope, flags: all hex; then the device name)
#include <algorithm>
#include <limits>
#include <span>
#include <string>

#include "netsnap/capture/proc_parsers.h"
#include "netsnap/capture/text_scan.h"

namespace netsnap::capture {
namespace {

using model::Interface;
using model::InterfaceAddress6;
using model::InterfaceCounters;
using Counter = uint64_t InterfaceCounters::*;
using C = InterfaceCounters;

// The counters of each /proc/net/dev layout, in column order. Linux 2.2 and later print the
// third; the older two only matter for fixtures taken from very old kernels.
constexpr Counter kLayout3[] = {
    &C::rx_bytes, &C::rx_packets,    &C::rx_errors,     &C::rx_dropped,
    &C::rx_fifo,  &C::rx_frame,      &C::rx_compressed, &C::rx_multicast,
    &C::tx_bytes, &C::tx_packets,    &C::tx_errors,     &C::tx_dropped,
    &C::tx_fifo,  &C::tx_collisions, &C::tx_carrier,    &C::tx_compressed};
constexpr Counter kLayout2[] = {&C::rx_bytes,  &C::rx_packets, &C::rx_errors, &C::rx_dropped,
                                &C::rx_fifo,   &C::rx_frame,   &C::tx_bytes,  &C::tx_packets,
                                &C::tx_errors, &C::tx_dropped, &C::tx_fifo,   &C::tx_collisions,
                                &C::tx_carrier};
constexpr Counter kLayout1[] = {&C::rx_packets, &C::rx_errors,     &C::rx_dropped, &C::rx_fifo,
                                &C::rx_frame,   &C::tx_packets,    &C::tx_errors,  &C::tx_dropped,
                                &C::tx_fifo,    &C::tx_collisions, &C::tx_carrier};

// netstat picks the layout from the second header line.
std::span<const Counter> counter_layout(std::string_view header) {
  if (header.find("compressed") != std::string_view::npos) return kLayout3;
  if (header.find("bytes") != std::string_view::npos) return kLayout2;
  return kLayout1;
}

// Interface names cannot hold whitespace or ':', so a name is one non-empty word.
bool is_interface_name(std::string_view name) {
  return !name.empty() && name.find_first_of(" \t:") == std::string_view::npos;
}

// The name ends at the first ':'; the counters may follow it without a space.
std::string parse_dev_line(std::string_view line, std::span<const Counter> layout,
                           std::string_view& name, InterfaceCounters& counters) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return "no ':' after the interface name";
  name = trim(line.substr(0, colon));
  if (!is_interface_name(name)) return "bad interface name " + quoted(name);
  auto fields = split_fields(line.substr(colon + 1));
  if (fields.size() < layout.size()) {
    return "expected " + std::to_string(layout.size()) + " counters, found " +
           std::to_string(fields.size());
  }
  for (size_t i = 0; i < layout.size(); ++i) {
    auto value = parse_dec(fields[i]);
    if (!value) return "bad counter " + quoted(fields[i]);
    counters.*layout[i] = *value;
  }
  return "";
}

std::string parse_inet6_line(const std::vector<std::string_view>& f, InterfaceAddress6& a) {
  if (f.size() != 6) return "expected 6 fields, found " + std::to_string(f.size());
  auto address = parse_ipv6_bytes_hex(f[0]);
  if (!address) return "bad address " + quoted(f[0]);
  a.address = *address;
  if (!parse_field(f[1], 16, a.interface_index)) return "bad interface index " + quoted(f[1]);
  if (!parse_field(f[2], 16, a.prefix_length)) return "bad prefix length " + quoted(f[2]);
  if (!parse_field(f[3], 16, a.scope)) return "bad scope " + quoted(f[3]);
  if (!parse_field(f[4], 16, a.flags)) return "bad flags " + quoted(f[4]);
  if (!is_interface_name(f[5])) return "bad interface name " + quoted(f[5]);
  return "";
}

}  // namespace

void parse_proc_net_dev(std::string_view text, std::string_view path,
                        std::vector<Interface>& interfaces, Diagnostics& diag) {
  auto lines = split_lines(text);
  if (lines.size() < 2) return;
  auto layout = counter_layout(lines[1]);
  for (size_t n = 2; n < lines.size(); ++n) {
    if (trim(lines[n]).empty()) continue;
    std::string_view name;
    InterfaceCounters counters;
    std::string error = parse_dev_line(lines[n], layout, name, counters);
    if (!error.empty()) {
      diag.malformed(path, static_cast<uint32_t>(n + 1), error);
      continue;
    }
    model::find_or_add_interface(interfaces, name).counters = counters;
  }
}

void parse_proc_net_if_inet6(std::string_view text, std::string_view path,
                             std::vector<Interface>& interfaces, Diagnostics& diag) {
  auto lines = split_lines(text);
  for (size_t n = 0; n < lines.size(); ++n) {
    auto fields = split_fields(lines[n]);
    if (fields.empty()) continue;
    InterfaceAddress6 address;
    std::string error = parse_inet6_line(fields, address);
    if (!error.empty()) {
      diag.malformed(path, static_cast<uint32_t>(n + 1), error);
      continue;
    }
    Interface& interface = model::find_or_add_interface(interfaces, fields[5]);
    if (interface.index == 0) interface.index = address.interface_index;
    interface.addresses6.push_back(address);
  }
}

}  // namespace netsnap::capture
