// diff_text() and diff_json() on diffs built by hand (and one from two snapshots).
#include "netsnap/render/diff_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace netsnap::render {
namespace {

using analysis::Change;
using analysis::CounterChange;
using analysis::CounterDelta;
using analysis::DiffSocket;
using analysis::SnapshotDiff;
using model::IpAddress;
using nlohmann::json;

IpAddress ip(const char* text) { return *IpAddress::parse(text); }

const DiffLabels kLabels{"cap.nsnap frame 3 (2026-11-21T05:42:38.123Z)",
                         "cap.nsnap frame 5 (2026-11-21T05:42:48.123Z)"};

DiffSocket tcp(const char* local, uint16_t local_port, const char* remote, uint16_t remote_port,
               const char* state, uint64_t inode, std::vector<model::SocketOwner> owners = {}) {
  DiffSocket s;
  s.protocol = "tcp";
  s.ipv6 = ip(local).is_v6();
  s.local_address = ip(local);
  s.local_port = local_port;
  s.remote_address = ip(remote);
  s.remote_port = remote_port;
  s.state = state;
  s.inode = inode;
  s.owners = std::move(owners);
  return s;
}

// One opened, one closed and one TIME_WAIT transition, 10 s apart.
SnapshotDiff socket_diff() {
  SnapshotDiff diff;
  diff.elapsed_seconds = 10.0;
  diff.sockets.added = {tcp("::", 80, "::", 0, "LISTEN", 200, {{600, "nginx"}, {601, "nginx"}})};
  diff.sockets.removed = {tcp("10.0.0.7", 22, "10.0.0.5", 40000, "ESTABLISHED", 101)};
  DiffSocket before = tcp("10.0.0.7", 22, "10.0.0.6", 41000, "ESTABLISHED", 102, {{500, "sshd"}});
  DiffSocket after = tcp("10.0.0.7", 22, "10.0.0.6", 41000, "TIME_WAIT", 0);
  diff.sockets.changed = {{before, after}};
  return diff;
}

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

TEST(DiffReportTest, EmptyDiffIsOneLine) {
  EXPECT_EQ(diff_text(SnapshotDiff{}, kLabels, true), "no differences\n");
  json j = json::parse(diff_json(SnapshotDiff{}, kLabels));
  EXPECT_FALSE(j["differs"].get<bool>());
  EXPECT_TRUE(j["sockets"]["opened"].empty());
}

TEST(DiffReportTest, FirstLineNamesTheSnapshotsAndTheElapsedTime) {
  std::string text = diff_text(socket_diff(), kLabels, false);
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "cap.nsnap frame 3 (2026-11-21T05:42:38.123Z) -> "
            "cap.nsnap frame 5 (2026-11-21T05:42:48.123Z) (10.000 s elapsed)");
}

TEST(DiffReportTest, FirstLineSaysWhenThereAreNoRates) {
  SnapshotDiff diff = socket_diff();
  diff.elapsed_seconds.reset();
  diff.rebooted = true;
  diff.sockets_only = true;
  std::string text = diff_text(diff, {"a", "b"}, false);
  EXPECT_EQ(text.substr(0, text.find('\n')),
            "a -> b (elapsed time unknown, no rates; the host rebooted in between; sockets and "
            "NAT flows only)");
}

TEST(DiffReportTest, SocketLinesShowProtocolAddressesStateAndOwner) {
  std::string text = diff_text(socket_diff(), kLabels, false);
  EXPECT_TRUE(has_line(text, "Sockets: 1 opened, 1 closed, 1 changed")) << text;
  EXPECT_TRUE(
      has_line(text, "+ tcp6    [::]:80                 [::]:*                  LISTEN  600/nginx"))
      << text;
  EXPECT_TRUE(
      has_line(text, "- tcp     10.0.0.7:22             10.0.0.5:40000          ESTABLISHED  -"))
      << text;
  EXPECT_TRUE(has_line(text,
                       "~ tcp     10.0.0.7:22             10.0.0.6:41000          ESTABLISHED -> "
                       "TIME_WAIT  inode 102 -> 0  500/sshd -> -"))
      << text;
}

// A program name or unix path may hold escape sequences; the report must not pass them to a
// terminal.
TEST(DiffReportTest, ControlCharactersInNamesArePrintedAsQuestionMarks) {
  SnapshotDiff diff;
  diff.sockets.added = {tcp("10.0.0.7", 22, "0.0.0.0", 0, "LISTEN", 7, {{9, "evil\x1b[2J\n"}})};
  DiffSocket unix_socket;
  unix_socket.family = analysis::SocketFamily::kUnix;
  unix_socket.protocol = "unix";
  unix_socket.type = "STREAM";
  unix_socket.state = "LISTENING";
  unix_socket.path =
      "/run/\x07"
      "bell";
  diff.sockets.removed = {unix_socket};
  std::string text = diff_text(diff, kLabels, false);
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
  EXPECT_EQ(text.find('\x07'), std::string::npos) << text;
  EXPECT_NE(text.find("9/evil?[2J?"), std::string::npos) << text;
  EXPECT_NE(text.find("/run/?bell"), std::string::npos) << text;
}

TEST(DiffReportTest, QueueChangesNameTheQueue) {
  SnapshotDiff diff;
  DiffSocket before = tcp("10.0.0.7", 22, "10.0.0.6", 41000, "ESTABLISHED", 102, {{500, "sshd"}});
  DiffSocket after = before;
  after.rx_queue = 4096;
  diff.sockets.changed = {{before, after}};
  std::string text = diff_text(diff, kLabels, false);
  EXPECT_NE(text.find("ESTABLISHED  recv-q 0 -> 4096  500/sshd\n"), std::string::npos) << text;
  EXPECT_EQ(text.find("send-q"), std::string::npos);
}

TEST(DiffReportTest, UnixSocketLines) {
  SnapshotDiff diff;
  DiffSocket s;
  s.family = analysis::SocketFamily::kUnix;
  s.protocol = "unix";
  s.type = "STREAM";
  s.state = "LISTENING";
  s.path = "/run/a.sock";
  s.inode = 10;
  s.owners = {{1, "systemd"}};
  diff.sockets.added = {s};
  std::string text = diff_text(diff, kLabels, false);
  EXPECT_TRUE(has_line(text, "+ unix   STREAM     /run/a.sock LISTENING  inode 10  1/systemd"))
      << text;
}

TEST(DiffReportTest, ColourPaintsLinesAndHeadings) {
  std::string text = diff_text(socket_diff(), kLabels, true);
  EXPECT_NE(text.find("\x1b[1mSockets: 1 opened, 1 closed, 1 changed\x1b[0m\n"), std::string::npos);
  EXPECT_NE(text.find("\x1b[32m+ tcp6 "), std::string::npos);
  EXPECT_NE(text.find("\x1b[31m- tcp "), std::string::npos);
  EXPECT_NE(text.find("\x1b[33m~ tcp "), std::string::npos);
  EXPECT_NE(text.find("600/nginx\x1b[0m\n"), std::string::npos);
}

TEST(DiffReportTest, NoColourMeansNoEscapeBytes) {
  SnapshotDiff diff = socket_diff();
  diff.statistics = {{"Tcp", {"TcpActiveOpens", CounterChange::kIncreased, 1, 3, 2, 0.2}}};
  std::string text = diff_text(diff, kLabels, false);
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  EXPECT_NE(text.find("+ tcp6"), std::string::npos);
}

TEST(DiffReportTest, EmptySectionsAreLeftOut) {
  std::string text = diff_text(socket_diff(), kLabels, false);
  for (const char* heading : {"Routes", "Interfaces", "Multicast", "NAT flows", "Statistics"})
    EXPECT_EQ(text.find(heading), std::string::npos) << heading;
}

TEST(DiffReportTest, RouteLines) {
  SnapshotDiff diff;
  model::Route4 old_default{"eth0", ip("0.0.0.0"), ip("192.0.2.1"), ip("0.0.0.0"), 0x3, 0, 0, 100};
  model::Route4 new_default = old_default;
  new_default.gateway = ip("192.0.2.254");
  new_default.mtu = 1400;
  diff.routes.ipv4.changed = {{old_default, new_default}};
  diff.routes.ipv4.added = {{"eth1", ip("10.2.0.0"), ip("0.0.0.0"), ip("255.255.0.0"), 0x1}};
  diff.routes.ipv6.removed = {
      {ip("2001:db8::"), 64, ip("::"), 0, ip("fe80::1"), 256, 0, 0, 0x3, "eth0"}};
  std::string text = diff_text(diff, kLabels, false);
  EXPECT_TRUE(has_line(text, "Routes: 1 added, 1 removed, 1 changed")) << text;
  EXPECT_TRUE(has_line(text, "+ 10.2.0.0/16 dev eth1 metric 0 flags U")) << text;
  EXPECT_TRUE(has_line(text, "- 2001:db8::/64 via fe80::1 dev eth0 metric 256 flags UG")) << text;
  EXPECT_TRUE(
      has_line(text, "~ default metric 100: gateway 192.0.2.1 -> 192.0.2.254, mtu 0 -> 1400"))
      << text;
}

SnapshotDiff interface_diff() {
  SnapshotDiff diff;
  diff.elapsed_seconds = 10.0;
  analysis::InterfaceChange eth0;
  eth0.name = "eth0";
  eth0.mtu = Change<uint32_t>{1500, 9000};
  eth0.flags = Change<uint32_t>{0x1043, 0x1103};
  eth0.flags_set = {"PROMISC"};
  eth0.flags_cleared = {"RUNNING"};
  eth0.addresses_added = {{ip("10.0.0.8"), 24}};
  eth0.counters = {{"rx_bytes", CounterChange::kIncreased, 0, 1258291, 1258291, 125829.1},
                   {"rx_packets", CounterChange::kIncreased, 0, 1000, 1000, 100.0},
                   {"tx_errors", CounterChange::kReset, 5, 0, 0, std::nullopt}};
  diff.interfaces.changed = {eth0};
  model::Interface veth;
  veth.name = "veth1";
  veth.mtu = 1500;
  veth.flags = 0x1003;
  diff.interfaces.added = {veth};
  return diff;
}

TEST(DiffReportTest, InterfaceLinesWithHumanUnitsForBytes) {
  std::string text = diff_text(interface_diff(), kLabels, false);
  EXPECT_TRUE(has_line(text, "Interfaces: 1 added, 0 removed, 1 changed")) << text;
  EXPECT_TRUE(has_line(text, "+ veth1 mtu 1500 <UP,BROADCAST,MULTICAST>")) << text;
  EXPECT_TRUE(has_line(text, "~ eth0 mtu 1500 -> 9000")) << text;
  EXPECT_TRUE(has_line(text, "~ eth0 flags +PROMISC -RUNNING")) << text;
  EXPECT_TRUE(has_line(text, "~ eth0 address +10.0.0.8/24")) << text;
  EXPECT_TRUE(has_line(text, "~ eth0 rx_bytes +1.2 MiB, 122.9 KiB/s")) << text;
  EXPECT_TRUE(has_line(text, "~ eth0 rx_packets +1000, 100.0/s")) << text;
  EXPECT_TRUE(has_line(text, "~ eth0 tx_errors reset (5 -> 0)")) << text;
}

SnapshotDiff statistics_diff() {
  SnapshotDiff diff;
  diff.elapsed_seconds = 12.0;
  diff.statistics = {
      {"Tcp", {"TcpActiveOpens", CounterChange::kIncreased, 10, 22, 12, 1.0}},
      {"Tcp", {"TcpMaxConn", CounterChange::kGauge, 5, ~uint64_t{0}, 0, std::nullopt}},
      {"Udp", {"UdpInDatagrams", CounterChange::kWrapped, 4294967000, 500, 796, 66.33}},
      {"Ip", {"IpInReceives", CounterChange::kRebooted, 5000, 12, 0, std::nullopt}},
      {"IpExt", {"IpExtInOctets", CounterChange::kIncreased, 0, 2048, 2048, 170.67}},
      {"TcpExt", {"TcpExtNewThing", CounterChange::kAppeared, 0, 5, 0, std::nullopt}},
      {"TcpExt", {"TcpExtOldThing", CounterChange::kGone, 3, 0, 0, std::nullopt}}};
  return diff;
}

TEST(DiffReportTest, StatisticsLines) {
  std::string text = diff_text(statistics_diff(), kLabels, false);
  EXPECT_TRUE(has_line(text, "Statistics: 5 changed, 1 new, 1 gone")) << text;
  EXPECT_TRUE(has_line(text, "~ TcpActiveOpens +12, 1.0/s")) << text;
  EXPECT_TRUE(has_line(text, "~ TcpMaxConn 5 -> -1")) << text;
  EXPECT_TRUE(has_line(text, "~ UdpInDatagrams wrapped at 2^32, +796, 66.3/s")) << text;
  EXPECT_TRUE(has_line(text, "~ IpInReceives reset (reboot) (5000 -> 12)")) << text;
  EXPECT_TRUE(has_line(text, "~ IpExtInOctets +2.0 KiB, 171 B/s")) << text;
  EXPECT_TRUE(has_line(text, "+ TcpExtNewThing new, 5")) << text;
  EXPECT_TRUE(has_line(text, "- TcpExtOldThing gone, was 3")) << text;
}

TEST(DiffReportTest, MulticastAndNatLines) {
  SnapshotDiff diff;
  model::MulticastGroup g{false, 2, "eth0", ip("224.0.0.251"), 1};
  model::MulticastGroup g2 = g;
  g2.users = 2;
  diff.multicast.added = {g};
  diff.multicast.changed = {{g, g2}};
  model::ConntrackFlow f;
  f.protocol = "tcp";
  f.state = "SYN_SENT";
  f.original = {ip("10.0.0.2"), ip("8.8.8.8"), 40000, 443, {}, {}, ""};
  f.reply = {ip("8.8.8.8"), ip("203.0.113.1"), 443, 61000, {}, {}, ""};
  model::ConntrackFlow established = f;
  established.state = "ESTABLISHED";
  diff.nat.removed = {f};
  diff.nat.changed = {{f, established}};
  std::string text = diff_text(diff, kLabels, false);
  EXPECT_TRUE(has_line(text, "Multicast: 1 joined, 0 left, 1 changed")) << text;
  EXPECT_TRUE(has_line(text, "+ eth0 224.0.0.251 users 1")) << text;
  EXPECT_TRUE(has_line(text, "~ eth0 224.0.0.251 users 1 -> 2")) << text;
  EXPECT_TRUE(has_line(text, "NAT flows: 0 appeared, 1 gone, 1 changed")) << text;
  EXPECT_TRUE(has_line(text,
                       "- tcp 10.0.0.2:40000 -> 8.8.8.8:443 reply 8.8.8.8:443 -> "
                       "203.0.113.1:61000 SYN_SENT"))
      << text;
  EXPECT_NE(text.find("203.0.113.1:61000 SYN_SENT -> ESTABLISHED\n"), std::string::npos) << text;
  // Sections come in the documented order.
  EXPECT_LT(text.find("Multicast:"), text.find("NAT flows:"));
}

TEST(DiffReportTest, JsonCarriesLabelsSocketsAndAllOwners) {
  json j = json::parse(diff_json(socket_diff(), kLabels));
  EXPECT_EQ(j["from"], kLabels.from);
  EXPECT_EQ(j["to"], kLabels.to);
  EXPECT_DOUBLE_EQ(j["elapsed_seconds"].get<double>(), 10.0);
  EXPECT_TRUE(j["differs"].get<bool>());
  const json& opened = j["sockets"]["opened"][0];
  EXPECT_EQ(opened["protocol"], "tcp");
  EXPECT_TRUE(opened["ipv6"].get<bool>());
  EXPECT_EQ(opened["local"]["address"], "::");
  EXPECT_EQ(opened["local"]["port"], 80);
  EXPECT_EQ(opened["owners"].size(), 2u);
  EXPECT_EQ(opened["owners"][1]["pid"], 601);
  EXPECT_EQ(j["sockets"]["closed"][0]["remote"]["address"], "10.0.0.5");
  const json& changed = j["sockets"]["changed"][0];
  EXPECT_EQ(changed["before"]["state"], "ESTABLISHED");
  EXPECT_EQ(changed["after"]["state"], "TIME_WAIT");
  EXPECT_EQ(changed["changes"], json({"state", "owners", "inode"}));
  for (const char* key : {"routes", "interfaces", "multicast", "nat", "statistics"})
    EXPECT_TRUE(j.contains(key)) << key;
}

TEST(DiffReportTest, JsonCountersKeepRawNumbersAndNullRates) {
  SnapshotDiff diff = statistics_diff();
  diff.elapsed_seconds.reset();
  diff.statistics[0].counter.per_second.reset();
  json j = json::parse(diff_json(diff, kLabels));
  EXPECT_TRUE(j["elapsed_seconds"].is_null());
  const json& opens = j["statistics"][0];
  EXPECT_EQ(opens["name"], "TcpActiveOpens");
  EXPECT_EQ(opens["section"], "Tcp");
  EXPECT_EQ(opens["change"], "increased");
  EXPECT_EQ(opens["delta"], 12);
  EXPECT_TRUE(opens["per_second"].is_null());
  EXPECT_EQ(j["statistics"][1]["after"].get<uint64_t>(), ~uint64_t{0});
  EXPECT_EQ(j["statistics"][2]["change"], "wrapped");
  EXPECT_EQ(j["statistics"][2]["delta"], 796);
  EXPECT_EQ(j["statistics"][3]["change"], "reset_reboot");
  EXPECT_TRUE(j["statistics"][3]["delta"].is_null());
  EXPECT_TRUE(j["statistics"][5]["before"].is_null());
  EXPECT_TRUE(j["statistics"][6]["after"].is_null());
}

TEST(DiffReportTest, JsonInterfacesAndRoutes) {
  SnapshotDiff diff = interface_diff();
  diff.routes.ipv4.added = {{"eth1", ip("10.2.0.0"), ip("0.0.0.0"), ip("255.255.0.0"), 0x1}};
  json j = json::parse(diff_json(diff, kLabels));
  const json& eth0 = j["interfaces"]["changed"][0];
  EXPECT_EQ(eth0["name"], "eth0");
  EXPECT_EQ(eth0["mtu"]["after"], 9000);
  EXPECT_EQ(eth0["flags"]["set"], json({"PROMISC"}));
  EXPECT_EQ(eth0["addresses_added"][0]["address"], "10.0.0.8");
  EXPECT_EQ(eth0["counters"][0]["name"], "rx_bytes");
  EXPECT_EQ(eth0["counters"][0]["delta"], 1258291);
  EXPECT_EQ(j["interfaces"]["added"][0]["flag_names"], json({"UP", "BROADCAST", "MULTICAST"}));
  EXPECT_EQ(j["routes"]["ipv4"]["added"][0]["mask"], "255.255.0.0");
  EXPECT_TRUE(j["routes"]["ipv6"]["added"].empty());
}

TEST(DiffReportTest, RendersADiffOfTwoSnapshots) {
  model::Snapshot before;
  before.host.capture_time_ns = 1'000'000'000;
  model::Snapshot after = before;
  after.host.capture_time_ns += 2'000'000'000;
  before.multicast = {{true, 1, "lo", ip("ff02::1"), 1}};
  SnapshotDiff diff = analysis::diff_snapshots(before, after, {});
  std::string text = diff_text(diff, {"a", "b"}, false);
  EXPECT_EQ(
      text,
      "a -> b (2.000 s elapsed)\nMulticast: 0 joined, 1 left, 0 changed\n- lo ff02::1 users 1\n");
  json j = json::parse(diff_json(diff, {"a", "b"}));
  EXPECT_EQ(j["multicast"]["left"][0]["group"], "ff02::1");
}

}  // namespace
}  // namespace netsnap::render
