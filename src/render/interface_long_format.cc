// netstat -ie: for each interface the block ifconfig prints (NETSTAT-FORMAT.md §10.3).
#include <cstdio>
#include <string>

#include "interface_table.h"
#include "netsnap/render/address_text.h"
#include "netsnap/render/safe_text.h"

namespace netsnap::render {
namespace {

constexpr uint16_t kIffBroadcast = 0x2, kIffPointToPoint = 0x10, kIffPortSelect = 0x2000,
                   kIffAutoMedia = 0x4000;

// "flags=4163<UP,BROADCAST,RUNNING,MULTICAST>": the kernel's short printed as an int, then the
// names in ifconfig's order; without a known name the '<' goes too, except for flags 0 ("0<").
std::string flags_text(uint16_t flags) {
  static constexpr std::pair<uint16_t, const char*> kNames[] = {
      {0x1, "UP"},           {0x2, "BROADCAST"},   {0x4, "DEBUG"},    {0x8, "LOOPBACK"},
      {0x10, "POINTOPOINT"}, {0x20, "NOTRAILERS"}, {0x40, "RUNNING"}, {0x80, "NOARP"},
      {0x100, "PROMISC"},    {0x200, "ALLMULTI"},  {0x800, "SLAVE"},  {0x400, "MASTER"},
      {0x1000, "MULTICAST"}, {0x8000, "DYNAMIC"}};
  std::string text = "flags=" + std::to_string(static_cast<int16_t>(flags)) + "<";
  if (flags == 0) text += '>';
  for (auto [bit, name] : kNames)
    if (flags & bit) text += std::string(name) + ",";
  if (text.back() == ',') {
    text.back() = '>';
  } else {
    text.pop_back();
  }
  return text;
}

std::string inet_line(const model::InterfaceAddress4& a, uint16_t flags) {
  std::string line = "        inet " + a.address.to_string() + "  netmask " + a.netmask.to_string();
  // SIOCGIFBRDADDR and SIOCGIFDSTADDR answer for every address: 0.0.0.0 when there is no
  // broadcast address, the address itself when there is no peer.
  if (flags & kIffBroadcast)
    line += "  broadcast " + a.broadcast.value_or(model::IpAddress::v4({0, 0, 0, 0})).to_string();
  if (flags & kIffPointToPoint)
    line += "  destination " + a.destination.value_or(a.address).to_string();
  return line + "\n";
}

std::string inet6_line(const model::InterfaceAddress6& a, const NameLookup& no_names) {
  std::string line = "        inet6 " + inet_host_text(a.address, true, no_names) + "  prefixlen " +
                     std::to_string(a.prefix_length);
  char scope_id[16];
  std::snprintf(scope_id, sizeof scope_id, "  scopeid 0x%x", a.scope);
  line += scope_id;
  unsigned scope = a.scope;
  std::string scopes = "<";
  if (scope & 0x80) {
    scopes += "compat,";
    scope -= 0x80;
  }
  if (scope == 0) scopes += "global,";
  if (scope & 0x20) scopes += "link,";
  if (scope & 0x40) scopes += "site,";
  if (scope & 0x10) scopes += "host,";
  if (scopes.back() == ',') {
    scopes.back() = '>';
  } else {
    scopes.pop_back();
  }
  return line + scopes + "\n";
}

std::string media_line(const model::Interface& device, uint16_t flags) {
  if (!(flags & kIffPortSelect)) return "";
  static constexpr const char* kPorts[] = {"unknown",  "10base2",   "10baseT",  "AUI",
                                           "100baseT", "100baseTX", "100baseFX"};
  uint8_t port = device.device_map ? device.device_map->port : 0;
  std::string line = "        media ";
  line += port < std::size(kPorts) ? kPorts[port] : "unknown";
  if (flags & kIffAutoMedia) line += "autoselect";
  return line + "\n";
}

// "(824.2 KiB)": one decimal, truncated; the unit is the first the count strictly exceeds.
std::string human_bytes(uint64_t bytes) {
  uint64_t tenths = bytes * 10;
  const char* unit = "B";
  if (bytes > (1ull << 60)) {
    tenths = bytes / 115292150460684697ull;
    unit = "EiB";
  } else if (bytes > (1ull << 50)) {
    tenths /= 1ull << 50;
    unit = "PiB";
  } else if (bytes > (1ull << 40)) {
    tenths /= 1ull << 40;
    unit = "TiB";
  } else if (bytes > (1ull << 30)) {
    tenths /= 1ull << 30;
    unit = "GiB";
  } else if (bytes > (1ull << 20)) {
    tenths /= 1ull << 20;
    unit = "MiB";
  } else if (bytes > 1024) {
    tenths /= 1024;
    unit = "KiB";
  }
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + " " + unit;
}

std::string statistics_lines(const model::InterfaceCounters& c, bool compressed) {
  auto n = [](uint64_t v) { return std::to_string(v); };
  std::string text = "        RX packets " + n(c.rx_packets) + "  bytes " + n(c.rx_bytes) + " (" +
                     human_bytes(c.rx_bytes) + ")\n";
  if (compressed) text += "        RX compressed:" + n(c.rx_compressed) + "\n";
  text += "        RX errors " + n(c.rx_errors) + "  dropped " + n(c.rx_dropped) + "  overruns " +
          n(c.rx_fifo) + "  frame " + n(c.rx_frame) + "\n";
  text += "        TX packets " + n(c.tx_packets) + "  bytes " + n(c.tx_bytes) + " (" +
          human_bytes(c.tx_bytes) + ")\n";
  if (compressed) text += "        TX compressed " + n(c.tx_compressed) + "\n";
  text += "        TX errors " + n(c.tx_errors) + "  dropped " + n(c.tx_dropped) + " overruns " +
          n(c.tx_fifo) + "  carrier " + n(c.tx_carrier) + "  collisions " + n(c.tx_collisions) +
          "\n";
  return text;
}

std::string device_map_line(const model::Interface& device) {
  if (!device.device_map) return "";
  const model::DeviceMap& m = *device.device_map;
  if (!m.irq && !m.memory_start && !m.dma && m.base_address < 0x100) return "";
  char part[64];
  std::string line = "        device ";
  if (m.irq) line += "interrupt " + std::to_string(m.irq) + "  ";
  if (m.base_address >= 0x100) {
    std::snprintf(part, sizeof part, "base 0x%x  ", m.base_address);
    line += part;
  }
  if (m.memory_start) {
    std::snprintf(part, sizeof part, "memory 0x%llx-%llx  ",
                  static_cast<unsigned long long>(m.memory_start),
                  static_cast<unsigned long long>(m.memory_end));
    line += part;
  }
  if (m.dma) {
    std::snprintf(part, sizeof part, "  dma 0x%x", m.dma);
    line += part;
  }
  return line + "\n";
}

bool is_compressed_slip(const model::Interface& device) {
  return device.hardware_type == 257 || device.hardware_type == 259;  // CSLIP, CSLIP6
}

}  // namespace

std::string interface_long_block(const InterfaceView& view) {
  static const model::NameTable kNoNames;
  static const NameLookup no_names(kNoNames);  // ifconfig prints addresses numerically
  const model::Interface& device = *view.device;
  uint16_t flags = static_cast<uint16_t>(device.flags.value_or(0));
  std::string block = printable(view.name) + ": " + flags_text(flags) + "  mtu " +
                      std::to_string(static_cast<int32_t>(device.mtu.value_or(0))) + "\n";
  if (view.address4) block += inet_line(*view.address4, flags);
  if (view.addresses6)
    for (const auto& a : *view.addresses6) block += inet6_line(a, no_names);
  HardwareText hardware = hardware_text(device);
  block += "        " + hardware.address;
  if (device.tx_queue_length)
    block += "  txqueuelen " + std::to_string(static_cast<int32_t>(*device.tx_queue_length));
  block += "  (" + hardware.title + ")\n";
  block += media_line(device, flags);
  if (view.counters) block += statistics_lines(*view.counters, is_compressed_slip(device));
  block += device_map_line(device);
  return block + "\n";
}

}  // namespace netsnap::render
