#include <gtest/gtest.h>

#include <cerrno>
#include <string>
#include <vector>

#include "../../src/render/netstat_statistics_tables.h"
#include "netsnap/render/netstat.h"

namespace netsnap::render {
namespace {

using model::SourceState;
using model::StatCounter;
using model::StatSection;

struct Rendered {
  std::string out, err;
  int status;
};

// Options as netstat holds them after -s with the given protocol flags (none given: all set).
NetstatOptions statistics_options(std::string af_list = "", std::string protocols = "") {
  NetstatOptions o;
  o.mode = NetstatMode::kStatistics;
  o.af_list = std::move(af_list);
  bool all = protocols.empty();
  o.tcp = all || protocols.find('t') != std::string::npos;
  o.udp = all || protocols.find('u') != std::string::npos;
  o.raw = all || protocols.find('w') != std::string::npos;
  o.sctp = all || protocols.find('S') != std::string::npos;
  o.udplite = all || protocols.find('U') != std::string::npos;
  return o;
}

Rendered render(const model::Snapshot& snapshot, const NetstatOptions& options) {
  Output output;
  int status = render_netstat(snapshot, options, 0, output);
  return {output.stdout_text(), output.stderr_text(), status};
}

void add_file(model::Snapshot& s, const std::string& path, std::vector<StatSection> sections) {
  s.sources.push_back({path, SourceState::kPresent, 0});
  for (auto& section : sections) {
    section.path = path;
    s.statistics.push_back(std::move(section));
  }
}

// A trimmed-down copy of NETSTAT-FORMAT.md's fxs_real fixture.
model::Snapshot real_like() {
  model::Snapshot s;
  add_file(s, "proc/net/snmp",
           {
               {"",
                "Ip",
                {{"Forwarding", 2},
                 {"DefaultTTL", 64},
                 {"InReceives", 13715},
                 {"InHdrErrors", 0},
                 {"ForwDatagrams", 0},
                 {"OutTransmits", 13526}}},
               {"",
                "Icmp",
                {{"InMsgs", 1},
                 {"InErrors", 0},
                 {"InCsumErrors", 0},
                 {"InDestUnreachs", 1},
                 {"InEchos", 0},
                 {"OutMsgs", 0},
                 {"OutDestUnreachs", 0}}},
               {"", "IcmpMsg", {{"InType3", 1}}},
               {"",
                "Tcp",
                {{"RtoAlgorithm", 1},
                 {"MaxConn", 18446744073709551615u},
                 {"ActiveOpens", 2112},
                 {"InCsumErrors", 0}}},
               {"", "Udp", {{"InDatagrams", 109}, {"IgnoredMulti", 3}}},
           });
  add_file(
      s, "proc/net/netstat",
      {
          {"", "TcpExt", {{"SyncookiesSent", 0}, {"TW", 10}, {"TCPTimeouts", 2}, {"TCPHPHits", 0}}},
          {"", "MPTcpExt", {{"MPCapableSYNRX", 0}}},
      });
  add_file(s, "proc/net/snmp6",
           {
               {"", "Ip6", {{"Ip6InReceives", 1}, {"Ip6OutMcastPkts", 8}, {"Ip6InOctets", 128}}},
               {"",
                "Icmp6",
                {{"Icmp6InMsgs", 1},
                 {"Icmp6InDestUnreachs", 1},
                 {"Icmp6OutDestUnreachs", 1},
                 {"Icmp6OutRouterAdvertisements", 2},
                 {"Icmp6OutType1", 1}}},
               {"", "UdpLite6", {{"UdpLite6InDatagrams", 0}}},
           });
  return s;
}

TEST(NetstatStatisticsTest, PrintsEverySectionThroughTheTables) {
  Rendered r = render(real_like(), statistics_options());
  EXPECT_EQ(r.out,
            "Ip:\n"
            "    Forwarding: 2\n"
            "    13715 total packets received\n"
            "    0 forwarded\n"
            "    OutTransmits: 13526\n"
            "Icmp:\n"
            "    1 ICMP messages received\n"
            "    0 input ICMP message failed\n"
            "    ICMP input histogram:\n"
            "        destination unreachable: 1\n"
            "    0 ICMP messages sent\n"
            "    ICMP output histogram:\n"
            "IcmpMsg:\n"
            "        InType3: 1\n"
            "Tcp:\n"
            "    2112 active connection openings\n"
            "Udp:\n"
            "    109 packets received\n"
            "    IgnoredMulti: 3\n"
            "TcpExt:\n"
            "    10 TCP sockets finished time wait in fast timer\n"
            "    TCPTimeouts: 2\n"
            "    0 packet headers predicted\n"
            "MPTcpExt:\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.status, 0);
}

TEST(NetstatStatisticsTest, ProtocolFlagsHideKnownSectionsOnly) {
  Rendered r = render(real_like(), statistics_options("", "u"));
  // Icmp is skipped but still resets the indent, so IcmpMsg's key gets 4 spaces.
  EXPECT_EQ(r.out,
            "IcmpMsg:\n"
            "    InType3: 1\n"
            "Udp:\n"
            "    109 packets received\n"
            "    IgnoredMulti: 3\n"
            "MPTcpExt:\n");
  EXPECT_EQ(r.status, 0);
}

TEST(NetstatStatisticsTest, Inet6ReadsSnmp6ThenTheTcpOfSnmp) {
  Rendered r = render(real_like(), statistics_options("inet6"));
  EXPECT_EQ(r.out,
            "Ip6:\n"
            "    1 total packets received\n"
            "    8 outgoing multicast packets\n"
            "    Ip6InOctets: 128\n"
            "Icmp6:\n"
            "    1 ICMP messages received\n"
            "    ICMP input histogram:\n"
            "        destination unreachable: 1\n"
            "        ICMP output histogram:\n"
            "        destination unreachable: 1\n"
            "        Icmp6OutRouterAdvertisements: 2\n"
            "        Icmp6OutType1: 1\n"
            "UdpLite6:\n"
            "Tcp:\n"
            "    2112 active connection openings\n");
  EXPECT_EQ(r.status, 0);
}

TEST(NetstatStatisticsTest, OtherAddressFamiliesAreRefusedOnStdout) {
  Rendered r = render(real_like(), statistics_options("inet,inet6"));
  EXPECT_EQ(r.out, "netstat: No statistics support for specified address family: inet,inet6\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.status, 1);
}

TEST(NetstatStatisticsTest, MissingSnmpIsReportedWithStatusZero) {
  model::Snapshot s;
  s.sources.push_back({"proc/net/snmp", SourceState::kAbsent, 0});
  add_file(s, "proc/net/netstat", {{"", "TcpExt", {{"TW", 1}}}});
  Rendered r = render(s, statistics_options());
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "cannot open /proc/net/snmp: No such file or directory\n");
  EXPECT_EQ(r.status, 0);

  r = render(s, statistics_options("inet6"));
  EXPECT_EQ(r.err, "cannot open /proc/net/snmp6: No such file or directory\n");
  EXPECT_EQ(r.status, 0);
}

TEST(NetstatStatisticsTest, ParseProblemAndReadErrorsFollowTheirFile) {
  model::Snapshot s;
  add_file(s, "proc/net/snmp", {{"", "Udp", {{"InDatagrams", 4}}}});
  s.warnings.push_back({model::WarningKind::kMalformedLine, "proc/net/snmp", 4, "no ':'"});
  s.sources.push_back({"proc/net/netstat", SourceState::kUnreadable, EISDIR});
  s.sources.push_back({"proc/net/sctp/snmp", SourceState::kUnreadable, EISDIR});
  Rendered r = render(s, statistics_options());
  EXPECT_EQ(r.out, "Udp:\n    4 packets received\nSctp:\n");
  EXPECT_EQ(r.err,
            "Problem while parsing /proc/net/snmp\n"
            "/proc/net/netstat: Is a directory\n"
            "/proc/net/sctp/snmp: Is a directory\n");
  EXPECT_EQ(r.status, 0);
  // With -6 the same problem goes unreported.
  r = render(s, statistics_options("inet6"));
  EXPECT_EQ(r.err, "cannot open /proc/net/snmp6: No such file or directory\n");
}

TEST(NetstatStatisticsTest, SctpCountersComeLastUnderTheirTable) {
  model::Snapshot s;
  add_file(s, "proc/net/snmp", {});
  add_file(s, "proc/net/sctp/snmp",
           {{"", "Sctp", {{"SctpCurrEstab", 0}, {"SctpAborteds", 1}, {"SctpT1InitExpireds", 36}}}});
  EXPECT_EQ(render(s, statistics_options()).out,
            "Sctp:\n"
            "    0 Current Associations\n"
            "    1 Number of Aborteds \n"
            "    SctpT1InitExpireds: 36\n");
  EXPECT_EQ(render(s, statistics_options("", "t")).out, "");
}

// NETSTAT-FORMAT.md §12.4's "Reachable?" column, derived here from the binary search alone.
TEST(NetstatStatisticsTablesTest, UnsortedTablesHideExactlyTheDocumentedKeys) {
  const std::vector<std::pair<std::string, std::string>> unreachable = {
      {"Ip", "Forwarding"},
      {"TcpExt", "TCPDirectCopyFromPrequeue"},
      {"TcpExt", "TCPDSACKOfoRecv"},
      {"TcpExt", "TCPDSACKOfoSent"},
      {"TcpExt", "TCPDSACKOldSent"},
      {"TcpExt", "TCPDSACKRecv"},
      {"TcpExt", "TCPDSackUndo"},
      {"TcpExt", "TCPDSACKUndo"},
      {"TcpExt", "TCPLoss"},
      {"TcpExt", "TCPPrequeueDropped"},
      {"TcpExt", "TCPRenoRecoveryFailed"},
      {"TcpExt", "TCPRenoRecoveryFail"},
      {"TcpExt", "TCPSackFailures"},
      {"TcpExt", "TCPSackRecoveryFail"},
      {"TcpExt", "TCPSackRecovery"},
      {"TcpExt", "TCPSACKReneging"},
      {"TcpExt", "TCPTimeouts"},
      {"TcpExt", "TWKilled"},
  };
  std::vector<std::pair<std::string, std::string>> found_unreachable;
  size_t rows = 0;
  for (auto set : {StatTableSet::kSnmp, StatTableSet::kSnmp6}) {
    for (std::string_view title :
         {"Ip", "Icmp", "Tcp", "Udp", "Sctp", "TcpExt", "Ip6", "Icmp6", "Udp6"}) {
      const StatTable* table = find_stat_table(set, title);
      if (table == nullptr) continue;
      for (const StatEntry& entry : table->entries) {
        ++rows;
        if (find_stat_entry(*table, entry.key) != &entry) {
          found_unreachable.emplace_back(std::string(title), std::string(entry.key));
        }
      }
    }
  }
  EXPECT_EQ(rows, 206u);
  EXPECT_EQ(found_unreachable, unreachable);
  // This row is found under its own key, whose trailing space no kernel key has.
  const StatTable* icmp6 = find_stat_table(StatTableSet::kSnmp6, "Icmp6");
  ASSERT_NE(icmp6, nullptr);
  EXPECT_EQ(find_stat_entry(*icmp6, "Icmp6OutRouterAdvertisements"), nullptr);
  EXPECT_EQ(find_stat_table(StatTableSet::kSnmp, "Ip6"), nullptr);
  EXPECT_NE(find_stat_table(StatTableSet::kSnmp6, "Tcp6"), nullptr);
}

}  // namespace
}  // namespace netsnap::render
