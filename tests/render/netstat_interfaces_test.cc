// netstat -i: which interfaces, in which order, and both formats (NETSTAT-FORMAT.md §10; texts
// checked with netstat-oracle where its veth devices can show them).
#include <gtest/gtest.h>

#include <cstring>

#include "render/socket_listing_support.h"

namespace netsnap::render {
namespace {

using socket_testing::ip;
using socket_testing::Printed;
using socket_testing::render;

constexpr const char* kTitle = "Kernel Interface table\n";
constexpr const char* kColumns =
    "Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n";

model::Interface device(const char* name, uint32_t flags, uint32_t mtu = 1500) {
  model::Interface i;
  i.name = name;
  i.flags = flags;
  i.mtu = mtu;
  i.hardware_type = 1;
  i.hardware_address = std::string("\x52\x54\x00\x12\x34\x56", 6);
  i.tx_queue_length = 1000;
  return i;
}

model::InterfaceCounters counters(uint64_t base) {
  model::InterfaceCounters c;
  c.rx_bytes = base * 1000;
  c.rx_packets = base;
  c.rx_errors = 1;
  c.rx_dropped = 2;
  c.rx_fifo = 3;
  c.rx_frame = 4;
  c.tx_bytes = base * 2000;
  c.tx_packets = base * 2;
  c.tx_errors = 7;
  c.tx_dropped = 8;
  c.tx_fifo = 9;
  c.tx_collisions = 10;
  c.tx_carrier = 11;
  return c;
}

model::Snapshot interfaces_snapshot() {
  model::Snapshot s;
  s.sources.push_back({"proc/net/dev", model::SourceState::kPresent, 0});
  auto eth10 = device("eth10", 0x1243, 9000);
  eth10.counters = counters(3);
  auto eth2 = device("eth2", 0x1003);
  eth2.counters = counters(1);
  auto lo = device("lo", 0x49, 65536);
  lo.hardware_type = 772;
  lo.counters = counters(5);
  lo.addresses4 = {{"lo", ip("127.0.0.1"), ip("255.0.0.0"), std::nullopt, std::nullopt}};
  auto down = device("br0", 0x1002);
  down.counters = counters(0);
  auto v0 = device("v0", 0x1043);
  v0.counters = counters(7);
  v0.addresses4 = {{"v0", ip("10.9.9.9"), ip("255.255.255.0"), std::nullopt, std::nullopt},
                   {"v0:1", ip("10.9.9.10"), ip("255.255.255.0"), ip("10.9.9.255"), std::nullopt}};
  v0.addresses6 = {{ip("fe80::9"), 4, 64, 0x20, 0x80}, {ip("::ffff:10.9.9.9"), 4, 96, 0, 0}};
  auto sysfs_only = device("dummy9", 0x1003);  // no /proc/net/dev line and no IPv4: not listed
  s.interfaces = {lo, v0, eth10, eth2, down, sysfs_only};
  return s;
}

TEST(NetstatInterfacesTest, ShortFormatSortsNamesAndHidesDownInterfaces) {
  Printed p = render(interfaces_snapshot(), {"-i"});
  EXPECT_EQ(
      p.out,
      std::string(kTitle) + kColumns +
          "eth2             1500        1      1      2 3             2      7      8      9 BMU\n"
          "eth10            9000        3      1      2 3             6      7      8      9 "
          "ABMRU\n"
          "lo              65536        5      1      2 3            10      7      8      9 LRU\n"
          "v0               1500        7      1      2 3            14      7      8      9 BMRU\n"
          "v0:1             1500      - no statistics available -                        BMRU\n");
  EXPECT_EQ(p.err, "");
  EXPECT_EQ(p.status, 0);
  std::string all = render(interfaces_snapshot(), {"-ia"}).out;
  EXPECT_NE(
      all.find(
          "br0              1500        0      1      2 3             0      7      8      9 BM\n"),
      std::string::npos);
}

// Names sort by their text before a trailing number, then by the number, then by an alias
// suffix; netstat inserts each name from the end of the list it keeps.
TEST(NetstatInterfacesTest, NaturalNameOrder) {
  model::Snapshot s;
  for (const char* name : {"lo", "eth10", "eth2", "eth0.100", "eth1", "bridge", "br0", "123", "0",
                           "eth9", "v0", "x1y10", "x1y2"}) {
    auto i = device(name, 0x1);
    i.counters = model::InterfaceCounters{};
    s.interfaces.push_back(i);
  }
  s.interfaces[10].addresses4 = {
      {"v0:10", ip("10.0.0.10"), ip("255.0.0.0"), std::nullopt, std::nullopt},
      {"v0:2", ip("10.0.0.2"), ip("255.0.0.0"), std::nullopt, std::nullopt},
      {"v0", ip("10.0.0.1"), ip("255.0.0.0"), std::nullopt, std::nullopt}};
  std::string order;
  std::string out = render(s, {"-i"}).out;
  for (size_t pos = out.find('\n', std::strlen(kTitle) + 1); pos + 1 < out.size();
       pos = out.find('\n', pos + 1))
    order += out.substr(pos + 1, out.find(' ', pos + 1) - pos - 1) + ",";
  EXPECT_EQ(order, "0,123,br0,bridge,eth1,eth2,eth9,eth10,eth0.100,lo,v0,v0:2,v0:10,x1y2,x1y10,");
}

TEST(NetstatInterfacesTest, LongFormatIsIfconfigsBlock) {
  std::string out = render(interfaces_snapshot(), {"-ie"}).out;
  EXPECT_EQ(out.substr(0, std::strlen(kTitle)), kTitle);
  EXPECT_NE(out.find("v0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n"
                     "        inet 10.9.9.9  netmask 255.255.255.0  broadcast 0.0.0.0\n"
                     "        inet6 fe80::9  prefixlen 64  scopeid 0x20<link>\n"
                     "        inet6 10.9.9.9  prefixlen 96  scopeid 0x0<global>\n"
                     "        ether 52:54:00:12:34:56  txqueuelen 1000  (Ethernet)\n"
                     "        RX packets 7  bytes 7000 (6.8 KiB)\n"
                     "        RX errors 1  dropped 2  overruns 3  frame 4\n"
                     "        TX packets 14  bytes 14000 (13.6 KiB)\n"
                     "        TX errors 7  dropped 8 overruns 9  carrier 11  collisions 10\n"
                     "\n"
                     "v0:1: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n"
                     "        inet 10.9.9.10  netmask 255.255.255.0  broadcast 10.9.9.255\n"
                     "        ether 52:54:00:12:34:56  txqueuelen 1000  (Ethernet)\n"
                     "\n"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n"
                     "        inet 127.0.0.1  netmask 255.0.0.0\n"
                     "        loop  txqueuelen 1000  (Local Loopback)\n"),
            std::string::npos);
  EXPECT_EQ(render(interfaces_snapshot(), {"-iee"}).out, out);
}

TEST(NetstatInterfacesTest, FlagsAndHardwareCornerCases) {
  model::Snapshot s = interfaces_snapshot();
  auto none = device("tun0", 0, 1500);
  none.hardware_type = 65534;
  none.hardware_address.clear();
  none.tx_queue_length.reset();
  none.counters = model::InterfaceCounters{};
  auto dynamic = device("ppp0", 0x8011 | 0x2000, 1492);  // DYNAMIC, POINTOPOINT, PORTSEL
  dynamic.hardware_type = 512;
  dynamic.addresses4 = {
      {"ppp0", ip("10.0.0.1"), ip("255.255.255.255"), std::nullopt, ip("10.0.0.2")}};
  dynamic.device_map = model::DeviceMap{0xd0000, 0xdffff, 0x300, 10, 3, 2};
  s.interfaces = {none, dynamic};
  std::string out = render(s, {"-iae"}).out;
  EXPECT_NE(out.find("tun0: flags=0<  mtu 1500\n"
                     "        unspec 00-00-00-00-00-00-00-00-00-00-00-00-00-00-00-00  (UNSPEC)\n"
                     "        RX packets 0  bytes 0 (0.0 B)\n"),
            std::string::npos)
      << out;
  // The flags are the kernel's short: with DYNAMIC (0x8000) set netstat prints them negative.
  EXPECT_NE(out.find("ppp0: flags=-24559<UP,POINTOPOINT,DYNAMIC>  mtu 1492\n"
                     "        inet 10.0.0.1  netmask 255.255.255.255  destination 10.0.0.2\n"
                     "        ppp  txqueuelen 1000  (Point-to-Point Protocol)\n"
                     "        media 10baseT\n"
                     "        device interrupt 10  base 0x300  memory 0xd0000-dffff    dma 0x3\n"
                     "\n"),
            std::string::npos)
      << out;
  std::string short_out = render(s, {"-ia"}).out;
  EXPECT_NE(
      short_out.find("tun0             1500        0      0      0 0             0      0      "
                     "0      0 [NO FLAGS]\n"),
      std::string::npos);
  EXPECT_NE(short_out.find("ppp0             1492      - no statistics available -               "
                           "         dPU\n"),
            std::string::npos)
      << short_out;
}

TEST(NetstatInterfacesTest, HumanReadableByteCounts) {
  model::Snapshot s;
  auto big = device("eth0", 0x1);
  big.counters = model::InterfaceCounters{};
  big.counters->rx_bytes = 1152921504606846977ull;  // just over 2^60
  big.counters->tx_bytes = 18446744073709551615ull;
  s.interfaces = {big};
  std::string out = render(s, {"-ie"}).out;
  EXPECT_NE(out.find("RX packets 0  bytes 1152921504606846977 (1.0 EiB)\n"), std::string::npos);
  EXPECT_NE(out.find("TX packets 0  bytes 18446744073709551615 (16.0 EiB)\n"), std::string::npos);
}

// Deliberate deviation from 2.10, which zeroes the counters of 15-character names.
TEST(NetstatInterfacesTest, FifteenCharacterNamesKeepTheirCounters) {
  model::Snapshot s;
  auto bridge = device("br-3f2a9c81d0e7", 0x1003);
  bridge.counters = counters(4242);
  s.interfaces = {bridge};
  EXPECT_EQ(render(s, {"-i"}).out, std::string(kTitle) + kColumns +
                                       "br-3f2a9c81d0e7  1500     4242      1      2 3          "
                                       "8484      7      8      9 BMU\n");
}

TEST(NetstatInterfacesTest, UnknownDeviceStopsTheTable) {
  model::Snapshot s = interfaces_snapshot();
  model::Interface ghost;
  ghost.name = "eth3";  // in /proc/net/dev, but the kernel does not know it
  ghost.counters = counters(1);
  s.interfaces.push_back(ghost);
  Printed p = render(s, {"-i"});
  EXPECT_EQ(p.out, std::string(kTitle) + kColumns +
                       "eth2             1500        1      1      2 3             2      7      8 "
                       "     9 BMU\n");
  EXPECT_EQ(p.err,
            "eth3: error fetching interface information: Device not found\n"
            "missing interface information: No such device\n");
  EXPECT_EQ(p.status, 1);
}

TEST(NetstatInterfacesTest, MissingProcNetDevLeavesTheIpv4Labels) {
  model::Snapshot s = interfaces_snapshot();
  s.sources[0].state = model::SourceState::kAbsent;
  for (auto& i : s.interfaces) i.counters.reset();
  Printed p = render(s, {"-i"});
  EXPECT_EQ(p.err,
            "Warning: cannot open /proc/net/dev (No such file or directory). Limited output.\n");
  EXPECT_EQ(
      p.out,
      std::string(kTitle) + kColumns +
          "lo              65536      - no statistics available -                        LRU\n"
          "v0               1500      - no statistics available -                        BMRU\n"
          "v0:1             1500      - no statistics available -                        BMRU\n");
  EXPECT_EQ(p.status, 0);
}

TEST(NetstatInterfacesTest, ContinuousModePrintsTheTitleOnce) {
  NetstatCommandLine command = parse_netstat_command_line({"-ic"});
  ASSERT_TRUE(command.options);
  model::Snapshot s = interfaces_snapshot();
  Output first, second;
  EXPECT_EQ(render_netstat(s, *command.options, 0, first), 0);
  EXPECT_EQ(render_netstat(s, *command.options, 1, second), 0);
  EXPECT_EQ(first.stdout_text(), kTitle + second.stdout_text());
  EXPECT_EQ(second.stdout_text().substr(0, std::strlen(kColumns)), kColumns);
}

}  // namespace
}  // namespace netsnap::render
