#include <gtest/gtest.h>

#include "netsnap/capture/proc_parsers.h"

namespace netsnap::capture {
namespace {

using model::StatCounter;
using model::StatSection;

TEST(ProcNetSnmpTest, ParsesPairsIntoSectionsInKernelOrder) {
  std::string text =
      "Ip: Forwarding DefaultTTL InReceives InHdrErrors\n"
      "Ip: 2 64 13715 0\n"
      "IcmpMsg: InType3\n"
      "IcmpMsg: 1\n"
      "Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens\n"
      "Tcp: 1 200 120000 -1 2112\n"
      "\n"
      "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors "
      "IgnoredMulti MemErrors\n"
      "Udp: 109 0 0 111 0 0 0 0 18446744073709551615\n";
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_snmp(text, "proc/net/snmp", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].path, "proc/net/snmp");
  EXPECT_EQ(out[0].name, "Ip");
  std::vector<StatCounter> ip = {
      {"Forwarding", 2}, {"DefaultTTL", 64}, {"InReceives", 13715}, {"InHdrErrors", 0}};
  EXPECT_EQ(out[0].counters, ip);
  EXPECT_EQ(out[1].name, "IcmpMsg");
  EXPECT_EQ(out[1].counters, (std::vector<StatCounter>{{"InType3", 1}}));
  EXPECT_EQ(out[2].name, "Tcp");
  ASSERT_EQ(out[2].counters.size(), 5u);
  EXPECT_EQ(out[2].counters[3].name, "MaxConn");
  EXPECT_EQ(out[2].counters[3].value, 18446744073709551615u);
  EXPECT_EQ(out[2].counters[4].value, 2112u);
  EXPECT_EQ(out[3].name, "Udp");
  ASSERT_EQ(out[3].counters.size(), 9u);
  EXPECT_EQ(out[3].counters[3].value, 111u);
  EXPECT_EQ(out[3].counters[8].value, 18446744073709551615u);
}

TEST(ProcNetSnmpTest, AppendsAfterSectionsOfAnotherFile) {
  std::vector<StatSection> out(1);
  out[0].name = "Ip";
  std::string text =
      "TcpExt: SyncookiesSent TW\n"
      "TcpExt: 0 10\n"
      "IpExt: InNoRoutes InOctets\n"
      "IpExt: 0 18682511\n";
  Diagnostics diag;
  parse_proc_net_snmp(text, "proc/net/netstat", out, diag);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[1].path, "proc/net/netstat");
  EXPECT_EQ(out[1].name, "TcpExt");
  EXPECT_EQ(out[1].counters, (std::vector<StatCounter>{{"SyncookiesSent", 0}, {"TW", 10}}));
  EXPECT_EQ(out[2].name, "IpExt");
  EXPECT_EQ(out[2].counters[1].value, 18682511u);
}

TEST(ProcNetSnmpTest, BrokenPairsAreReportedAndLaterPairsStillRead) {
  std::string text =
      "Ip: Forwarding DefaultTTL\n"      // 1: its values line is missing
      "Icmp: InMsgs InErrors\n"          // 2
      "Icmp: 1 0\n"                      // 3
      "Udp: InDatagrams NoPorts\n"       // 4
      "Udp: 1 2 3\n"                     // 5: one value too many
      "Tcp: ActiveOpens PassiveOpens\n"  // 6
      "Tcp: 12 x7\n"                     // 7: not a number
      "garbage without a colon\n"        // 8
      "\n"                               // 9
      "UdpLite: InDatagrams\n"           // 10
      "UdpLite: 5\n"                     // 11
      "IpExt: InNoRoutes\n";             // 12: the file ends before its values
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_snmp(text, "proc/net/snmp", out, diag);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].name, "Icmp");
  EXPECT_EQ(out[0].counters, (std::vector<StatCounter>{{"InMsgs", 1}, {"InErrors", 0}}));
  EXPECT_EQ(out[1].name, "UdpLite");
  EXPECT_EQ(out[1].counters, (std::vector<StatCounter>{{"InDatagrams", 5}}));
  ASSERT_EQ(diag.warnings().size(), 5u);
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/snmp");
  EXPECT_EQ(diag.warnings()[0].line, 1u);
  EXPECT_NE(diag.warnings()[0].message.find("'Ip'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[1].line, 5u);
  EXPECT_EQ(diag.warnings()[2].line, 7u);
  EXPECT_NE(diag.warnings()[2].message.find("'x7'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[3].line, 8u);
  EXPECT_EQ(diag.warnings()[4].line, 12u);
}

TEST(ProcNetSnmp6Test, SplitsSectionsAtTheKeysFirstSix) {
  std::string text =
      "Ip6InReceives                   \t1\n"
      "Ip6OutTransmits                 \t10\n"
      "Icmp6InMsgs                     \t1\n"
      "Icmp6InType1                    \t1\n"
      "Icmp6OutType135                 \t4\n"
      "Udp6InDatagrams                 \t0\n"
      "Udp6MemErrors                   \t7\n"
      "UdpLite6InDatagrams             \t0\n"
      "UdpLite6MemErrors               \t-1\n";
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_snmp6(text, "proc/net/snmp6", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].path, "proc/net/snmp6");
  EXPECT_EQ(out[0].name, "Ip6");
  EXPECT_EQ(out[0].counters,
            (std::vector<StatCounter>{{"Ip6InReceives", 1}, {"Ip6OutTransmits", 10}}));
  EXPECT_EQ(out[1].name, "Icmp6");
  ASSERT_EQ(out[1].counters.size(), 3u);
  EXPECT_EQ(out[1].counters[2], (StatCounter{"Icmp6OutType135", 4}));
  EXPECT_EQ(out[2].name, "Udp6");
  EXPECT_EQ(out[2].counters[1], (StatCounter{"Udp6MemErrors", 7}));
  EXPECT_EQ(out[3].name, "UdpLite6");
  EXPECT_EQ(out[3].counters[1], (StatCounter{"UdpLite6MemErrors", 18446744073709551615u}));
}

TEST(ProcNetSnmp6Test, MalformedLinesAreReportedAndSkipped) {
  std::string text =
      "Ip6InReceives 1\n"
      "Ip6InHdrErrors\n"
      "Ip6InTooBigErrors 1 2\n"
      "\n"
      "Ip6InNoRoutes 0x10\n"
      "Ip6InAddrErrors 99999999999999999999\n"
      "Ip6InDelivers 5\n";
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_snmp6(text, "proc/net/snmp6", out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].counters,
            (std::vector<StatCounter>{{"Ip6InReceives", 1}, {"Ip6InDelivers", 5}}));
  ASSERT_EQ(diag.warnings().size(), 4u);
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/snmp6");
  EXPECT_EQ(diag.warnings()[0].line, 2u);
  EXPECT_EQ(diag.warnings()[1].line, 3u);
  EXPECT_EQ(diag.warnings()[2].line, 5u);
  EXPECT_NE(diag.warnings()[2].message.find("'0x10'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[3].line, 6u);
}

TEST(ProcNetSctpSnmpTest, PutsEveryKeyInOneSctpSection) {
  std::string text =
      "SctpCurrEstab                   \t0\n"
      "SctpActiveEstabs                \t2\n"
      "SctpPassiveEstabs               \t6\n"
      "SctpT1InitExpireds              \t36\n";
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_sctp_snmp(text, "proc/net/sctp/snmp", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].path, "proc/net/sctp/snmp");
  EXPECT_EQ(out[0].name, "Sctp");
  std::vector<StatCounter> expected = {{"SctpCurrEstab", 0},
                                       {"SctpActiveEstabs", 2},
                                       {"SctpPassiveEstabs", 6},
                                       {"SctpT1InitExpireds", 36}};
  EXPECT_EQ(out[0].counters, expected);
}

TEST(ProcNetSctpSnmpTest, MalformedLinesAreReportedAndSkipped) {
  std::string text = "SctpCurrEstab one\nSctpActiveEstabs 2\n";
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_sctp_snmp(text, "proc/net/sctp/snmp", out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].counters, (std::vector<StatCounter>{{"SctpActiveEstabs", 2}}));
  ASSERT_EQ(diag.warnings().size(), 1u);
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/sctp/snmp");
  EXPECT_EQ(diag.warnings()[0].line, 1u);
  EXPECT_NE(diag.warnings()[0].message.find("'one'"), std::string::npos);
}

}  // namespace
}  // namespace netsnap::capture
