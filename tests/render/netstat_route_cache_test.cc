// netstat -rC for IPv4: /proc/net/rt_cache in its 2.2 and 2.0 layouts, and what netstat makes of
// headers it does not expect (NETSTAT-FORMAT.md §8.3; texts checked with netstat-oracle).
#include <gtest/gtest.h>

#include <cstring>

#include "render/socket_listing_support.h"

namespace netsnap::render {
namespace {

using socket_testing::ip;
using socket_testing::Printed;
using socket_testing::render;

constexpr const char* kHeader22 =
    "Iface\tDestination\tGateway \tFlags\t\tRefCnt\tUse\tMetric\tSource\t\tMTU\tWindow\tIRTT\tTOS"
    "\tHHRef\tHHUptod\tSpecDst\n";
constexpr const char* kHeader20 =
    "Iface\tDestination\tGateway "
    "\tFlags\tRefCnt\tUse\tMetric\tSource\t\tMTU\tWindow\tIRTT\tHH\tARP\n";
constexpr const char* kTitle = "Kernel IP routing cache\n";
constexpr const char* kColumnsB =
    "Source          Destination     Gateway         Flags   MSS Window  irtt Iface\n";
constexpr const char* kColumnsC22 =
    "Source          Destination     Gateway         Flags Metric Ref    Use Iface    MSS   Window "
    "irtt  TOS HHRef HHUptod     SpecDst\n";

model::RouteCacheEntry entry(const char* iface, const char* src, const char* dst, const char* gw,
                             uint32_t flags, uint8_t columns) {
  model::RouteCacheEntry e;
  e.interface_name = iface;
  e.source = ip(src);
  e.destination = ip(dst);
  e.gateway = ip(gw);
  e.flags = flags;
  e.mtu = 1500;
  e.columns = columns;
  return e;
}

model::Snapshot cache_snapshot(const char* header) {
  model::Snapshot s;
  s.sources.push_back({"proc/net/rt_cache", model::SourceState::kPresent, 0});
  s.route_cache_header = header;
  return s;
}

// Lines of a Linux 2.6 cache: a local route, a forwarded one, and lines cut short.
model::Snapshot linux26_cache() {
  model::Snapshot s = cache_snapshot(kHeader22);
  auto local = entry("lo", "192.168.10.210", "192.168.10.100", "192.168.10.100", 0x80000000, 15);
  local.use = 412;
  local.mtu = 16436;
  local.hh_ref = -1;
  local.specific_destination = ip("192.168.10.100");
  auto out = entry("eth0", "192.168.10.100", "192.168.10.210", "192.168.10.210", 0, 15);
  out.ref_count = 1;
  out.use = 2004;
  out.irtt = 33;
  out.tos = 0x10;  // the file says "10", which netstat reads as decimal 10
  out.hh_ref = 1;
  out.hh_uptodate = 1;
  out.specific_destination = ip("192.168.10.100");
  // Stops after TOS: netstat keeps HHRef/HHUptod of the line before, and SpecDst falls back to
  // the source because the previous SpecDst text does not read as hex.
  auto cut = entry("eth0", "10.0.0.7", "10.0.0.6", "0.0.0.0", 0x3, 12);
  cut.tos = 7;
  auto hex_tos = entry("eth0", "10.0.0.7", "10.0.0.8", "0.0.0.0", 0x2, 15);
  hex_tos.tos = 0x1a;  // read as 1, and the columns after it are lost
  hex_tos.hh_ref = 5;
  hex_tos.specific_destination = ip("10.0.0.9");
  auto letter_tos = entry("eth0", "10.0.0.7", "10.0.0.10", "0.0.0.0", 0x2, 15);
  letter_tos.tos = 0xa0;  // netstat cannot read it at all and skips the line
  s.route_cache = {local, out, cut, hex_tos, letter_tos};
  s.names.hosts4 = {{ip("192.168.10.100"), "linux.centos.vbird"}};
  return s;
}

TEST(NetstatRouteCacheTest, Linux22LayoutAllColumns) {
  Printed p = render(linux26_cache(), {"-rCnee"});
  EXPECT_EQ(p.out,
            std::string(kTitle) + kColumnsC22 +
                "192.168.10.210  192.168.10.100  192.168.10.100  l     0      0      412 lo"
                "       16436 0      0     0   -1    0    192.168.10.100\n"
                "192.168.10.100  192.168.10.210  192.168.10.210        0      1     2004 eth0"
                "     1500  0      33    10  1     1    192.168.10.100\n"
                "10.0.0.7        10.0.0.6        0.0.0.0         G-    0      0        0 eth0"
                "     1500  0      0     7   1     1          10.0.0.7\n"
                "10.0.0.7        10.0.0.8        0.0.0.0         G     0      0        0 eth0"
                "     1500  0      0     1   1     1          10.0.0.7\n");
  EXPECT_EQ(p.err, "");
  EXPECT_EQ(p.status, 0);
}

TEST(NetstatRouteCacheTest, NamesAreNotCutToTheColumn) {
  std::string out = render(linux26_cache(), {"-rC"}).out;
  EXPECT_NE(out.find("192.168.10.210  linux.centos.vbird linux.centos.vbird l     16436 0          "
                     "0 lo\n"),
            std::string::npos);
  EXPECT_EQ(out.substr(0, std::strlen(kTitle) + std::strlen(kColumnsB)),
            std::string(kTitle) + kColumnsB);
}

TEST(NetstatRouteCacheTest, Linux20Layout) {
  model::Snapshot s = cache_snapshot(kHeader20);
  auto e = entry("eth0", "10.0.0.7", "10.0.0.5", "10.0.0.1", 0x7, 13);
  e.hh = -1;
  e.arp = 1;
  auto cut = entry("lo", "127.0.0.1", "127.0.0.1", "127.0.0.1", 0x80000005, 12);
  cut.hh = 2;
  s.route_cache = {e, cut};
  EXPECT_EQ(render(s, {"-rCnee"}).out,
            std::string(kTitle) +
                "Source          Destination     Gateway         Flags Metric Ref    Use Iface    "
                "MSS   Window irtt  HH  Arp\n"
                "10.0.0.7        10.0.0.5        10.0.0.1        UHG   0      0        0 eth0     "
                "1500  0      0     -1  1\n"
                "127.0.0.1       127.0.0.1       127.0.0.1       UHl   0      0        0 lo       "
                "1500  0      0     2   1\n");
}

TEST(NetstatRouteCacheTest, ModernKernelsPrintOnlyTheHeaders) {
  model::Snapshot s = cache_snapshot(kHeader22);
  EXPECT_EQ(render(s, {"-rC"}).out, std::string(kTitle) + kColumnsB);
  s.route_cache_header.reset();  // recorded before the header was kept: the same
  EXPECT_EQ(render(s, {"-rC"}).out, std::string(kTitle) + kColumnsB);
}

TEST(NetstatRouteCacheTest, UnknownLayoutAndMissingColumn) {
  model::Snapshot s = cache_snapshot("Iface\tDestination\tGateway\tFlags\n");
  Printed p = render(s, {"-rCee"});
  EXPECT_EQ(p.out,
            std::string(kTitle) + "ERROR: proc_guess_fmt(/proc/net/rt_cache,... returned: 0\n");
  EXPECT_EQ(p.status, 0);
  s.route_cache_header =
      "Iface\tDestination\tGateway \tFlags\t\tRefCnt\tUse\tMetric\tSrc\t\tMTU\tWindow\tIRTT\tTOS\t"
      "HHRef\tHHUptod\tSpecDst\n";
  p = render(s, {"-rC"});
  EXPECT_EQ(p.out, std::string(kTitle) + kColumnsB);
  EXPECT_EQ(p.err, "warning: /proc/net/rt_cache does not contain required field Source\n");
  EXPECT_EQ(p.status, 0);
}

TEST(NetstatRouteCacheTest, EmptyAndMissingFiles) {
  model::Snapshot s = cache_snapshot("");
  s.sources.push_back({"proc/net/route", model::SourceState::kPresent, 0});
  Printed p = render(s, {"-rC"});
  EXPECT_EQ(p.out, kTitle);
  EXPECT_EQ(p.err, "/proc/net/rt_cache: No such file or directory\n");
  EXPECT_EQ(p.status, 255);
  model::Route4 host_route;
  host_route.interface_name = "eth0";
  host_route.destination = ip("10.0.0.1");
  host_route.gateway = ip("0.0.0.0");
  host_route.mask = ip("255.255.255.255");
  host_route.flags = 0x5;
  s.routes4 = {host_route};
  p = render(s, {"-rFC"});  // the FIB's name lookup left errno at 0
  EXPECT_EQ(p.err, "/proc/net/rt_cache: Success\n");
  p = render(s, {"-rFCn"});  // no lookup: still the ENOENT netstat starts with
  EXPECT_EQ(p.err, "/proc/net/rt_cache: No such file or directory\n");
  s.sources[0].state = model::SourceState::kAbsent;
  p = render(s, {"-rC"});
  EXPECT_EQ(p.out, "INET (IPv4) not configured in this system.\n");
  EXPECT_EQ(p.err, "/proc/net/rt_cache: No such file or directory\n");
  EXPECT_EQ(p.status, 1);
}

}  // namespace
}  // namespace netsnap::render
