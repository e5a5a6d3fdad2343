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

TEST(ProcNetSnmpTest, OddPairsAreKeptAsNetstatReadsThem) {
  std::string text =
      "Ip: Forwarding DefaultTTL\n"  // 1
      "Ip: 2\n"                      // 2: a value short, netstat reads 0
      "\n"                           // 3: skipped
      "Udp: InDatagrams NoPorts\n"   // 4
      "Udpx: 1 2 3\n"                // 5: other title, one value too many: ignored
      "Tcp: A B C\n"                 // 6
      "Tcp: 12 x7 5\n"               // 7: after 'x7' strtoull stays stuck: 0 0
      "My Title: K\r\n"              // 8: titles may hold spaces, keys a '\r'
      "My Title: -1\r\n"             // 9
      "IpExt: InNoRoutes\n";         // 10: no values line, netstat ignores it
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_snmp(text, "proc/net/snmp", out, diag);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].counters, (std::vector<StatCounter>{{"Forwarding", 2}, {"DefaultTTL", 0}}));
  EXPECT_EQ(out[1].name, "Udp");
  EXPECT_EQ(out[1].counters, (std::vector<StatCounter>{{"InDatagrams", 1}, {"NoPorts", 2}}));
  EXPECT_EQ(out[2].counters, (std::vector<StatCounter>{{"A", 12}, {"B", 0}, {"C", 0}}));
  EXPECT_EQ(out[3].name, "My Title");
  EXPECT_EQ(out[3].counters, (std::vector<StatCounter>{{"K\r", 18446744073709551615u}}));
  // Every oddity is an `other` warning: netstat reads on.
  std::vector<uint32_t> lines;
  for (const auto& w : diag.warnings()) {
    EXPECT_EQ(w.kind, model::WarningKind::kOther);
    lines.push_back(w.line);
  }
  EXPECT_EQ(lines, (std::vector<uint32_t>{2, 5, 7, 9, 10}));
}

TEST(ProcNetSnmpTest, PairWithoutColonEndsTheFileAsInNetstat) {
  std::string text =
      "Tcp: ActiveOpens\n"
      "Tcp: 1\n"
      "UdpLite: InDatagrams\n"
      "this line has no colon\n"
      "IcmpMsg: InType3\n"
      "IcmpMsg: 1\n";
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_snmp(text, "proc/net/snmp", out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].name, "Tcp");
  ASSERT_EQ(diag.warnings().size(), 1u);
  EXPECT_EQ(diag.warnings()[0].kind, model::WarningKind::kMalformedLine);
  EXPECT_EQ(diag.warnings()[0].line, 4u);
}

TEST(ProcNetSnmpTest, NulEndsWhatNetstatSeesOfALine) {
  using namespace std::string_literals;
  std::string text = "Tcp: Active\0Opens Passive\nTcp: 1 2\nUdp: In\nUdp: 3\0 4\n"s;
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_snmp(text, "proc/net/snmp", out, diag);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].counters, (std::vector<StatCounter>{{"Active", 1}}));
  EXPECT_EQ(out[1].counters, (std::vector<StatCounter>{{"In", 3}}));
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

TEST(ProcNetSnmp6Test, OddLinesRepeatThePreviousKeyOrValueAsInNetstat) {
  std::string text =
      "Ip6InReceives 10\n"
      "Ip6InHdrErrors\n"                         // no value: the previous one (10)
      "\n"                                       // blank: the previous key and value again
      "Ip6InTooBigErrors 1 2\n"                  // extra field ignored
      "garbage-without-number\n"                 // no '6': its own section, previous value
      "Ip6InNoRoutes 0x10\n"                     // strtoull stops at 'x'
      "Ip6InAddrErrors 99999999999999999999\n";  // overflow saturates
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_snmp6(text, "proc/net/snmp6", out, diag);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].name, "Ip6");
  EXPECT_EQ(out[0].counters, (std::vector<StatCounter>{{"Ip6InReceives", 10},
                                                       {"Ip6InHdrErrors", 10},
                                                       {"Ip6InHdrErrors", 10},
                                                       {"Ip6InTooBigErrors", 1}}));
  EXPECT_EQ(out[1].name, "garbage-without-number");
  EXPECT_EQ(out[1].counters, (std::vector<StatCounter>{{"garbage-without-number", 1}}));
  EXPECT_EQ(out[2].name, "Ip6");
  EXPECT_EQ(
      out[2].counters,
      (std::vector<StatCounter>{{"Ip6InNoRoutes", 0}, {"Ip6InAddrErrors", 18446744073709551615u}}));
  std::vector<uint32_t> lines;
  for (const auto& w : diag.warnings()) lines.push_back(w.line);
  EXPECT_EQ(lines, (std::vector<uint32_t>{2, 3, 4, 5, 6}));
}

TEST(ProcNetSnmp6Test, LongLinesAreReadInFgetsPieces) {
  // netstat reads snmp6 with fgets() into 1024 bytes: the rest of a longer line is a line of its
  // own.
  std::string text = "Ip6InReceives 1\nIp6" + std::string(1020, 'X') + "Y 5\n";
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_snmp6(text, "proc/net/snmp6", out, diag);
  ASSERT_EQ(out.size(), 2u);
  ASSERT_EQ(out[0].counters.size(), 2u);
  EXPECT_EQ(out[0].counters[1], (StatCounter{"Ip6" + std::string(1020, 'X'), 1}));
  EXPECT_EQ(out[1].name, "Y");
  EXPECT_EQ(out[1].counters, (std::vector<StatCounter>{{"Y", 5}}));
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

TEST(ProcNetSctpSnmpTest, OddLinesAreKeptAsNetstatReadsThem) {
  std::string text =
      "SctpCurrEstab one\n"     // not a number: 0
      "  5\n"                   // empty key
      "SctpActiveEstabs\n"      // no value: skipped
      "SctpPassiveEstabs \r\n"  // '\r' is a value to netstat: 0
      "SctpAborteds -3\n";
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_sctp_snmp(text, "proc/net/sctp/snmp", out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].counters, (std::vector<StatCounter>{{"SctpCurrEstab", 0},
                                                       {"", 5},
                                                       {"SctpPassiveEstabs", 0},
                                                       {"SctpAborteds", uint64_t{0} - 3}}));
  std::vector<uint32_t> lines;
  for (const auto& w : diag.warnings()) lines.push_back(w.line);
  EXPECT_EQ(lines, (std::vector<uint32_t>{1, 2, 3, 4}));
}

TEST(ProcNetSctpSnmpTest, EmptyFileStillHasTheSection) {
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_sctp_snmp("", "proc/net/sctp/snmp", out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].name, "Sctp");
  EXPECT_TRUE(out[0].counters.empty());
}

TEST(ProcNetSctpSnmpTest, LastLineWithoutNewlineReadsTheTailOfTheLineBefore) {
  // netstat looks one byte past the key, into what the previous line left in its buffer.
  std::vector<StatSection> out;
  Diagnostics diag;
  parse_proc_net_sctp_snmp("SctpCurrEstab 4   77\nSctpOutOfBlues", "proc/net/sctp/snmp", out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].counters,
            (std::vector<StatCounter>{{"SctpCurrEstab", 4}, {"SctpOutOfBlues", 77}}));
}

}  // namespace
}  // namespace netsnap::capture
