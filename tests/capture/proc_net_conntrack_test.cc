#include <gtest/gtest.h>

#include "netsnap/capture/proc_parsers.h"

namespace netsnap::capture {
namespace {

using model::ConntrackFlow;
using model::MasqueradeEntry;

TEST(ProcNetNfConntrackTest, ParsesTcpFlowWithBothTuplesAndCounters) {
  std::string text =
      "ipv4     2 tcp      6 431999 ESTABLISHED src=10.0.0.2 dst=93.184.216.34 sport=51000 "
      "dport=443 packets=10 bytes=1200 src=93.184.216.34 dst=192.168.1.5 sport=443 dport=51000 "
      "packets=8 bytes=9000 [ASSURED] mark=7 zone=0 use=2\n";
  std::vector<ConntrackFlow> out;
  Diagnostics diag;
  parse_proc_net_nf_conntrack(text, "proc/net/nf_conntrack", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 1u);
  const ConntrackFlow& f = out[0];
  EXPECT_FALSE(f.ipv6);
  EXPECT_EQ(f.protocol, "tcp");
  EXPECT_EQ(f.protocol_number, 6u);
  EXPECT_EQ(f.timeout_seconds, 431999u);
  EXPECT_EQ(f.state, "ESTABLISHED");
  EXPECT_EQ(f.original.source.to_string(), "10.0.0.2");
  EXPECT_EQ(f.original.destination.to_string(), "93.184.216.34");
  EXPECT_EQ(f.original.source_port, 51000);
  EXPECT_EQ(f.original.destination_port, 443);
  EXPECT_EQ(f.original.packets, 10u);
  EXPECT_EQ(f.original.bytes, 1200u);
  EXPECT_EQ(f.original.extra, "");
  EXPECT_EQ(f.reply.source.to_string(), "93.184.216.34");
  EXPECT_EQ(f.reply.destination.to_string(), "192.168.1.5");
  EXPECT_EQ(f.reply.source_port, 443);
  EXPECT_EQ(f.reply.destination_port, 51000);
  EXPECT_EQ(f.reply.packets, 8u);
  EXPECT_EQ(f.reply.bytes, 9000u);
  EXPECT_EQ(f.flags, std::vector<std::string>{"ASSURED"});
  EXPECT_EQ(f.mark, 7u);
  EXPECT_EQ(f.zone, 0u);
  EXPECT_EQ(f.use, 2u);
}

TEST(ProcNetNfConntrackTest, ParsesStatelessAndIpv6Flows) {
  std::string text =
      "ipv4     2 udp      17 28 src=10.0.0.2 dst=8.8.8.8 sport=40000 dport=53 [UNREPLIED] "
      "src=8.8.8.8 dst=192.168.1.5 sport=53 dport=40000 mark=0 use=2\n"
      "ipv4     2 icmp     1 29 src=10.0.0.2 dst=8.8.8.8 type=8 code=0 id=1234 src=8.8.8.8 "
      "dst=192.168.1.5 type=0 code=0 id=1234 mark=0 use=2\n"
      "ipv6     10 tcp      6 86399 ESTABLISHED src=fd00::2 dst=2001:db8::1 sport=40000 "
      "dport=443 src=2001:db8::1 dst=fd00::2 sport=443 dport=40000 [ASSURED] mark=0 use=1\n";
  std::vector<ConntrackFlow> out;
  Diagnostics diag;
  parse_proc_net_nf_conntrack(text, "proc/net/nf_conntrack", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].protocol, "udp");
  EXPECT_EQ(out[0].protocol_number, 17u);
  EXPECT_EQ(out[0].timeout_seconds, 28u);
  EXPECT_EQ(out[0].state, "");
  EXPECT_EQ(out[0].flags, std::vector<std::string>{"UNREPLIED"});
  EXPECT_EQ(out[0].reply.source_port, 53);
  EXPECT_FALSE(out[0].original.packets.has_value());
  EXPECT_EQ(out[1].protocol, "icmp");
  EXPECT_EQ(out[1].state, "");
  EXPECT_EQ(out[1].original.extra, "type=8 code=0 id=1234");
  EXPECT_EQ(out[1].reply.extra, "type=0 code=0 id=1234");
  EXPECT_EQ(out[1].reply.destination.to_string(), "192.168.1.5");
  EXPECT_TRUE(out[2].ipv6);
  EXPECT_EQ(out[2].state, "ESTABLISHED");
  EXPECT_EQ(out[2].original.source.to_string(), "fd00::2");
  EXPECT_EQ(out[2].reply.source.to_string(), "2001:db8::1");
  EXPECT_EQ(out[2].use, 1u);
}

TEST(ProcNetNfConntrackTest, ReadsOlderIpConntrackAndSkipsUnknownTrailingKeys) {
  std::string text =
      "tcp      6 117 SYN_SENT src=10.0.0.2 dst=10.0.0.9 sport=41000 dport=22 [UNREPLIED] "
      "src=10.0.0.9 dst=10.0.0.2 sport=22 dport=41000 use=1\n"
      "ipv4     2 gre      47 179 src=10.0.0.2 dst=10.0.0.3 srckey=0x0 dstkey=0x0 zone-orig=4 "
      "src=10.0.0.3 dst=10.0.0.2 srckey=0x0 dstkey=0x0 [ASSURED] [OFFLOAD] mark=1 "
      "secctx=system_u:object_r:unlabeled_t:s0 zone=4 delta-time=12 future=x bare use=3\n";
  std::vector<ConntrackFlow> out;
  Diagnostics diag;
  parse_proc_net_nf_conntrack(text, "proc/net/ip_conntrack", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 2u);
  EXPECT_FALSE(out[0].ipv6);
  EXPECT_EQ(out[0].protocol, "tcp");
  EXPECT_EQ(out[0].timeout_seconds, 117u);
  EXPECT_EQ(out[0].state, "SYN_SENT");
  EXPECT_EQ(out[0].original.destination_port, 22);
  EXPECT_EQ(out[0].reply.source.to_string(), "10.0.0.9");
  EXPECT_EQ(out[0].use, 1u);
  EXPECT_EQ(out[1].protocol, "gre");
  EXPECT_EQ(out[1].original.extra, "srckey=0x0 dstkey=0x0 zone-orig=4");
  EXPECT_EQ(out[1].reply.extra, "srckey=0x0 dstkey=0x0");
  EXPECT_EQ(out[1].flags, (std::vector<std::string>{"ASSURED", "OFFLOAD"}));
  EXPECT_EQ(out[1].mark, 1u);
  EXPECT_EQ(out[1].zone, 4u);
  EXPECT_EQ(out[1].use, 3u);
}

// The kernel prints neither timeout nor state for flows offloaded to hardware or a flowtable.
TEST(ProcNetNfConntrackTest, OffloadedFlowHasNoTimeoutOrState) {
  std::string text =
      "ipv4     2 tcp      6 src=172.18.0.4 dst=203.0.113.5 sport=33000 dport=443 packets=9 "
      "bytes=900 src=203.0.113.5 dst=192.0.2.10 sport=443 dport=33001 packets=7 bytes=7000 "
      "[OFFLOAD] mark=0 zone=0 use=3\n";
  std::vector<ConntrackFlow> out;
  Diagnostics diag;
  parse_proc_net_nf_conntrack(text, "proc/net/nf_conntrack", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].protocol, "tcp");
  EXPECT_EQ(out[0].protocol_number, 6u);
  EXPECT_EQ(out[0].timeout_seconds, 0u);
  EXPECT_EQ(out[0].state, "");
  EXPECT_EQ(out[0].original.source.to_string(), "172.18.0.4");
  EXPECT_EQ(out[0].reply.destination_port, 33001);
  EXPECT_EQ(out[0].flags, std::vector<std::string>{"OFFLOAD"});
  EXPECT_EQ(out[0].use, 3u);
}

TEST(ProcNetNfConntrackTest, MalformedLinesAreReportedAndSkipped) {
  std::string text =
      "ipv4     2 tcp      6 10 ESTABLISHED src=10.0.0.999 dst=10.0.0.9 sport=1 dport=2 "
      "src=10.0.0.9 dst=10.0.0.2 sport=2 dport=1 use=1\n"                                       // 1
      "ipv4     2 udp      17 10 src=10.0.0.2 dst=10.0.0.9 sport=70000 dport=2\n"               // 2
      "ipv4     2 udp      17 10 src=10.0.0.2 dst=10.0.0.9 sport=1 dport=2 [UNREPLIED]\n"       // 3
      "\n"                                                                                      // 4
      "ipv4     2 udp      17\n"                                                                // 5
      "ipv4     2 udp      17 x1 src=10.0.0.2 dst=10.0.0.9 src=10.0.0.9 dst=10.0.0.2\n"         // 6
      "ipv4     2 udp      17 10 dst=10.0.0.9 src=10.0.0.2 src=10.0.0.9 dst=10.0.0.2\n"         // 7
      "ipv6     10 udp      17 10 src=10.0.0.2 dst=10.0.0.9 src=10.0.0.9 dst=10.0.0.2\n"        // 8
      "ipv4     2 udp      17 10 src=1.1.1.1 src=1.1.1.2 src=1.1.1.3 use=1\n"                   // 9
      "ipv4     2 udp      17 10 src=10.0.0.2 dst=10.0.0.9 src=10.0.0.9 dst=10.0.0.2 use=-1\n"  // 10
      "ipv4     2 udp      17 30 src=10.0.0.2 dst=10.0.0.9 src=10.0.0.9 dst=10.0.0.2 use=1\n";  // 11
  std::vector<ConntrackFlow> out;
  Diagnostics diag;
  parse_proc_net_nf_conntrack(text, "proc/net/nf_conntrack", out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].timeout_seconds, 30u);
  EXPECT_EQ(out[0].reply.destination.to_string(), "10.0.0.2");
  std::vector<uint32_t> lines;
  for (const auto& w : diag.warnings()) lines.push_back(w.line);
  EXPECT_EQ(lines, (std::vector<uint32_t>{1, 2, 3, 5, 6, 7, 8, 9, 10}));
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/nf_conntrack");
  EXPECT_NE(diag.warnings()[0].message.find("'src=10.0.0.999'"), std::string::npos);
  EXPECT_NE(diag.warnings()[1].message.find("'sport=70000'"), std::string::npos);
  EXPECT_NE(diag.warnings()[4].message.find("'x1'"), std::string::npos);
}

TEST(ProcNetIpMasqueradeTest, ParsesEntriesWithPreviousDelta) {
  std::string text =
      "Prc FromIP   FPrt ToIP     TPrt Masq Init-seq  Delta PDelta Expires "
      "(free=40950,40950,40950)\n"
      "TCP C0A80102:0401 D0000001:0050 F000 12345678 +0 +0 3000\n"
      "UDP C0A80103:0035 08080808:0035 F001 00000000 +0 -5 12345\n"
      "ICMP C0A80104:0000 08080404:0000 F002 00000000 +0 +0 99\n";
  std::vector<MasqueradeEntry> out;
  Diagnostics diag;
  parse_proc_net_ip_masquerade(text, "proc/net/ip_masquerade", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 3u);
  const MasqueradeEntry& e = out[0];
  EXPECT_EQ(e.protocol, "TCP");
  EXPECT_EQ(e.source.to_string(), "192.168.1.2");
  EXPECT_EQ(e.source_port, 1025);
  EXPECT_EQ(e.destination.to_string(), "208.0.0.1");
  EXPECT_EQ(e.destination_port, 80);
  EXPECT_EQ(e.masquerade_port, 61440);
  EXPECT_EQ(e.initial_sequence, 305419896u);
  EXPECT_EQ(e.delta, 0);
  EXPECT_EQ(e.previous_delta, 0);
  EXPECT_EQ(e.expires_centiseconds, 3000u);
  EXPECT_EQ(out[1].protocol, "UDP");
  EXPECT_EQ(out[1].destination.to_string(), "8.8.8.8");
  EXPECT_EQ(out[1].previous_delta, -5);
  EXPECT_EQ(out[1].expires_centiseconds, 12345u);
  EXPECT_EQ(out[2].source.to_string(), "192.168.1.4");
  EXPECT_EQ(out[2].source_port, 0);
  EXPECT_EQ(out[2].masquerade_port, 61442);
}

TEST(ProcNetIpMasqueradeTest, LayoutWithoutPreviousDelta) {
  std::string text =
      "Prc FromIP   FPrt ToIP     TPrt Masq Init-seq  Delta Expires\n"
      "TCP C0A80102:0401 D0000001:0050 F000 12345678 +7 3000\n";
  std::vector<MasqueradeEntry> out;
  Diagnostics diag;
  parse_proc_net_ip_masquerade(text, "proc/net/ip_masquerade", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].delta, 7);
  EXPECT_FALSE(out[0].previous_delta.has_value());
  EXPECT_EQ(out[0].expires_centiseconds, 3000u);
}

TEST(ProcNetIpMasqueradeTest, MalformedLinesAreReportedAndSkipped) {
  std::string text =
      "Prc FromIP   FPrt ToIP     TPrt Masq Init-seq  Delta PDelta Expires\n"
      "TCP C0A80102:0401 D0000001:0050 F000 12345678 +0 3000\n"
      "TCP C0A80102-0401 D0000001:0050 F000 12345678 +0 +0 3000\n"
      "\n"
      "TCP C0A80102:0401 D0000001:0050 F000 12345678 ++1 +0 3000\n"
      "TCP C0A80102:0401 D0000001:0050 10000 12345678 +0 +0 3000\n"
      "UDP C0A80103:0035 08080808:0035 F001 00000000 +0 -5 12345\n";
  std::vector<MasqueradeEntry> out;
  Diagnostics diag;
  parse_proc_net_ip_masquerade(text, "proc/net/ip_masquerade", out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].protocol, "UDP");
  ASSERT_EQ(diag.warnings().size(), 4u);
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/ip_masquerade");
  EXPECT_EQ(diag.warnings()[0].line, 2u);
  EXPECT_EQ(diag.warnings()[1].line, 3u);
  EXPECT_NE(diag.warnings()[1].message.find("'C0A80102-0401'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[2].line, 5u);
  EXPECT_NE(diag.warnings()[2].message.find("'++1'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[3].line, 6u);
  EXPECT_NE(diag.warnings()[3].message.find("'10000'"), std::string::npos);
}

}  // namespace
}  // namespace netsnap::capture
