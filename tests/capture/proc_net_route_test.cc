#include <gtest/gtest.h>

#include "netsnap/capture/proc_parsers.h"

namespace netsnap::capture {
namespace {

constexpr std::string_view kRouteHeader =
    "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT        "
    "                                               \n";

// Lines of the fxr fixture of NETSTAT-FORMAT.md §8.2, including a reject route, a route without
// the U flag and metric 4294967295.
TEST(ProcNetRouteTest, ParsesFixtureLinesKeepingEveryRoute) {
  std::string text(kRouteHeader);
  text += "eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0                     \n";
  text += "averylongname15\t000010AC\t00000000\t0001\t2\t7\t1000\t0000F0FF\t1460\t65535\t300\n";
  text += "lo\t007100CB\t00000000\t0201\t0\t3\t0\t00FFFFFF\t0\t0\t0\n";
  text += "eth0\t0000140A\t00000000\t0000\t0\t0\t0\t0000FFFF\t0\t0\t0\n";
  text += "eth0\t00001E0A\t00000000\t0401\t0\t0\t4294967295\t0000FFFF\t0\t0\t0\n";
  std::vector<model::Route4> out;
  Diagnostics diag;
  parse_proc_net_route(text, "proc/net/route", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 5u);
  EXPECT_EQ(out[0].interface_name, "eth0");
  EXPECT_EQ(out[0].destination.to_string(), "0.0.0.0");
  EXPECT_EQ(out[0].gateway.to_string(), "192.0.2.1");
  EXPECT_EQ(out[0].mask.to_string(), "0.0.0.0");
  EXPECT_EQ(out[0].flags, 0x3u);
  EXPECT_EQ(out[0].metric, 100);
  const auto& r = out[1];
  EXPECT_EQ(r.interface_name, "averylongname15");
  EXPECT_EQ(r.destination.to_string(), "172.16.0.0");
  EXPECT_EQ(r.gateway.to_string(), "0.0.0.0");
  EXPECT_EQ(r.mask.to_string(), "255.240.0.0");
  EXPECT_EQ(r.flags, 0x1u);
  EXPECT_EQ(r.ref_count, 2);
  EXPECT_EQ(r.use, 7);
  EXPECT_EQ(r.metric, 1000);
  EXPECT_EQ(r.mtu, 1460u);
  EXPECT_EQ(r.window, 65535u);
  EXPECT_EQ(r.irtt, 300u);
  EXPECT_EQ(out[2].destination.to_string(), "203.0.113.0");
  EXPECT_EQ(out[2].flags, 0x201u);
  EXPECT_EQ(out[2].use, 3);
  EXPECT_EQ(out[3].flags, 0u);
  EXPECT_EQ(out[3].destination.to_string(), "10.20.0.0");
  EXPECT_EQ(out[4].metric, -1);
  EXPECT_EQ(out[4].flags, 0x401u);
}

TEST(ProcNetRouteTest, FindsColumnsByHeaderName) {
  std::string text =
      "Destination|Iface|Gateway Flags RefCnt Use Metric Mask MTU Window IRTT Extra\n"
      "0100007F lo 00000000 0005 1 2 -1 FFFFFFFF 65536 0 0 zzz\n";
  std::vector<model::Route4> out;
  Diagnostics diag;
  parse_proc_net_route(text, "proc/net/route", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].interface_name, "lo");
  EXPECT_EQ(out[0].destination.to_string(), "127.0.0.1");
  EXPECT_EQ(out[0].mask.to_string(), "255.255.255.255");
  EXPECT_EQ(out[0].ref_count, 1);
  EXPECT_EQ(out[0].use, 2);
  EXPECT_EQ(out[0].metric, -1);
  EXPECT_EQ(out[0].mtu, 65536u);
}

TEST(ProcNetRouteTest, HeaderWithoutRequiredColumnStopsTheFile) {
  std::string text =
      "Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\tMTU\tWindow\n"
      "eth0\t00000000\t010200C0\t0003\t0\t0\t100\t00000000\t0\t0\t0\n";
  std::vector<model::Route4> out;
  Diagnostics diag;
  parse_proc_net_route(text, "proc/net/route", out, diag);
  EXPECT_TRUE(out.empty());
  ASSERT_EQ(diag.warnings().size(), 1u);
  EXPECT_EQ(diag.warnings()[0].line, 1u);
  EXPECT_NE(diag.warnings()[0].message.find("'IRTT'"), std::string::npos);
}

TEST(ProcNetRouteTest, MalformedLinesAreReportedAndSkipped) {
  std::string text(kRouteHeader);
  text += "eth0\tZZ000000\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";
  text += "eth0\t000200C0\t00000000\t0001\t0\t0\n";
  text += "\n";
  text += "eth0\t000200C0\t00000000\t0001\t0\t0\t99999999999\t00FFFFFF\t0\t0\t0\n";
  text += "eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n";
  std::vector<model::Route4> out;
  Diagnostics diag;
  parse_proc_net_route(text, "proc/net/route", out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].destination.to_string(), "192.0.2.0");
  ASSERT_EQ(diag.warnings().size(), 3u);
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/route");
  EXPECT_EQ(diag.warnings()[0].line, 2u);
  EXPECT_NE(diag.warnings()[0].message.find("'ZZ000000'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[1].line, 3u);
  EXPECT_EQ(diag.warnings()[2].line, 5u);
  EXPECT_NE(diag.warnings()[2].message.find("'99999999999'"), std::string::npos);
}

TEST(ProcNetIpv6RouteTest, ParsesFixtureLines) {
  std::string text =
      "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
      "fd000000000000000000000000000001 00000400 00000002 00000005 00450003     eth0\n"
      "20010db8000000000000000000000000 30 00000000000000000000000000000000 00 "
      "fe800000000000000000000000000001 00000014 00000000 0001e240 00000003 averylongname15\n"
      "00000000000000000000000000000000 00 00000000000000000000000000000000 00 "
      "00000000000000000000000000000000 ffffffff 00000001 00000000 00200200       lo\n"
      "20010db8000000000000000000000000 40 fd000000000000000000000000000000 10 "
      "00000000000000000000000000000000 00000000 00000001 00000000 00000001         \n";
  std::vector<model::Route6> out;
  Diagnostics diag;
  parse_proc_net_ipv6_route(text, "proc/net/ipv6_route", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].destination.to_string(), "::");
  EXPECT_EQ(out[0].destination_prefix, 0);
  EXPECT_EQ(out[0].next_hop.to_string(), "fd00::1");
  EXPECT_EQ(out[0].metric, 1024u);
  EXPECT_EQ(out[0].ref_count, 2u);
  EXPECT_EQ(out[0].use, 5u);
  EXPECT_EQ(out[0].flags, 0x450003u);
  EXPECT_EQ(out[0].device, "eth0");
  EXPECT_EQ(out[1].destination.to_string(), "2001:db8::");
  EXPECT_EQ(out[1].destination_prefix, 48);
  EXPECT_EQ(out[1].next_hop.to_string(), "fe80::1");
  EXPECT_EQ(out[1].metric, 20u);
  EXPECT_EQ(out[1].use, 123456u);
  EXPECT_EQ(out[1].device, "averylongname15");
  EXPECT_EQ(out[2].metric, 0xffffffffu);
  EXPECT_EQ(out[2].flags, 0x200200u);
  EXPECT_EQ(out[3].source.to_string(), "fd00::");
  EXPECT_EQ(out[3].source_prefix, 16);
  EXPECT_EQ(out[3].device, "");
}

TEST(ProcNetIpv6RouteTest, MalformedLinesAreReportedAndSkipped) {
  std::string text =
      "fd000000000000000000000000000000 40 00000000000000000000000000000000 00 "
      "00000000000000000000000000000000 00000100 00000001 00000000 00000001 eth0\n"
      "fd00000000000000000000000000000 40 00000000000000000000000000000000 00 "
      "00000000000000000000000000000000 00000100 00000001 00000000 00000001 eth0\n"
      "fd000000000000000000000000000000 40 00000000000000000000000000000000 00\n"
      "fd000000000000000000000000000000 40 00000000000000000000000000000000 00 "
      "00000000000000000000000000000000 100000000 00000001 00000000 00000001 eth0\n"
      "fe800000000000000000000000000000 40 00000000000000000000000000000000 00 "
      "00000000000000000000000000000000 00000100 00000001 00000000 00000001 eth1\n";
  std::vector<model::Route6> out;
  Diagnostics diag;
  parse_proc_net_ipv6_route(text, "proc/net/ipv6_route", out, diag);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].device, "eth0");
  EXPECT_EQ(out[1].destination.to_string(), "fe80::");
  EXPECT_EQ(out[1].device, "eth1");
  ASSERT_EQ(diag.warnings().size(), 3u);
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/ipv6_route");
  EXPECT_EQ(diag.warnings()[0].line, 2u);
  EXPECT_NE(diag.warnings()[0].message.find("'fd00000000000000000000000000000'"),
            std::string::npos);
  EXPECT_EQ(diag.warnings()[1].line, 3u);
  EXPECT_EQ(diag.warnings()[2].line, 4u);
  EXPECT_NE(diag.warnings()[2].message.find("'100000000'"), std::string::npos);
}

// --- /proc/net/rt_cache
// ---------------------------------------------------------------------------

constexpr std::string_view kCacheHeader22 =
    "Iface\tDestination\tGateway \tFlags\t\tRefCnt\tUse\tMetric\tSource\t\tMTU\tWindow\tIRTT\tTOS"
    "\tHHRef\tHHUptod\tSpecDst\n";

// Lines of a Linux 2.6 cache (fixtures/routing-seed), one cut short after TOS.
TEST(ProcNetRtCacheTest, ParsesLinux22LayoutByColumnName) {
  std::string text(kCacheHeader22);
  text +=
      "lo\t640AA8C0\t640AA8C0\t80000000\t0\t412\t0\tD20AA8C0\t16436\t0\t0\t00\t-1\t0\t640AA8C0\n";
  text +=
      "eth0\tD20AA8C0\tD20AA8C0\t       0\t1\t2004\t0\t640AA8C0\t1500\t0\t33\t10\t1\t1\t640AA8C0\n";
  text += "eth0\t0600000A\t00000000\t3\t1\t5\t0\t0700000A\t1500\t0\t3\t1A\n";
  std::vector<model::RouteCacheEntry> out;
  Diagnostics diag;
  parse_proc_net_rt_cache(text, "proc/net/rt_cache", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].interface_name, "lo");
  EXPECT_EQ(out[0].destination.to_string(), "192.168.10.100");
  EXPECT_EQ(out[0].source.to_string(), "192.168.10.210");
  EXPECT_EQ(out[0].flags, 0x80000000u);
  EXPECT_EQ(out[0].use, 412);
  EXPECT_EQ(out[0].mtu, 16436);
  EXPECT_EQ(out[0].hh_ref, -1);
  EXPECT_EQ(out[0].specific_destination.to_string(), "192.168.10.100");
  EXPECT_EQ(out[0].columns, 15);
  EXPECT_EQ(out[1].flags, 0u);
  EXPECT_EQ(out[1].irtt, 33);
  EXPECT_EQ(out[1].tos, 0x10);  // the kernel prints TOS in hex
  EXPECT_EQ(out[1].hh_uptodate, 1);
  EXPECT_EQ(out[2].tos, 0x1a);
  EXPECT_EQ(out[2].columns, 12);
  EXPECT_EQ(out[2].specific_destination.family(), model::IpAddress::Family::kNone);
}

TEST(ProcNetRtCacheTest, ParsesLinux20Layout) {
  std::string text =
      "Iface\tDestination\tGateway "
      "\tFlags\tRefCnt\tUse\tMetric\tSource\t\tMTU\tWindow\tIRTT\tHH\tARP\n"
      "eth0\t0500000A\t0100000A\t07\t1\t5\t0\t0700000A\t1500\t0\t3\t-1\t1\n";
  std::vector<model::RouteCacheEntry> out;
  Diagnostics diag;
  parse_proc_net_rt_cache(text, "proc/net/rt_cache", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].gateway.to_string(), "10.0.0.1");
  EXPECT_EQ(out[0].flags, 0x7u);
  EXPECT_EQ(out[0].hh, -1);
  EXPECT_EQ(out[0].arp, 1);
  EXPECT_EQ(out[0].columns, 13);
}

TEST(ProcNetRtCacheTest, HeadersNetstatCannotReadKeepNoLines) {
  std::vector<model::RouteCacheEntry> out;
  Diagnostics diag;
  parse_proc_net_rt_cache("Iface\tDestination\tGateway\tFlags\neth0\t0100007F\t0\t0\n",
                          "proc/net/rt_cache", out, diag);
  std::string no_source(kCacheHeader22);
  no_source.replace(no_source.find("Source"), 6, "Src");
  parse_proc_net_rt_cache(
      no_source + "lo\t0100007F\t0100007F\t0\t0\t0\t0\t0100007F\t0\t0\t0\t00\t0\t0\t0\n",
      "proc/net/rt_cache", out, diag);
  EXPECT_TRUE(out.empty());
  ASSERT_EQ(diag.warnings().size(), 2u);
  EXPECT_EQ(diag.warnings()[0].line, 1u);
  EXPECT_NE(diag.warnings()[1].message.find("'Source'"), std::string::npos);
}

TEST(ProcNetRtCacheTest, LinesNetstatSkipsAreReported) {
  std::string text(kCacheHeader22);
  text += "eth0\t0600000A\t00000000\t3\t1\t5\t0\t0700000A\t1500\t0\t3\n";
  text += "eth0\tZZ00000A\t00000000\t3\t1\t5\t0\t0700000A\t1500\t0\t3\t00\t0\t0\t0700000A\n";
  std::vector<model::RouteCacheEntry> out;
  Diagnostics diag;
  parse_proc_net_rt_cache(text, "proc/net/rt_cache", out, diag);
  EXPECT_TRUE(out.empty());
  ASSERT_EQ(diag.warnings().size(), 2u);
  EXPECT_EQ(diag.warnings()[0].line, 2u);
  EXPECT_NE(diag.warnings()[0].message.find("'TOS'"), std::string::npos);
  EXPECT_NE(diag.warnings()[1].message.find("'ZZ00000A'"), std::string::npos);
}

TEST(ProcHeaderLineTest, KeepsTheNewlineSoAnEmptyFileDiffersFromAnEmptyLine) {
  EXPECT_EQ(proc_header_line(""), "");
  EXPECT_EQ(proc_header_line("\n"), "\n");
  EXPECT_EQ(proc_header_line("Iface\tDestination\nrest\n"), "Iface\tDestination\n");
  EXPECT_EQ(proc_header_line("no newline"), "no newline");
}

}  // namespace
}  // namespace netsnap::capture
