// /proc/net/igmp: a header line, then for each device a device line followed by its groups
// (group lines start with four tabs).
//
//   Idx  Device    : Count Querier  Group    Users Timer  Reporter
//   4    eth0      :     3      V2
//                FB0000E0     2 1:0000012C      1
//
// The group is the word as /proc/net/tcp prints addresses (host order); the timer is hex.
//
// /proc/net/igmp6: no header; one group a line.
//
//   4    eth0            ff0500000000000000000000000000fb     1 00000004 12345
//   (index, device, group in network-order hex bytes, users, flags in hex, timer in decimal)
#include <limits>
#include <optional>
#include <string>

#include "netsnap/capture/proc_parsers.h"
#include "netsnap/capture/record_lines.h"

namespace netsnap::capture {
namespace {

using model::MulticastGroup;

struct Device {
  uint32_t index = 0;
  std::string name;
};

// "4\teth0      :     3      V2": the name is what lies between the index and the ':'.
std::string parse_device_line(std::string_view line, Device& device) {
  size_t tab = line.find_first_of(" \t");
  size_t colon = line.find(':');
  if (tab == std::string_view::npos || colon == std::string_view::npos || colon < tab) {
    return "device line " + quoted(line) + " lacks 'index<tab>name:'";
  }
  std::string_view index = line.substr(0, tab);
  if (!parse_field(index, 10, device.index)) return "bad interface index " + quoted(index);
  std::string_view name = trim(line.substr(tab, colon - tab));
  if (name.empty() || name.find_first_of(" \t") != std::string_view::npos) {
    return "bad device name " + quoted(name);
  }
  device.name = std::string(name);
  return "";
}

// "\t\t\t\tFB0000E0     2 1:0000012C\t\t1": group, users, running:timer, reporter.
std::string parse_group_line(const Fields& f, MulticastGroup& g) {
  if (f.size() != 4) return "expected 4 fields, found " + std::to_string(f.size());
  auto group = parse_proc_address(f[0]);
  if (!group || !group->is_v4()) return "bad group " + quoted(f[0]);
  g.group = *group;
  if (!parse_field(f[1], 10, g.users)) return "bad user count " + quoted(f[1]);
  size_t colon = f[2].find(':');
  if (colon == std::string_view::npos || !parse_field(f[2].substr(0, colon), 10, g.timer_running) ||
      !parse_field(f[2].substr(colon + 1), 16, g.timer)) {
    return "bad timer " + quoted(f[2]);
  }
  if (!parse_field(f[3], 10, g.reporter)) return "bad reporter " + quoted(f[3]);
  return "";
}

// Reads one line after the header; a device line replaces `device`, a group line is appended.
std::string parse_igmp_line(std::string_view line, std::optional<Device>& device,
                            std::vector<MulticastGroup>& out) {
  if (line.front() != '\t') {
    device.emplace();
    std::string error = parse_device_line(line, *device);
    // Groups under a device line that could not be read belong to no known device.
    if (!error.empty()) device.reset();
    return error;
  }
  if (!device) return "group line follows no valid device line";
  MulticastGroup g;
  g.interface_index = device->index;
  g.device = device->name;
  std::string error = parse_group_line(split_fields(line), g);
  if (error.empty()) out.push_back(std::move(g));
  return error;
}

std::string parse_igmp6_line(const Fields& f, MulticastGroup& g) {
  if (f.size() != 6) return "expected 6 fields, found " + std::to_string(f.size());
  if (!parse_field(f[0], 10, g.interface_index)) return "bad interface index " + quoted(f[0]);
  g.device = std::string(f[1]);
  auto group = parse_ipv6_bytes_hex(f[2]);
  if (!group) return "bad group " + quoted(f[2]);
  g.group = *group;
  if (!parse_field(f[3], 10, g.users)) return "bad user count " + quoted(f[3]);
  if (!parse_field(f[4], 16, g.timer_running)) return "bad flags " + quoted(f[4]);
  // The kernel prints the timer with %ld; keep its bits even if it ever goes negative.
  auto timer = parse_signed_dec(f[5]);
  if (!timer) return "bad timer " + quoted(f[5]);
  g.timer = static_cast<uint64_t>(*timer);
  return "";
}

}  // namespace

void parse_proc_net_igmp(std::string_view text, std::string_view path,
                         std::vector<MulticastGroup>& out, Diagnostics& diag) {
  auto lines = split_lines(text);
  if (!lines.empty() && lines[0].find("Device") == std::string_view::npos) {
    diag.malformed(path, 1, "header " + quoted(lines[0]) + " lacks 'Device'");
  }
  std::optional<Device> device;
  for (size_t n = 1; n < lines.size(); ++n) {
    if (trim(lines[n]).empty()) continue;
    std::string error = parse_igmp_line(lines[n], device, out);
    if (!error.empty()) diag.malformed(path, static_cast<uint32_t>(n + 1), error);
  }
}

void parse_proc_net_igmp6(std::string_view text, std::string_view path,
                          std::vector<MulticastGroup>& out, Diagnostics& diag) {
  MulticastGroup prototype;
  prototype.ipv6 = true;
  parse_records(text, path, 0, out, diag, parse_igmp6_line, prototype);
}

}  // namespace netsnap::capture
