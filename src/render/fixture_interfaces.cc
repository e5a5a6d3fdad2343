// Interfaces: /proc/net/dev (the v3 layout, net/core/net-procfs.c), /proc/net/if_inet6
// (net/ipv6/addrconf.c), sys/class/net/NAME/*, and the multicast tables /proc/net/igmp and
// /proc/net/igmp6 (net/ipv4/igmp.c, net/ipv6/mcast.c).
#include <string>

#include "fixture_tree.h"
#include "netsnap/render/safe_text.h"

namespace netsnap::render::fixture {
namespace {

using ull = unsigned long long;

std::string dev_table(const model::Snapshot& s) {
  std::string text =
      "Inter-|   Receive                                                |  Transmit\n"
      " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs "
      "drop fifo colls carrier compressed\n";
  for (const auto& i : s.interfaces) {
    if (!i.counters) continue;
    const auto& c = *i.counters;
    text += strprintf(
        "%6s: %7llu %7llu %4llu %4llu %4llu %5llu %10llu %9llu %8llu %7llu %4llu %4llu %4llu "
        "%5llu %7llu %10llu\n",
        i.name.c_str(), ull{c.rx_bytes}, ull{c.rx_packets}, ull{c.rx_errors}, ull{c.rx_dropped},
        ull{c.rx_fifo}, ull{c.rx_frame}, ull{c.rx_compressed}, ull{c.rx_multicast}, ull{c.tx_bytes},
        ull{c.tx_packets}, ull{c.tx_errors}, ull{c.tx_dropped}, ull{c.tx_fifo},
        ull{c.tx_collisions}, ull{c.tx_carrier}, ull{c.tx_compressed});
  }
  return text;
}

// Grouped by interface: capture keeps each interface's addresses, not the lines' interleaving.
std::string if_inet6_table(const model::Snapshot& s) {
  std::string text;
  for (const auto& i : s.interfaces) {
    for (const auto& a : i.addresses6) {
      text += strprintf("%s %02x %02x %02x %02x %8s\n", ipv6_hex(a.address).c_str(),
                        a.interface_index, a.prefix_length, a.scope, a.flags, i.name.c_str());
    }
  }
  return text;
}

bool has_sysfs_values(const model::Interface& i) {
  return i.mtu || i.flags || i.hardware_type || i.tx_queue_length || !i.hardware_address.empty();
}

std::string mac_text(const std::string& bytes) {
  std::string text;
  for (unsigned char b : bytes) text += strprintf(text.empty() ? "%02x" : ":%02x", b);
  return text;
}

// sysfs flags never carry IFF_RUNNING: capture adds it for an up device whose operstate is
// "up", and clears it when operstate says otherwise; so RUNNING becomes operstate.
void write_flags(const FixtureTree& tree, const std::string& dir, uint32_t flags) {
  constexpr uint32_t kUp = 0x1, kRunning = 0x40;
  if (!(flags & kUp)) {
    tree.write(dir + "flags", strprintf("0x%x\n", flags));
    return;
  }
  tree.write(dir + "flags", strprintf("0x%x\n", flags & ~kRunning));
  tree.write(dir + "operstate", flags & kRunning ? "up\n" : "down\n");
}

// An interface without counters or IPv6 addresses exists only through its sysfs directory,
// which must then be written even when empty.
void write_sysfs_interface(const FixtureTree& tree, const model::Interface& i) {
  bool only_sysfs = !i.counters && i.addresses6.empty();
  uint32_t index_from_inet6 = i.addresses6.empty() ? 0 : i.addresses6.front().interface_index;
  if (!only_sysfs && !has_sysfs_values(i) && i.index == index_from_inet6) return;
  std::string dir = "sys/class/net/" + std::string(file_name("interface name", i.name)) + "/";
  tree.make_dir(dir);
  if (i.index != 0 || i.index != index_from_inet6)
    tree.write(dir + "ifindex", strprintf("%u\n", i.index));
  if (i.mtu) tree.write(dir + "mtu", strprintf("%u\n", *i.mtu));
  if (i.hardware_type) tree.write(dir + "type", strprintf("%u\n", *i.hardware_type));
  if (i.flags) write_flags(tree, dir, *i.flags);
  if (i.tx_queue_length) tree.write(dir + "tx_queue_len", strprintf("%u\n", *i.tx_queue_length));
  if (!i.hardware_address.empty()) tree.write(dir + "address", mac_text(i.hardware_address) + "\n");
}

// The kernel prints a device line before each device's groups; the member count and querier
// version are not recorded, so the count is the groups written and the querier "V3".
std::string igmp_table(const model::Snapshot& s) {
  std::string text = "Idx\tDevice    :   Count Querier\tGroup    Users Timer\tReporter\n";
  for (size_t n = 0; n < s.multicast.size(); ++n) {
    const auto& g = s.multicast[n];
    if (g.ipv6) continue;
    bool new_device = n == 0 || s.multicast[n - 1].ipv6 ||
                      s.multicast[n - 1].interface_index != g.interface_index ||
                      s.multicast[n - 1].device != g.device;
    if (new_device) {
      size_t count = 0;
      for (size_t m = n;
           m < s.multicast.size() && !s.multicast[m].ipv6 &&
           s.multicast[m].interface_index == g.interface_index && s.multicast[m].device == g.device;
           ++m)
        ++count;
      text += strprintf("%u\t%-10s: %5zu %7s\n", g.interface_index, g.device.c_str(), count, "V3");
    }
    text += strprintf("\t\t\t\t%s %5u %u:%08llX\t\t%u\n", proc_address(g.group).c_str(), g.users,
                      g.timer_running, ull{g.timer}, g.reporter);
  }
  return text;
}

std::string igmp6_table(const model::Snapshot& s) {
  std::string text;
  for (const auto& g : s.multicast) {
    if (!g.ipv6) continue;
    text += strprintf("%-4u %-15s %s %5u %08X %lld\n", g.interface_index, g.device.c_str(),
                      ipv6_hex(g.group).c_str(), g.users, g.timer_running,
                      static_cast<long long>(g.timer));
  }
  return text;
}

}  // namespace

void write_interfaces(const model::Snapshot& s, const FixtureTree& tree) {
  bool any_counters = false, any_inet6 = false;
  for (const auto& i : s.interfaces) {
    any_counters |= i.counters.has_value();
    any_inet6 |= !i.addresses6.empty();
  }
  tree.write_source(s, "proc/net/dev", dev_table(s), any_counters);
  tree.write_source(s, "proc/net/if_inet6", if_inet6_table(s), any_inet6);
  for (const auto& i : s.interfaces) write_sysfs_interface(tree, i);
}

void check_file_names(const model::Snapshot& s) {
  for (const auto& i : s.interfaces) file_name("interface name", i.name);
}

void write_multicast(const model::Snapshot& s, const FixtureTree& tree) {
  bool any4 = false, any6 = false;
  for (const auto& g : s.multicast) (g.ipv6 ? any6 : any4) = true;
  tree.write_source(s, "proc/net/igmp", igmp_table(s), any4);
  tree.write_source(s, "proc/net/igmp6", igmp6_table(s), any6);
}

}  // namespace netsnap::render::fixture
