// netstat -r: IPv4 FIB, IPv4 cache and IPv6 tables (NETSTAT-FORMAT.md §8, §9, §2), expected
// texts as netstat 2.10 prints them for the same kernel lines (checked with netstat-oracle).
#include <gtest/gtest.h>

#include <cstring>

#include "render/socket_listing_support.h"

namespace netsnap::render {
namespace {

using socket_testing::ip;
using socket_testing::Printed;
using socket_testing::render;

constexpr const char* kTitle = "Kernel IP routing table\n";
constexpr const char* kColumnsB =
    "Destination     Gateway         Genmask         Flags   MSS Window  irtt Iface\n";
constexpr const char* kColumnsA =
    "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n";
constexpr const char* kColumnsC =
    "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface    MSS   "
    "Window irtt\n";

model::Route4 route(const char* iface, const char* dest, const char* gw, const char* mask,
                    uint32_t flags, int32_t metric = 0) {
  model::Route4 r;
  r.interface_name = iface;
  r.destination = ip(dest);
  r.gateway = ip(gw);
  r.mask = ip(mask);
  r.flags = flags;
  r.metric = metric;
  return r;
}

model::Snapshot with_sources() {
  model::Snapshot s;
  for (const char* path : {"proc/net/route", "proc/net/rt_cache", "proc/net/ipv6_route"})
    s.sources.push_back({path, model::SourceState::kPresent, 0});
  return s;
}

// The fxr lines of NETSTAT-FORMAT.md §8.2, with its names.
model::Snapshot fib_snapshot() {
  model::Snapshot s = with_sources();
  s.routes4 = {route("eth0", "0.0.0.0", "192.0.2.1", "0.0.0.0", 0x3, 100),
               route("eth0", "192.0.2.0", "0.0.0.0", "255.255.255.0", 0x1),
               route("eth0", "10.0.0.7", "10.0.0.1", "255.255.255.255", 0x7, 5),
               route("averylongname15", "172.16.0.0", "0.0.0.0", "255.240.0.0", 0x1, 1000),
               route("lo", "203.0.113.0", "0.0.0.0", "255.255.255.0", 0x201),
               route("eth0", "198.51.100.0", "192.0.2.254", "255.255.255.0", 0xf3),
               route("eth0", "0.0.0.0", "0.0.0.0", "128.0.0.0", 0x1),
               route("eth0", "10.20.0.0", "0.0.0.0", "255.255.0.0", 0x0),
               route("eth0", "10.30.0.0", "0.0.0.0", "255.255.0.0", 0x401, -1)};
  s.routes4[2].ref_count = 1;
  s.routes4[2].use = 12345;
  s.routes4[3].ref_count = 2;
  s.routes4[3].use = 7;
  s.routes4[3].mtu = 1460;
  s.routes4[3].window = 65535;
  s.routes4[3].irtt = 300;
  s.routes4[4].use = 3;
  s.routes4[5].mtu = 1400;
  s.routes4[5].window = 8192;
  s.routes4[5].irtt = 20;
  s.names.networks4 = {{ip("192.0.2.0"), "mynet"}, {ip("172.16.0.0"), "privnet"}};
  s.names.hosts4 = {{ip("10.0.0.7"), "host7.example.com"},
                    {ip("10.0.0.1"), "gw.example.com"},
                    {ip("192.0.2.254"), "averyveryverylongname.example"}};
  return s;
}

TEST(NetstatRoutesTest, FibDefaultStyleResolvesHostsAndNetworks) {
  Printed p = render(fib_snapshot(), {"-r"});
  EXPECT_EQ(p.out,
            std::string(kTitle) + kColumnsB +
                "default         192.0.2.1       0.0.0.0         UG        0 0          0 eth0\n"
                "mynet           0.0.0.0         255.255.255.0   U         0 0          0 eth0\n"
                "host7.example.c gw.example.com  255.255.255.255 UGH       0 0          0 eth0\n"
                "privnet         0.0.0.0         255.240.0.0     U      1460 65535    300 "
                "averylongname15\n"
                "203.0.113.0     -               255.255.255.0   !         - -          - -\n"
                "198.51.100.0    averyveryverylo 255.255.255.0   UGDMuw  1400 8192      20 eth0\n"
                "0.0.0.0         0.0.0.0         128.0.0.0       U         0 0          0 eth0\n"
                "10.30.0.0       0.0.0.0         255.255.0.0     Un        0 0          0 eth0\n");
  EXPECT_EQ(p.err, "");
  EXPECT_EQ(p.status, 0);
}

TEST(NetstatRoutesTest, ExtendCountCyclesThroughTheStyles) {
  model::Snapshot s = fib_snapshot();
  EXPECT_EQ(render(s, {"-rne"}).out,
            std::string(kTitle) + kColumnsA +
                "0.0.0.0         192.0.2.1       0.0.0.0         UG    100    0        0 eth0\n"
                "192.0.2.0       0.0.0.0         255.255.255.0   U     0      0        0 eth0\n"
                "10.0.0.7        10.0.0.1        255.255.255.255 UGH   5      1    12345 eth0\n"
                "172.16.0.0      0.0.0.0         255.240.0.0     U     1000   2        7 "
                "averylongname15\n"
                "203.0.113.0     -               255.255.255.0   !     0      -        3 -\n"
                "198.51.100.0    192.0.2.254     255.255.255.0   UGDMuw 0      0        0 eth0\n"
                "0.0.0.0         0.0.0.0         128.0.0.0       U     0      0        0 eth0\n"
                "10.30.0.0       0.0.0.0         255.255.0.0     Un    -1     0        0 eth0\n");
  std::string both = render(s, {"-rnee"}).out;
  EXPECT_EQ(both.substr(0, std::strlen(kTitle) + std::strlen(kColumnsC)),
            std::string(kTitle) + kColumnsC);
  EXPECT_NE(both.find("172.16.0.0      0.0.0.0         255.240.0.0     U     1000   2        7 "
                      "averyl   1460  65535  300\n"),
            std::string::npos);
  EXPECT_NE(both.find("203.0.113.0     -               255.255.255.0   !     0      -        3 -"
                      "        -     -      -\n"),
            std::string::npos);
  EXPECT_EQ(render(s, {"-rneee"}).out, kTitle);                          // no header, no rows
  EXPECT_EQ(render(s, {"-rneeee"}).out.substr(std::strlen(kTitle), 30),  // A again
            std::string(kColumnsA).substr(0, 30));
}

TEST(NetstatRoutesTest, SymbolicOptionMakesAddressesNumeric) {
  model::Snapshot s = fib_snapshot();
  EXPECT_EQ(render(s, {"-rN"}).out, render(s, {"-rn"}).out);
  EXPECT_EQ(render(s, {"-r", "--numeric-hosts"}).out, render(s, {"-rn"}).out);
}

TEST(NetstatRoutesTest, HeaderWithoutRequiredColumnWarnsAfterTheColumnHeader) {
  model::Snapshot s = fib_snapshot();
  s.routes4_header = "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\tMTU\tWindow\n";
  Printed p = render(s, {"-r"});
  EXPECT_EQ(p.out, std::string(kTitle) + kColumnsB);
  EXPECT_EQ(p.err, "warning: /proc/net/route does not contain required field IRTT\n");
  EXPECT_EQ(p.status, 1);
  s.routes4_header = "Destination|Iface|Gateway Flags RefCnt Use Metric Mask MTU Window IRTT\n";
  EXPECT_EQ(render(s, {"-r"}).err,
            "warning: /proc/net/route does not contain required field Destination\n");
  s.routes4_header = "";  // an empty file: netstat stops without a message
  p = render(s, {"-r"});
  EXPECT_EQ(p.out, std::string(kTitle) + kColumnsB);
  EXPECT_EQ(p.err, "");
  EXPECT_EQ(p.status, 1);
}

TEST(NetstatRoutesTest, MissingRouteFiles) {
  model::Snapshot s = fib_snapshot();
  s.sources[0].state = model::SourceState::kAbsent;
  Printed p = render(s, {"-r"});
  EXPECT_EQ(p.out, "INET (IPv4) not configured in this system.\n");
  EXPECT_EQ(p.err, "/proc/net/route: No such file or directory\n");
  EXPECT_EQ(p.status, 1);
  s.sources[2] = {"proc/net/ipv6_route", model::SourceState::kUnreadable, 13};
  p = render(s, {"-r6"});
  EXPECT_EQ(p.out, "INET6 (IPv6) not configured in this system.\n");
  EXPECT_EQ(p.err, "/proc/net/ipv6_route: Permission denied\n");
}

TEST(NetstatRoutesTest, FamiliesWithoutRoutingAndUnknownFamilies) {
  model::Snapshot s = fib_snapshot();
  Printed p = render(s, {"-r", "-A", "inet,unix"});
  EXPECT_EQ(p.out.substr(0, std::strlen(kTitle)), kTitle);  // inet printed first
  EXPECT_EQ(p.err, "No routing for address family `unix'.\n");
  EXPECT_EQ(p.status, 3);
  p = render(s, {"-r", "-A", "bluetooth"});
  EXPECT_EQ(p.err, "Address family `bluetooth' not supported.\n");
  EXPECT_EQ(p.status, 3);
  p = render(s, {"-r", "-A", "econet"});
  EXPECT_EQ(p.err, "No routing for address family `ec'.\n");
  p = render(s, {"-r", "-A", "ax25"});
  EXPECT_EQ(p.out, "AX.25 not configured in this system.\n");
  EXPECT_EQ(p.err, "/proc/net/ax25_route: No such file or directory\n");
  EXPECT_EQ(p.status, 1);
}

model::Route6 route6(const char* dest, uint8_t prefix, const char* next_hop, uint32_t flags,
                     const char* device) {
  model::Route6 r;
  r.destination = ip(dest);
  r.destination_prefix = prefix;
  r.source = ip("::");
  r.next_hop = ip(next_hop);
  r.flags = flags;
  r.device = device;
  return r;
}

constexpr const char* kColumns6 =
    "Destination                    Next Hop                   Flag Met Ref  Use If\n";

TEST(NetstatRoutesTest, Ipv6TableAndCacheSplitOnRtfCache) {
  model::Snapshot s = with_sources();
  s.routes6 = {
      route6("fd00::", 64, "::", 0x1, "eth0"), route6("::", 0, "fd00::1", 0x450003, "eth0"),
      route6("2001:db8:1:2:3:4:5:6", 128, "::", 0x1000005, "eth0"),
      route6("::ffff:0.0.0.0", 96, "::", 0x201, "lo"), route6("fd01::", 64, "::", 0x0, "")};
  s.routes6[0].metric = 256;
  s.routes6[0].ref_count = 1;
  s.routes6[1].metric = 0xffffffff;
  s.routes6[1].use = 5;
  s.names.hosts6 = {{ip("fd00::1"), "v6gw.example.com"}};
  EXPECT_EQ(
      render(s, {"-r", "-A", "inet6"}).out,
      std::string("Kernel IPv6 routing table\n") + kColumns6 +
          "fd00::/64                      [::]                       U    256 1      0 eth0\n"
          "[::]/0                         v6gw.example.com           UGDAe -1  0      5 eth0\n"
          "0.0.0.0/96                     [::]                       U!   0   0      0 lo\n"
          // no device: netstat keeps the one of the line before
          "fd01::/64                      [::]                            0   0      0 lo\n");
  EXPECT_EQ(
      render(s, {"-rn6C"}).out,
      std::string("Kernel IPv6 routing cache\n") + kColumns6 +
          "2001:db8:1:2:3:4:5:6/128       ::                         UHC  0   0      0 eth0\n");
}

TEST(NetstatRoutesTest, ListedFamiliesPrintInListOrder) {
  model::Snapshot s = fib_snapshot();
  std::string out = render(s, {"-rn", "-6", "-4"}).out;
  EXPECT_EQ(out.find("Kernel IPv6 routing table"), 0u);
  EXPECT_NE(out.find(kTitle), std::string::npos);
}

}  // namespace
}  // namespace netsnap::render
