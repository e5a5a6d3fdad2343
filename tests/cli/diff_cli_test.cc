// The acceptance test of netsnap diff: a timeline recorded from fixtures/deploy-sequence (four
// roots with known changes, see its README) must give, between any two of its frames, exactly the
// changes made between them and nothing else, in JSON and in the text report.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "test_support/run_command.h"
#include "test_support/temp_dir.h"

namespace netsnap::cli {
namespace {

using netsnap::testing::run_netsnap;
using netsnap::testing::TempDir;
using Json = nlohmann::json;
using Changes = std::set<std::string>;

const std::string kSequence = std::string(NETSNAP_SOURCE_DIR) + "/fixtures/deploy-sequence";

std::string endpoint(const Json& end) {
  return end["address"].get<std::string>() + ":" + std::to_string(end["port"].get<int>());
}

std::string owner(const Json& socket) {
  const Json& owners = socket["owners"];
  return owners.empty() ? "-" : std::to_string(owners[0]["pid"].get<int>());
}

// "tcp 10.0.0.2:22>10.0.0.5:51000" or "unix /run/app.sock#2010".
std::string socket_name(const Json& s) {
  if (s["protocol"] == "unix")
    return "unix " + s["path"].get<std::string>() + "#" + std::to_string(s["inode"].get<int>());
  return s["protocol"].get<std::string>() + (s["ipv6"].get<bool>() ? "6 " : " ") +
         endpoint(s["local"]) + ">" + endpoint(s["remote"]);
}

std::string socket_changes(const Json& c) {
  const Json &before = c["before"], &after = c["after"];
  std::string text = "~" + socket_name(after);
  for (const Json& what : c["changes"]) {
    if (what == "state")
      text += " " + before["state"].get<std::string>() + ">" + after["state"].get<std::string>();
    if (what == "queues")
      text += " rx" + before["rx_queue"].dump() + ">" + after["rx_queue"].dump() + " tx" +
              before["tx_queue"].dump() + ">" + after["tx_queue"].dump();
    if (what == "owners") text += " pid" + owner(before) + ">" + owner(after);
  }
  return text;
}

void add_sockets(const Json& sockets, Changes& out) {
  for (const char* side : {"opened", "closed"})
    for (const Json& s : sockets[side])
      out.insert(std::string(side[0] == 'o' ? "+" : "-") + socket_name(s) + " " +
                 s["state"].get<std::string>() + " pid" + owner(s));
  for (const Json& c : sockets["changed"]) out.insert(socket_changes(c));
}

void add_counters(const std::string& prefix, const Json& counters, Changes& out) {
  for (const Json& c : counters) {
    std::string text = prefix + c["name"].get<std::string>();
    if (c["change"] == "increased")
      text += " +" + c["delta"].dump();
    else
      text +=
          " " + c["change"].get<std::string>() + " " + c["before"].dump() + ">" + c["after"].dump();
    out.insert(text);
  }
}

// Every change the JSON report lists, one short line each, so that a test can state them all.
Changes changes_in(const Json& d) {
  Changes out;
  add_sockets(d["sockets"], out);
  for (const char* family : {"ipv4", "ipv6"}) {
    const Json& routes = d["routes"][family];
    for (const Json& r : routes["added"]) out.insert("+route " + r.dump());
    for (const Json& r : routes["removed"]) out.insert("-route " + r.dump());
    for (const Json& r : routes["changed"]) out.insert("~route " + r.dump());
  }
  const Json& interfaces = d["interfaces"];
  for (const Json& i : interfaces["added"]) out.insert("+if " + i.dump());
  for (const Json& i : interfaces["removed"]) out.insert("-if " + i.dump());
  for (const Json& i : interfaces["changed"]) {
    std::string name = i["name"].get<std::string>();
    add_counters("~" + name + " ", i["counters"], out);
    if (!i["flags"].is_null() || !i["mtu"].is_null() || !i["addresses_added"].empty() ||
        !i["addresses_removed"].empty())
      out.insert("~if " + i.dump());
  }
  for (const Json& g : d["multicast"]["joined"])
    out.insert("+group " + g["device"].get<std::string>() + " " + g["group"].get<std::string>());
  for (const Json& g : d["multicast"]["left"])
    out.insert("-group " + g["device"].get<std::string>() + " " + g["group"].get<std::string>());
  for (const Json& g : d["multicast"]["changed"]) out.insert("~group " + g.dump());
  for (const char* side : {"appeared", "gone"})
    for (const Json& f : d["nat"][side])
      out.insert(std::string(side[0] == 'a' ? "+" : "-") + "nat " +
                 f["protocol"].get<std::string>() + " " +
                 f["original"]["source"].get<std::string>() + ":" +
                 f["original"]["source_port"].dump() + ">" +
                 f["original"]["destination"].get<std::string>() + ":" +
                 f["original"]["destination_port"].dump());
  for (const Json& f : d["nat"]["changed"]) out.insert("~nat " + f.dump());
  add_counters("~", d["statistics"], out);
  return out;
}

const std::string kRoute =
    "+route {\"destination\":\"10.8.0.0\",\"flags\":3,\"gateway\":\"10.0.0.1\",\"interface\":"
    "\"eth0\",\"irtt\":0,\"mask\":\"255.255.0.0\",\"metric\":0,\"mtu\":0,\"window\":0}";
const std::string kNat = "+nat tcp 203.0.113.7:55000>10.0.0.2:443";
const std::string kGroup = "+group eth0 239.1.1.1";
const std::string kSshSession = "tcp 10.0.0.2:22>10.0.0.5:51000";
const std::string kAppClient = "tcp 10.0.0.2:8080>10.0.0.9:40000";

// eth0's counter deltas and the statistics that follow them (rx packets drive Ip InReceives,
// InDelivers and Tcp InSegs; tx packets Ip OutRequests and Tcp OutSegs).
Changes traffic(int rx_bytes, int rx_packets, int tx_bytes, int tx_packets) {
  auto plus = [](int n) { return " +" + std::to_string(n); };
  return {"~eth0 rx_bytes" + plus(rx_bytes),  "~eth0 rx_packets" + plus(rx_packets),
          "~eth0 tx_bytes" + plus(tx_bytes),  "~eth0 tx_packets" + plus(tx_packets),
          "~IpInReceives" + plus(rx_packets), "~IpInDelivers" + plus(rx_packets),
          "~TcpInSegs" + plus(rx_packets),    "~IpOutRequests" + plus(tx_packets),
          "~TcpOutSegs" + plus(tx_packets)};
}

Changes join(std::initializer_list<Changes> parts) {
  Changes all;
  for (const Changes& p : parts) all.insert(p.begin(), p.end());
  return all;
}

// What changed between steps `from` and `to`, worked out by hand from the README's table.
Changes expected(int from, int to) {
  const Changes deploy = {
      "+tcp 0.0.0.0:8080>0.0.0.0:0 LISTEN pid700", "+unix /run/app.sock#2010 LISTENING pid700",
      "-unix /run/app.sock#1010 LISTENING pid600", kRoute, "~TcpActiveOpens +3"};
  const Changes traffic_starts = {"-udp 127.0.0.1:8125>0.0.0.0:0 CLOSE pid500", kGroup, kNat};
  if (from == 0 && to == 1)
    return join(
        {deploy,
         traffic(150000, 1000, 90000, 800),
         {"~" + kSshSession + " ESTABLISHED>CLOSE_WAIT rx0>120 tx0>0", "~TcpPassiveOpens +5"}});
  if (from == 0 && to == 2)
    return join({deploy,
                 traffic_starts,
                 traffic(400000, 2500, 200000, 1600),
                 {"-" + kSshSession + " ESTABLISHED pid101",
                  "+" + kAppClient + " ESTABLISHED pid700", "~TcpPassiveOpens +6"}});
  if (from == 0 && to == 3)
    return join({deploy,
                 traffic_starts,
                 traffic(400600, 2505, 200300, 1603),
                 {"-" + kSshSession + " ESTABLISHED pid101", "+" + kAppClient + " TIME_WAIT pid-",
                  "~TcpPassiveOpens +6", "~TcpCurrEstab gauge 1>0"}});
  if (from == 1 && to == 2)
    return join({traffic_starts,
                 traffic(250000, 1500, 110000, 800),
                 {"-" + kSshSession + " CLOSE_WAIT pid101",
                  "+" + kAppClient + " ESTABLISHED pid700", "~TcpPassiveOpens +1"}});
  if (from == 1 && to == 3)
    return join({traffic_starts,
                 traffic(250600, 1505, 110300, 803),
                 {"-" + kSshSession + " CLOSE_WAIT pid101", "+" + kAppClient + " TIME_WAIT pid-",
                  "~TcpPassiveOpens +1", "~TcpCurrEstab gauge 1>0"}});
  if (from == 2 && to == 3)
    return join({traffic(600, 5, 300, 3),
                 {"~" + kAppClient + " ESTABLISHED>TIME_WAIT rx0>0 tx512>0 pid700>-",
                  "~TcpCurrEstab gauge 1>0"}});
  return {};
}

class DiffCliTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new TempDir;
    file_ = tmp_->path("deploy.nsnap");
    for (int step = 0; step < 4; ++step) {
      auto r = run_netsnap({"record", "-q", "--root", kSequence + "/step-" + std::to_string(step),
                            "--count", "1", "--append", "-o", file_});
      ASSERT_EQ(r.exit_status, 0) << r.err;
    }
  }
  static void TearDownTestSuite() { delete tmp_; }
  static TempDir* tmp_;
  static std::string file_;
};
TempDir* DiffCliTest::tmp_ = nullptr;
std::string DiffCliTest::file_;

TEST_F(DiffCliTest, EveryPairOfFramesReportsExactlyItsChanges) {
  for (int from = 0; from < 4; ++from) {
    for (int to = from + 1; to < 4; ++to) {
      SCOPED_TRACE("--from " + std::to_string(from) + " --to " + std::to_string(to));
      auto r = run_netsnap(
          {"diff", file_, "--from", std::to_string(from), "--to", std::to_string(to), "--json"});
      EXPECT_EQ(r.exit_status, 1) << r.err;
      Json d = Json::parse(r.out);  // throws, failing the test, unless a JSON parser accepts it
      EXPECT_TRUE(d["differs"].get<bool>());
      Changes got = changes_in(d);
      Changes want = expected(from, to);
      for (const std::string& c : want) EXPECT_TRUE(got.count(c)) << "missing: " << c;
      for (const std::string& c : got) EXPECT_TRUE(want.count(c)) << "unexpected: " << c;
    }
  }
}

TEST_F(DiffCliTest, TheTextReportGroupsTheSameChanges) {
  auto r = run_netsnap({"diff", file_, "--from", "1", "--to", "3"});
  EXPECT_EQ(r.exit_status, 1) << r.err;
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << "colour when stdout is not a terminal";
  for (const char* line :
       {"Sockets: 1 opened, 2 closed, 0 changed\n",
        "+ tcp     10.0.0.2:8080           10.0.0.9:40000          TIME_WAIT  -\n",
        "- udp     127.0.0.1:8125          0.0.0.0:*               CLOSE  500/statsd\n",
        "Multicast: 1 joined, 0 left, 0 changed\n", "+ eth0 239.1.1.1 users 1\n",
        "NAT flows: 1 appeared, 0 gone, 0 changed\n", "~ TcpCurrEstab 1 -> 0\n"})
    EXPECT_NE(r.out.find(line), std::string::npos) << line << " not in:\n" << r.out;
  EXPECT_EQ(r.out.find("Routes"), std::string::npos) << "no route changed after frame 1";
  auto coloured = run_netsnap({"diff", file_, "--color", "always"});
  EXPECT_NE(coloured.out.find("\x1b[32m+ "), std::string::npos) << coloured.out;
}

TEST_F(DiffCliTest, AFrameAgainstItselfDiffersInNothing) {
  auto r = run_netsnap({"diff", file_, "--from", "2", "--to", "2"});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("no differences"), std::string::npos) << r.out;
  auto json = run_netsnap({"diff", file_, "--from", "-1", "--to", "-1", "--json"});
  EXPECT_EQ(json.exit_status, 0);
  EXPECT_FALSE(Json::parse(json.out)["differs"].get<bool>());
}

TEST_F(DiffCliTest, TwoFilesCompareTheirChosenMoments) {
  std::string other = tmp_->path("before.nsnap");
  ASSERT_EQ(
      run_netsnap({"record", "-q", "--root", kSequence + "/step-0", "--count", "1", "-o", other})
          .exit_status,
      0);
  // before.nsnap's only frame against deploy.nsnap's frame 1: the deploy.
  auto r = run_netsnap({"diff", other, file_, "--to", "1", "--json"});
  EXPECT_EQ(r.exit_status, 1) << r.err;
  EXPECT_EQ(changes_in(Json::parse(r.out)).count(kRoute), 1u) << r.out;
  auto same = run_netsnap({"diff", other, file_, "--to", "0"});
  EXPECT_EQ(same.exit_status, 0) << same.out;
}

TEST_F(DiffCliTest, AFilterNarrowsTheReportToMatchingSockets) {
  auto r = run_netsnap(
      {"diff", file_, "--from", "0", "--to", "3", "--filter", "sport = :8080", "--json"});
  EXPECT_EQ(r.exit_status, 1) << r.err;
  Changes got = changes_in(Json::parse(r.out));
  EXPECT_EQ(got, (Changes{"+tcp 0.0.0.0:8080>0.0.0.0:0 LISTEN pid700",
                          "+" + kAppClient + " TIME_WAIT pid-"}));
}

TEST_F(DiffCliTest, TroubleIsExitStatusTwo) {
  auto missing = run_netsnap({"diff", tmp_->path("nope.nsnap")});
  EXPECT_EQ(missing.exit_status, 2);
  EXPECT_NE(missing.err.find("nope.nsnap"), std::string::npos) << missing.err;
  auto bad_filter = run_netsnap({"diff", file_, "--filter", "dport = :http"});
  EXPECT_EQ(bad_filter.exit_status, 2);
  auto three = run_netsnap({"diff", file_, file_, file_});
  EXPECT_EQ(three.exit_status, 2);
}

}  // namespace
}  // namespace netsnap::cli
