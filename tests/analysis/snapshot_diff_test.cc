// diff_snapshots(): sockets, routes, interfaces, multicast, NAT flows, and the sockets-only mode.
// Counters and statistics are in counter_diff_test.cc.
#include "netsnap/analysis/snapshot_diff.h"

#include <gtest/gtest.h>

#include "test_support/model_builders.h"
#include "test_support/sample_snapshot.h"

namespace netsnap::analysis {
namespace {

using model::InetProtocol;
using model::IpAddress;
using model::Snapshot;
using netsnap::testing::ip;
using netsnap::testing::process;
using netsnap::testing::tcp;

constexpr uint8_t kEstablished = 1, kTimeWait = 6, kListen = 10;

// sshd listening and serving one connection.
Snapshot host() {
  Snapshot s;
  s.host.boot_id = "boot-a";
  s.host.capture_time_ns = 1'000'000'000'000;
  s.host.monotonic_time_ns = 50'000'000'000;
  s.inet_sockets = {tcp("0.0.0.0", 22, "0.0.0.0", 0, kListen, 100),
                    tcp("10.0.0.7", 22, "10.0.0.5", 40000, kEstablished, 101)};
  s.processes = {process(500, "/usr/sbin/sshd", {100, 101})};
  return s;
}

TEST(SnapshotDiffTest, IdenticalSnapshotsHaveNoDifferences) {
  Snapshot s = testing::sample_snapshot();
  SnapshotDiff diff = diff_snapshots(s, s, {});
  EXPECT_TRUE(diff.empty());
  EXPECT_TRUE(diff_snapshots(host(), host(), {}).empty());
}

TEST(SnapshotDiffTest, VolatileSocketFieldsAreIgnored) {
  Snapshot after = host();
  model::InetSocket& s = after.inet_sockets[1];
  s.timer_kind = 2;
  s.timer_expires_ticks = 300;
  s.retransmits = 4;
  s.ref_count = 9;
  s.kernel_address = 0xffff8881;
  s.slot = 7;
  s.drops = 3;
  s.send_congestion_window = 20;
  EXPECT_TRUE(diff_snapshots(host(), after, {}).empty());
}

TEST(SnapshotDiffTest, OpenedAndClosedSocketsCarryTheirOwnSnapshotsOwners) {
  Snapshot after = host();
  after.inet_sockets.erase(after.inet_sockets.begin() + 1);
  after.inet_sockets.push_back(tcp("::", 80, "::", 0, kListen, 200));
  after.processes.push_back(process(600, "nginx", {200}));
  SocketDiff diff = diff_snapshots(host(), after, {}).sockets;
  ASSERT_EQ(diff.added.size(), 1u);
  ASSERT_EQ(diff.removed.size(), 1u);
  EXPECT_TRUE(diff.changed.empty());
  EXPECT_EQ(diff.added[0].protocol, "tcp");
  EXPECT_TRUE(diff.added[0].ipv6);
  EXPECT_EQ(diff.added[0].local_port, 80);
  EXPECT_EQ(diff.added[0].state, "LISTEN");
  EXPECT_EQ(diff.added[0].owners, (std::vector<model::SocketOwner>{{600, "nginx"}}));
  EXPECT_EQ(diff.removed[0].remote_port, 40000);
  EXPECT_EQ(diff.removed[0].owners, (std::vector<model::SocketOwner>{{500, "sshd"}}));
}

TEST(SnapshotDiffTest, ALostInodeIsAStateTransitionNotACloseAndOpen) {
  Snapshot after = host();
  after.inet_sockets[1].state = kTimeWait;
  after.inet_sockets[1].inode = 0;
  SocketDiff diff = diff_sockets(host(), after);
  EXPECT_TRUE(diff.added.empty());
  EXPECT_TRUE(diff.removed.empty());
  ASSERT_EQ(diff.changed.size(), 1u);
  const Change<DiffSocket>& c = diff.changed[0];
  EXPECT_EQ(c.before.state, "ESTABLISHED");
  EXPECT_EQ(c.after.state, "TIME_WAIT");
  EXPECT_EQ(c.before.inode, 101u);
  EXPECT_EQ(c.after.inode, 0u);
  EXPECT_TRUE(c.after.owners.empty());
  EXPECT_TRUE(c.before.owners_differ(c.after));
}

TEST(SnapshotDiffTest, AGainedInodeIsMatchedToo) {
  Snapshot before = host();
  before.inet_sockets[1].state = 3;  // SYN_RECV, before accept() gives it an inode
  before.inet_sockets[1].inode = 0;
  SocketDiff diff = diff_sockets(before, host());
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(diff.changed[0].before.state, "SYN_RECV");
  EXPECT_EQ(diff.changed[0].after.state, "ESTABLISHED");
  EXPECT_TRUE(diff.added.empty() && diff.removed.empty());
}

TEST(SnapshotDiffTest, ARestartedListenerWithANewInodeIsClosedAndOpened) {
  Snapshot after = host();
  after.inet_sockets[0].inode = 300;
  after.processes = {process(501, "sshd", {300, 101})};
  SocketDiff diff = diff_sockets(host(), after);
  ASSERT_EQ(diff.added.size(), 1u);
  ASSERT_EQ(diff.removed.size(), 1u);
  EXPECT_EQ(diff.added[0].inode, 300u);
  EXPECT_EQ(diff.removed[0].inode, 100u);
  // The connection kept its inode but is now held by pid 501.
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(diff.changed[0].after.owners[0].pid, 501u);
}

TEST(SnapshotDiffTest, QueueChangesAreReported) {
  Snapshot after = host();
  after.inet_sockets[1].rx_queue = 4096;
  SocketDiff diff = diff_sockets(host(), after);
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_TRUE(diff.changed[0].before.queues_differ(diff.changed[0].after));
  EXPECT_FALSE(diff.changed[0].before.state_differs(diff.changed[0].after));
  EXPECT_EQ(diff.changed[0].after.rx_queue, 4096u);
}

TEST(SnapshotDiffTest, OwnerChangesAreReported) {
  Snapshot after = host();
  after.processes.push_back(process(700, "backup", {101}));
  SocketDiff diff = diff_sockets(host(), after);
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(diff.changed[0].after.owners,
            (std::vector<model::SocketOwner>{{500, "sshd"}, {700, "backup"}}));
}

TEST(SnapshotDiffTest, ProtocolAndFileFlagAreKeys) {
  Snapshot after = host();
  after.inet_sockets[0].protocol = InetProtocol::kUdp;
  SocketDiff diff = diff_sockets(host(), after);
  EXPECT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.removed.size(), 1u);
  after = host();
  after.inet_sockets[0].ipv6 = true;
  EXPECT_EQ(diff_sockets(host(), after).added.size(), 1u);
}

TEST(SnapshotDiffTest, UnixSocketsMatchByInodeAndPath) {
  Snapshot before;
  before.unix_sockets = {{0, 2, 0, 0x10000, 1, 1, 10, "/run/a.sock"}, {0, 2, 0, 0, 1, 3, 11, ""}};
  Snapshot after = before;
  after.unix_sockets[1].state = 4;                               // DISCONNECTING
  after.unix_sockets.push_back({0, 2, 0, 0, 2, 1, 12, "@bus"});  // new
  after.unix_sockets[0].path = "/run/b.sock";                    // another socket
  after.unix_sockets[0].kernel_address = 0xffff;                 // volatile
  SocketDiff diff = diff_sockets(before, after);
  ASSERT_EQ(diff.added.size(), 2u);
  EXPECT_EQ(diff.added[0].path, "/run/b.sock");
  EXPECT_EQ(diff.added[1].type, "DGRAM");
  ASSERT_EQ(diff.removed.size(), 1u);
  EXPECT_EQ(diff.removed[0].state, "LISTENING");
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(diff.changed[0].before.state, "CONNECTED");
  EXPECT_EQ(diff.changed[0].after.state, "DISCONNECTING");
}

model::Route4 route4(const char* destination, const char* mask, const char* gateway, int32_t metric,
                     const char* device = "eth0") {
  model::Route4 r;
  r.interface_name = device;
  r.destination = ip(destination);
  r.mask = ip(mask);
  r.gateway = ip(gateway);
  r.flags = ip(gateway).is_unspecified() ? 0x1 : 0x3;
  r.metric = metric;
  return r;
}

TEST(SnapshotDiffTest, Ipv4RoutesAddedRemovedAndChanged) {
  Snapshot before, after;
  before.routes4 = {route4("0.0.0.0", "0.0.0.0", "192.0.2.1", 100),
                    route4("10.1.0.0", "255.255.0.0", "0.0.0.0", 0)};
  after.routes4 = {route4("0.0.0.0", "0.0.0.0", "192.0.2.254", 100),
                   route4("10.2.0.0", "255.255.0.0", "0.0.0.0", 0)};
  after.routes4[0].use = 99;  // ignored
  RouteDiff diff = diff_snapshots(before, after, {}).routes;
  ASSERT_EQ(diff.ipv4.added.size(), 1u);
  EXPECT_EQ(diff.ipv4.added[0].destination, ip("10.2.0.0"));
  ASSERT_EQ(diff.ipv4.removed.size(), 1u);
  EXPECT_EQ(diff.ipv4.removed[0].destination, ip("10.1.0.0"));
  ASSERT_EQ(diff.ipv4.changed.size(), 1u);
  EXPECT_EQ(diff.ipv4.changed[0].before.gateway, ip("192.0.2.1"));
  EXPECT_EQ(diff.ipv4.changed[0].after.gateway, ip("192.0.2.254"));
  EXPECT_TRUE(diff.ipv6.empty());
}

TEST(SnapshotDiffTest, RefCountAndUseNeverMakeARouteChange) {
  Snapshot before, after;
  before.routes4 = {route4("10.1.0.0", "255.255.0.0", "0.0.0.0", 0)};
  after.routes4 = before.routes4;
  after.routes4[0].ref_count = 3;
  after.routes4[0].use = 1000;
  EXPECT_TRUE(diff_routes(before, after).empty());
}

TEST(SnapshotDiffTest, RepeatedRouteKeysAreMatchedByTheWholeRoute) {
  // Two default routes of the same metric (multipath on two devices): the key cannot pair them.
  Snapshot before, after;
  before.routes4 = {route4("0.0.0.0", "0.0.0.0", "192.0.2.1", 0, "eth0"),
                    route4("0.0.0.0", "0.0.0.0", "198.51.100.1", 0, "eth1")};
  after.routes4 = {route4("0.0.0.0", "0.0.0.0", "198.51.100.1", 0, "eth1"),
                   route4("0.0.0.0", "0.0.0.0", "203.0.113.1", 0, "eth2")};
  RouteDiff diff = diff_routes(before, after);
  ASSERT_EQ(diff.ipv4.added.size(), 1u);
  EXPECT_EQ(diff.ipv4.added[0].interface_name, "eth2");
  ASSERT_EQ(diff.ipv4.removed.size(), 1u);
  EXPECT_EQ(diff.ipv4.removed[0].interface_name, "eth0");
  EXPECT_TRUE(diff.ipv4.changed.empty());
}

TEST(SnapshotDiffTest, Ipv6RoutesKeyedByPrefixesDeviceAndMetric) {
  Snapshot before, after;
  model::Route6 r{ip("2001:db8::"), 64, ip("::"), 0, ip("fe80::1"), 256, 1, 5, 0x3, "eth0"};
  before.routes6 = {r};
  r.next_hop = ip("fe80::2");
  r.use = 77;
  model::Route6 other = r;
  other.metric = 1024;  // a different route
  after.routes6 = {r, other};
  RouteDiff diff = diff_routes(before, after);
  ASSERT_EQ(diff.ipv6.changed.size(), 1u);
  EXPECT_EQ(diff.ipv6.changed[0].before.next_hop, ip("fe80::1"));
  EXPECT_EQ(diff.ipv6.changed[0].after.next_hop, ip("fe80::2"));
  ASSERT_EQ(diff.ipv6.added.size(), 1u);
  EXPECT_EQ(diff.ipv6.added[0].metric, 1024u);
}

model::Interface interface(const char* name, uint32_t flags = 0x1043) {
  model::Interface i;
  i.name = name;
  i.mtu = 1500;
  i.flags = flags;
  i.counters = model::InterfaceCounters{};
  return i;
}

TEST(SnapshotDiffTest, InterfacesAddedAndRemovedByName) {
  Snapshot before, after;
  before.interfaces = {interface("lo"), interface("docker0")};
  after.interfaces = {interface("lo"), interface("veth1")};
  InterfaceDiff diff = diff_snapshots(before, after, {}).interfaces;
  ASSERT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.added[0].name, "veth1");
  ASSERT_EQ(diff.removed.size(), 1u);
  EXPECT_EQ(diff.removed[0].name, "docker0");
  EXPECT_TRUE(diff.changed.empty());
}

TEST(SnapshotDiffTest, InterfaceAttributesNameTheFlagsThatCameAndWent) {
  Snapshot before, after;
  before.interfaces = {interface("eth0", 0x1043)};  // UP,BROADCAST,RUNNING,MULTICAST
  before.interfaces[0].addresses4 = {{"eth0", ip("10.0.0.7"), ip("255.255.255.0"), {}, {}}};
  after.interfaces = {interface("eth0", 0x1103)};  // RUNNING went, PROMISC came
  after.interfaces[0].mtu = 9000;
  after.interfaces[0].addresses6 = {{ip("fe80::1"), 2, 64, 0x20, 0x80}};
  InterfaceDiff diff = diff_interfaces(before, after, std::nullopt, false);
  ASSERT_EQ(diff.changed.size(), 1u);
  const InterfaceChange& c = diff.changed[0];
  ASSERT_TRUE(c.mtu);
  EXPECT_EQ(c.mtu->before, 1500u);
  EXPECT_EQ(c.mtu->after, 9000u);
  EXPECT_EQ(c.flags_set, std::vector<std::string>{"PROMISC"});
  EXPECT_EQ(c.flags_cleared, std::vector<std::string>{"RUNNING"});
  EXPECT_EQ(c.addresses_added, (std::vector<InterfaceAddress>{{ip("fe80::1"), 64}}));
  EXPECT_EQ(c.addresses_removed, (std::vector<InterfaceAddress>{{ip("10.0.0.7"), 24}}));
  EXPECT_TRUE(c.counters.empty());
}

TEST(SnapshotDiffTest, InterfaceCountersGiveDeltasAndRates) {
  Snapshot before = host(), after = host();
  after.host.capture_time_ns += 10'000'000'000;
  after.host.monotonic_time_ns += 10'000'000'000;
  before.interfaces = {interface("eth0")};
  after.interfaces = {interface("eth0")};
  before.interfaces[0].counters->rx_bytes = 1000;
  after.interfaces[0].counters->rx_bytes = 21000;
  after.interfaces[0].counters->tx_packets = 5;
  InterfaceDiff diff = diff_snapshots(before, after, {}).interfaces;
  ASSERT_EQ(diff.changed.size(), 1u);
  const auto& counters = diff.changed[0].counters;
  ASSERT_EQ(counters.size(), 2u);
  EXPECT_EQ(counters[0].name, "rx_bytes");
  EXPECT_EQ(counters[0].change, CounterChange::kIncreased);
  EXPECT_EQ(counters[0].delta, 20000u);
  EXPECT_DOUBLE_EQ(*counters[0].per_second, 2000.0);
  EXPECT_EQ(counters[1].name, "tx_packets");
  EXPECT_DOUBLE_EQ(*counters[1].per_second, 0.5);
}

TEST(SnapshotDiffTest, ARecreatedInterfacesCountersAreAReset) {
  Snapshot before, after;
  before.interfaces = {interface("veth0")};
  after.interfaces = {interface("veth0")};
  before.interfaces[0].counters->rx_packets = 5'000'000'000;  // beyond 32 bits: no wrap
  after.interfaces[0].counters->rx_packets = 12;
  InterfaceDiff diff = diff_interfaces(before, after, 1.0, false);
  ASSERT_EQ(diff.changed.size(), 1u);
  ASSERT_EQ(diff.changed[0].counters.size(), 1u);
  EXPECT_EQ(diff.changed[0].counters[0].change, CounterChange::kReset);
  EXPECT_FALSE(diff.changed[0].counters[0].per_second);
}

model::MulticastGroup group(const char* device, const char* address, uint32_t users = 1) {
  model::MulticastGroup g;
  g.ipv6 = ip(address).is_v6();
  g.device = device;
  g.group = ip(address);
  g.users = users;
  return g;
}

TEST(SnapshotDiffTest, MulticastJoinedLeftAndUsersChanged) {
  Snapshot before, after;
  before.multicast = {group("eth0", "224.0.0.1"), group("eth0", "224.0.0.251"),
                      group("eth0", "ff02::1")};
  after.multicast = {group("eth0", "224.0.0.1", 2), group("eth0", "ff02::1"),
                     group("eth1", "224.0.0.251")};
  after.multicast[1].timer = 500;  // volatile
  MulticastDiff diff = diff_snapshots(before, after, {}).multicast;
  ASSERT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.added[0].device, "eth1");
  ASSERT_EQ(diff.removed.size(), 1u);
  EXPECT_EQ(diff.removed[0].device, "eth0");
  EXPECT_EQ(diff.removed[0].group, ip("224.0.0.251"));
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(diff.changed[0].before.users, 1u);
  EXPECT_EQ(diff.changed[0].after.users, 2u);
}

model::ConntrackFlow flow(const char* source, uint16_t source_port, const char* reply_destination,
                          const char* state = "ESTABLISHED") {
  model::ConntrackFlow f;
  f.protocol = "tcp";
  f.protocol_number = 6;
  f.state = state;
  f.original = {ip(source), ip("93.184.216.34"), source_port, 443, {}, {}, ""};
  f.reply = {ip("93.184.216.34"), ip(reply_destination), 443, source_port, {}, {}, ""};
  return f;
}

TEST(SnapshotDiffTest, IsNatWhenTheReplyIsNotTheMirror) {
  EXPECT_FALSE(flow("10.0.0.2", 40000, "10.0.0.2").is_nat());
  EXPECT_TRUE(flow("10.0.0.2", 40000, "203.0.113.1").is_nat());
  model::ConntrackFlow port_only = flow("10.0.0.2", 40000, "10.0.0.2");
  port_only.reply.destination_port = 61000;
  EXPECT_TRUE(port_only.is_nat());
}

TEST(SnapshotDiffTest, NatFlowsAppearedGoneAndChangedState) {
  Snapshot before, after;
  before.conntrack = {flow("10.0.0.2", 40000, "203.0.113.1", "SYN_SENT"),
                      flow("10.0.0.3", 40001, "203.0.113.1"),
                      flow("10.0.0.9", 40009, "10.0.0.9")};  // not NAT'd: never reported
  after.conntrack = {flow("10.0.0.2", 40000, "203.0.113.1"),
                     flow("10.0.0.4", 40002, "203.0.113.1")};
  after.conntrack[0].timeout_seconds = 431000;  // volatile
  NatDiff diff = diff_snapshots(before, after, {}).nat;
  ASSERT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.added[0].original.source, ip("10.0.0.4"));
  ASSERT_EQ(diff.removed.size(), 1u);
  EXPECT_EQ(diff.removed[0].original.source, ip("10.0.0.3"));
  ASSERT_EQ(diff.changed.size(), 1u);
  EXPECT_EQ(diff.changed[0].before.state, "SYN_SENT");
  EXPECT_EQ(diff.changed[0].after.state, "ESTABLISHED");
}

TEST(SnapshotDiffTest, NatFlowsInAnotherZoneAreOtherFlows) {
  Snapshot before, after;
  before.conntrack = {flow("10.0.0.2", 40000, "203.0.113.1")};
  after.conntrack = before.conntrack;
  after.conntrack[0].zone = 5;
  NatDiff diff = diff_nat(before, after);
  EXPECT_EQ(diff.added.size(), 1u);
  EXPECT_EQ(diff.removed.size(), 1u);
}

TEST(SnapshotDiffTest, SocketsOnlyComparesSocketsAndNatFlows) {
  Snapshot before = host(), after = host();
  after.routes4 = {route4("10.2.0.0", "255.255.0.0", "0.0.0.0", 0)};
  after.interfaces = {interface("eth9")};
  after.multicast = {group("eth0", "224.0.0.1")};
  after.statistics = {{"proc/net/snmp", "Tcp", {{"ActiveOpens", 4}}}};
  SnapshotDiff diff = diff_snapshots(before, after, {.sockets_only = true});
  EXPECT_TRUE(diff.empty());
  EXPECT_TRUE(diff.sockets_only);
  EXPECT_FALSE(diff_snapshots(before, after, {}).empty());

  after.inet_sockets[1].state = kTimeWait;
  after.conntrack = {flow("10.0.0.2", 40000, "203.0.113.1")};
  diff = diff_snapshots(before, after, {.sockets_only = true});
  EXPECT_EQ(diff.sockets.changed.size(), 1u);
  EXPECT_EQ(diff.nat.added.size(), 1u);
  EXPECT_TRUE(diff.routes.empty() && diff.interfaces.empty() && diff.statistics.empty());
}

TEST(SnapshotDiffTest, InterfaceFlagNamesIncludeUnknownBitsInHex) {
  EXPECT_EQ(interface_flag_names(0x1 | 0x40 | 0x10000 | 0x800000),
            (std::vector<std::string>{"UP", "RUNNING", "LOWER_UP", "0x800000"}));
  EXPECT_TRUE(interface_flag_names(0).empty());
}

}  // namespace
}  // namespace netsnap::analysis
