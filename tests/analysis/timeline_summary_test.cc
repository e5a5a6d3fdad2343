// SummaryBuilder: per-frame counts by kind and TCP state, and the port, remote address and process
// rankings with the frame each peaked in, from snapshots written inline.
#include "netsnap/analysis/timeline_summary.h"

#include <gtest/gtest.h>

#include "test_support/model_builders.h"

namespace netsnap::analysis {
namespace {

using model::InetProtocol;
using netsnap::testing::inet;
using netsnap::testing::ip;
using netsnap::testing::process;
using netsnap::testing::tcp;

constexpr uint8_t kEstablished = 1, kTimeWait = 6, kClose = 7, kListen = 10;

model::InetSocket listener(std::string_view local, uint16_t port, uint64_t inode = 0) {
  return tcp(local, port, local.find(':') == std::string_view::npos ? "0.0.0.0" : "::", 0, kListen,
             inode);
}

model::UnixSocket unix_socket(uint64_t inode) {
  model::UnixSocket s;
  s.inode = inode;
  s.type = 1;
  s.state = 3;
  return s;
}

TimelineSummary summarise(const std::vector<model::Snapshot>& snapshots, size_t top = 10) {
  SummaryBuilder builder;
  for (size_t i = 0; i < snapshots.size(); ++i)
    builder.add_frame(100 + i, 1'000'000'000 * int64_t(i + 1), snapshots[i]);
  return std::move(builder).finish(top);
}

TEST(TimelineSummaryTest, CountsEveryKindAndTcpStatesOnly) {
  model::Snapshot s;
  s.inet_sockets = {
      listener("0.0.0.0", 22),
      tcp("10.0.0.1", 22, "10.0.0.9", 50000, kEstablished, 11),
      tcp("10.0.0.1", 22, "10.0.0.8", 50001, kEstablished, 12),
      tcp("10.0.0.1", 22, "10.0.0.7", 50002, kTimeWait),
      listener("::", 22),
      inet(InetProtocol::kUdp, "0.0.0.0", 53, "0.0.0.0", 0, kClose),
      inet(InetProtocol::kUdp, "0.0.0.0", 68, "0.0.0.0", 0, kClose),
      inet(InetProtocol::kUdp, "::", 546, "::", 0, kClose),
      inet(InetProtocol::kUdpLite, "::", 9, "::", 0, kClose),
      inet(InetProtocol::kRaw, "0.0.0.0", 1, "0.0.0.0", 0, kClose),
  };
  s.unix_sockets = {unix_socket(1), unix_socket(2), unix_socket(3)};
  TimelineSummary summary = summarise({s});

  ASSERT_EQ(summary.frames.size(), 1u);
  const FrameCounts& f = summary.frames[0];
  EXPECT_EQ(f.frame, 100u);
  EXPECT_EQ(f.time_ns, 1'000'000'000);
  EXPECT_EQ(f.total, 13u);
  EXPECT_EQ(f.count(SocketKind::kTcp), 4u);
  EXPECT_EQ(f.count(SocketKind::kTcp6), 1u);
  EXPECT_EQ(f.count(SocketKind::kUdp), 2u);
  EXPECT_EQ(f.count(SocketKind::kUdp6), 1u);
  EXPECT_EQ(f.count(SocketKind::kUdpLite), 0u);
  EXPECT_EQ(f.count(SocketKind::kUdpLite6), 1u);
  EXPECT_EQ(f.count(SocketKind::kRaw), 1u);
  EXPECT_EQ(f.count(SocketKind::kRaw6), 0u);
  EXPECT_EQ(f.count(SocketKind::kUnix), 3u);
  EXPECT_EQ(f.tcp_state_count(kListen), 2u);
  EXPECT_EQ(f.tcp_state_count(kEstablished), 2u);
  EXPECT_EQ(f.tcp_state_count(kTimeWait), 1u);
  EXPECT_EQ(f.tcp_state_count(kClose), 0u) << "udp and raw sockets are not counted by state";

  std::vector<SocketKind> kinds = {SocketKind::kTcp,  SocketKind::kTcp6,     SocketKind::kUdp,
                                   SocketKind::kUdp6, SocketKind::kUdpLite6, SocketKind::kRaw,
                                   SocketKind::kUnix};
  EXPECT_EQ(summary.kinds_seen(), kinds);
  std::vector<std::string> states;
  for (size_t slot : summary.tcp_state_slots_seen()) states.push_back(tcp_state_slot_name(slot));
  EXPECT_EQ(states, (std::vector<std::string>{"ESTABLISHED", "TIME_WAIT", "LISTEN"}));
}

TEST(TimelineSummaryTest, KindNamesCarryTheIpv6Suffix) {
  std::vector<std::string> names;
  for (size_t k = 0; k < kSocketKindCount; ++k)
    names.emplace_back(socket_kind_name(static_cast<SocketKind>(k)));
  EXPECT_EQ(names, (std::vector<std::string>{"tcp", "tcp6", "udp", "udp6", "udplite", "udplite6",
                                             "raw", "raw6", "unix"}));
}

TEST(TimelineSummaryTest, UnknownTcpStatesAreCountedAsOtherAfterTheKnownOnes) {
  model::Snapshot s;
  s.inet_sockets = {tcp("10.0.0.1", 1, "10.0.0.2", 2, 0x20), tcp("10.0.0.1", 3, "10.0.0.2", 4, 0),
                    tcp("10.0.0.1", 5, "10.0.0.2", 6, kEstablished)};
  TimelineSummary summary = summarise({s});
  EXPECT_EQ(summary.frames[0].tcp_state_count(0x20), 2u);
  EXPECT_EQ(summary.tcp_state_slots_seen(), (std::vector<size_t>{1, 0}));
  EXPECT_EQ(tcp_state_slot_name(0), "OTHER");
  EXPECT_EQ(tcp_state_slot_name(12), "NEW_SYN_RECV");
}

TEST(TimelineSummaryTest, FramesKeepTheirNumbersTimesAndOrder) {
  model::Snapshot empty, one;
  one.unix_sockets = {unix_socket(1)};
  TimelineSummary summary = summarise({one, empty, one});
  ASSERT_EQ(summary.frames.size(), 3u);
  EXPECT_EQ(summary.frames[2].frame, 102u);
  EXPECT_EQ(summary.frames[2].time_ns, 3'000'000'000);
  EXPECT_EQ(summary.frames[0].total, 1u);
  EXPECT_EQ(summary.frames[1].total, 0u);
}

TEST(TimelineSummaryTest, BusiestLocalPortsCountConnectionsOnListeningPortsAtTheirPeak) {
  model::Snapshot f0, f1, f2, f3;
  f0.inet_sockets = {listener("0.0.0.0", 80), listener("0.0.0.0", 25),
                     tcp("10.0.0.1", 80, "10.0.0.9", 40000, kEstablished),
                     // A client's ephemeral port: no listener, so not a busy port.
                     tcp("10.0.0.1", 41000, "192.0.2.1", 443, kEstablished),
                     tcp("10.0.0.1", 41001, "192.0.2.1", 443, kEstablished)};
  f1.inet_sockets = {listener("0.0.0.0", 80), listener("::", 22),
                     tcp("10.0.0.1", 80, "10.0.0.9", 40000, kEstablished),
                     tcp("10.0.0.1", 80, "10.0.0.8", 40001, kEstablished),
                     tcp("10.0.0.1", 80, "10.0.0.7", 40002, kTimeWait),
                     tcp("2001:db8::1", 22, "2001:db8::9", 40003, kEstablished),
                     // udp on the same port number is not a tcp connection.
                     inet(InetProtocol::kUdp, "10.0.0.1", 80, "10.0.0.5", 9, kEstablished)};
  f2.inet_sockets = {listener("0.0.0.0", 80), tcp("10.0.0.1", 80, "10.0.0.9", 40000, kEstablished),
                     tcp("10.0.0.1", 80, "10.0.0.8", 40001, kEstablished),
                     tcp("10.0.0.1", 80, "10.0.0.6", 40004, kEstablished)};
  // The listener is gone: its leftover connections no longer make port 80 busier.
  f3.inet_sockets = {
      tcp("10.0.0.1", 80, "10.0.0.9", 1, kTimeWait), tcp("10.0.0.1", 80, "10.0.0.9", 2, kTimeWait),
      tcp("10.0.0.1", 80, "10.0.0.9", 3, kTimeWait), tcp("10.0.0.1", 80, "10.0.0.9", 4, kTimeWait)};
  TimelineSummary summary = summarise({f0, f1, f2, f3});

  ASSERT_EQ(summary.busiest_local_ports.size(), 3u);
  const auto& top = summary.busiest_local_ports[0];
  EXPECT_EQ(top.kind, SocketKind::kTcp);
  EXPECT_EQ(top.port, 80);
  EXPECT_EQ(top.peak.count, 3u);
  EXPECT_EQ(top.peak.frame, 101u) << "the first frame reaching the peak";
  EXPECT_EQ(top.peak.time_ns, 2'000'000'000);
  EXPECT_EQ(summary.busiest_local_ports[1].kind, SocketKind::kTcp6);
  EXPECT_EQ(summary.busiest_local_ports[1].port, 22);
  EXPECT_EQ(summary.busiest_local_ports[1].peak.count, 1u);
  EXPECT_EQ(summary.busiest_local_ports[2].port, 25);
  EXPECT_EQ(summary.busiest_local_ports[2].peak.count, 0u);
  EXPECT_EQ(summary.busiest_local_ports[2].peak.frame, 100u);
}

TEST(TimelineSummaryTest, BusiestRemoteAddressesMergeMappedPeersAndSkipUnspecified) {
  model::Snapshot f0, f1;
  f0.inet_sockets = {
      listener("0.0.0.0", 80),  // remote 0.0.0.0
      listener("::", 80),       // remote ::
      tcp("10.0.0.1", 80, "10.0.0.9", 1, kEstablished),
      tcp("::ffff:10.0.0.1", 80, "::ffff:10.0.0.9", 2, kEstablished),
      tcp("10.0.0.1", 80, "10.0.0.8", 3, kEstablished),
  };
  f1.inet_sockets = {
      tcp("10.0.0.1", 80, "10.0.0.8", 3, kEstablished),
      tcp("10.0.0.1", 80, "10.0.0.8", 4, kTimeWait),
      inet(InetProtocol::kUdp, "10.0.0.1", 5000, "10.0.0.8", 53, kEstablished),
      tcp("2001:db8::1", 80, "2001:db8::7", 5, kEstablished),
  };
  TimelineSummary summary = summarise({f0, f1});

  const auto& remotes = summary.busiest_remote_addresses;
  ASSERT_EQ(remotes.size(), 3u);
  EXPECT_EQ(remotes[0].address.to_string(), "10.0.0.8");
  EXPECT_EQ(remotes[0].peak.count, 3u);
  EXPECT_EQ(remotes[0].peak.frame, 101u);
  EXPECT_EQ(remotes[1].address.to_string(), "10.0.0.9");
  EXPECT_EQ(remotes[1].peak.count, 2u);
  EXPECT_EQ(remotes[1].peak.frame, 100u);
  EXPECT_EQ(remotes[2].address.to_string(), "2001:db8::7");
  EXPECT_EQ(remotes[2].peak.count, 1u);
}

TEST(TimelineSummaryTest, ProcessesRankByDistinctInetAndUnixSocketsHeld) {
  model::Snapshot f0, f1;
  for (auto* s : {&f0, &f1}) {
    s->inet_sockets = {listener("0.0.0.0", 22, 10), tcp("10.0.0.1", 22, "10.0.0.9", 1, 1, 11)};
    s->unix_sockets = {unix_socket(20), unix_socket(21), unix_socket(22)};
  }
  // sshd holds its listener on two fds (one socket) and inode 99, which is neither inet nor unix
  // (a netlink socket, say).
  f0.processes = {process(1, std::string("/usr/sbin/sshd\0-D", 17), {10, 10, 99}),
                  process(2, "", {11, 20})};
  f1.processes = {process(1, "/usr/sbin/sshd", {10, 11, 20, 21}),
                  process(2, "", {11}),  // no argv: goes by its comm
                  process(3, "netlinkd", {99})};
  TimelineSummary summary = summarise({f0, f1});

  ASSERT_EQ(summary.processes.size(), 2u) << "a process with no inet or unix socket has no row";
  EXPECT_EQ(summary.processes[0].pid, 1u);
  EXPECT_EQ(summary.processes[0].program, "sshd");
  EXPECT_EQ(summary.processes[0].peak.count, 4u);
  EXPECT_EQ(summary.processes[0].peak.frame, 101u);
  EXPECT_EQ(summary.processes[1].pid, 2u);
  EXPECT_EQ(summary.processes[1].program, "comm2");
  EXPECT_EQ(summary.processes[1].peak.count, 2u);
  EXPECT_EQ(summary.processes[1].peak.frame, 100u);
}

TEST(TimelineSummaryTest, AReusedPidIsANewProcess) {
  model::Snapshot f0, f1;
  f0.unix_sockets = f1.unix_sockets = {unix_socket(1), unix_socket(2)};
  f0.processes = {process(7, "old", {1})};
  f1.processes = {process(7, "new", {1, 2})};
  TimelineSummary summary = summarise({f0, f1});
  ASSERT_EQ(summary.processes.size(), 2u);
  EXPECT_EQ(summary.processes[0].program, "new");
  EXPECT_EQ(summary.processes[1].program, "old");
}

TEST(TimelineSummaryTest, TopKeepsTheHighestAndZeroKeepsAll) {
  model::Snapshot s;
  for (uint16_t i = 1; i <= 5; ++i) {
    s.inet_sockets.push_back(listener("0.0.0.0", i));
    for (uint16_t c = 0; c < i; ++c)
      s.inet_sockets.push_back(tcp("10.0.0.1", i, "10.0.0.9", 1000 + c, kEstablished));
  }
  TimelineSummary top2 = summarise({s}, 2);
  ASSERT_EQ(top2.busiest_local_ports.size(), 2u);
  EXPECT_EQ(top2.busiest_local_ports[0].port, 5);
  EXPECT_EQ(top2.busiest_local_ports[1].port, 4);
  EXPECT_EQ(top2.busiest_remote_addresses.size(), 1u);
  EXPECT_EQ(summarise({s}, 0).busiest_local_ports.size(), 5u);
}

}  // namespace
}  // namespace netsnap::analysis
