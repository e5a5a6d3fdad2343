// A timeline from a stranger whose names carry terminal escapes or lead out of a directory: every
// command prints them with control characters as '?' (terminal and CSV), and materialize refuses
// the ones that cannot be file names, writing nothing anywhere.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "netsnap/timeline/timeline.h"
#include "test_support/model_builders.h"
#include "test_support/run_command.h"
#include "test_support/temp_dir.h"

namespace netsnap::cli {
namespace {

namespace fs = std::filesystem;
using netsnap::testing::CommandResult;
using netsnap::testing::run_netsnap;
using netsnap::testing::TempDir;

// Each kind of name, with escapes that would recolour, clear or retitle a terminal.
constexpr char kHost[] = "evil\x1b]0;owned\x07host";
constexpr char kInterface[] = "e\x1b[31mth0";
constexpr char kRouteDevice[] = "r\x1b[1m0";
constexpr char kUnixPath[] = "/run/\x1b[2Jclear.sock";
constexpr char kPeerName[] = "peer\x1b[0m";
constexpr char kUser[] = "us\x1b[5mer";

std::string shown(std::string text) {
  for (char& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  return text;
}

model::Snapshot hostile_snapshot(int frame) {
  model::Snapshot s;
  s.host.capture_time_ns = 1795219200LL * 1'000'000'000 + frame * 1'000'000'000LL;
  s.host.hostname = kHost;
  model::Interface i;
  i.name = kInterface;
  i.mtu = 1500;
  i.flags = 0x1043;  // UP BROADCAST RUNNING MULTICAST
  i.counters = model::InterfaceCounters{};
  i.counters->rx_packets = 10 + static_cast<uint64_t>(frame);
  s.interfaces.push_back(i);
  model::Route4 r;
  r.interface_name = kRouteDevice;
  r.destination = netsnap::testing::ip("10.1.0.0");
  r.gateway = netsnap::testing::ip("0.0.0.0");
  r.mask = netsnap::testing::ip("255.255.0.0");
  r.flags = 0x1;  // RTF_UP
  s.routes4.push_back(r);
  s.routes4_header =
      "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT";
  model::InetSocket t = netsnap::testing::tcp("10.0.0.1", 22, "10.0.0.5", 51000, 1, 100 + frame);
  t.uid = 1000;
  s.inet_sockets.push_back(t);
  s.names.hosts4.push_back({netsnap::testing::ip("10.0.0.5"), kPeerName});
  s.names.users.push_back({1000, kUser});
  model::UnixSocket u;
  u.ref_count = 2;
  u.type = 1;
  u.state = 3;
  u.inode = 500 + static_cast<uint64_t>(frame);
  u.path = kUnixPath;
  s.unix_sockets.push_back(u);
  s.unix_has_inode_column = true;
  for (const char* file : {"proc/net/tcp", "proc/net/unix", "proc/net/route", "proc/net/dev"})
    s.sources.push_back({file, model::SourceState::kPresent, 0});
  return s;
}

class HostileNamesCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    timeline::TimelineWriter writer(file_, timeline::TimelineWriter::Mode::kCreate);
    writer.write_frame(hostile_snapshot(0));
    writer.write_frame(hostile_snapshot(1));
    writer.close();
  }

  // Runs netsnap; neither stream may hold a control character but newline.
  CommandResult run(std::vector<std::string> args) {
    CommandResult r = run_netsnap(args);
    for (const std::string* stream : {&r.out, &r.err}) {
      for (char c : *stream) {
        if (c != '\n') {
          EXPECT_FALSE(static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
              << args[0] << ": raw control character " << int(c) << " in\n"
              << shown(*stream);
        }
      }
    }
    return r;
  }

  TempDir tmp_;
  std::string file_ = tmp_.path("hostile.nsnap");
};

TEST_F(HostileNamesCliTest, LsShowsTheHostName) {
  CommandResult r = run({"ls", file_});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find(shown(kHost)), std::string::npos) << r.out;
}

TEST_F(HostileNamesCliTest, ShowPrintsNamesWithControlsAsQuestionMarks) {
  CommandResult interfaces = run({"show", file_, "-i"});
  EXPECT_EQ(interfaces.exit_status, 0) << interfaces.err;
  EXPECT_NE(interfaces.out.find(shown(kInterface)), std::string::npos) << interfaces.out;
  CommandResult long_interfaces = run({"show", file_, "-ie"});
  EXPECT_NE(long_interfaces.out.find(shown(kInterface) + ": flags"), std::string::npos)
      << long_interfaces.out;
  CommandResult unix_sockets = run({"show", file_, "-xa"});
  EXPECT_NE(unix_sockets.out.find(shown(kUnixPath)), std::string::npos) << unix_sockets.out;
  CommandResult routes = run({"show", file_, "-rn"});
  EXPECT_NE(routes.out.find(shown(kRouteDevice)), std::string::npos) << routes.out;
  CommandResult names = run({"show", file_, "-tae"});
  EXPECT_NE(names.out.find(shown(kPeerName)), std::string::npos) << names.out;
  EXPECT_NE(names.out.find(shown(kUser)), std::string::npos) << names.out;
}

TEST_F(HostileNamesCliTest, DiffAndSummaryReportsPrintThemTheSameWay) {
  CommandResult diff = run({"diff", file_});
  EXPECT_EQ(diff.exit_status, 1) << diff.err;  // the two frames differ
  EXPECT_NE(diff.out.find(shown(kUnixPath)), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find(shown(kInterface)), std::string::npos) << diff.out;
  CommandResult summary = run({"summary", file_});
  EXPECT_EQ(summary.exit_status, 0) << summary.err;
}

TEST_F(HostileNamesCliTest, CsvCellsHoldNoControlCharacters) {
  CommandResult csv = run({"export", file_, "--format", "csv"});
  EXPECT_EQ(csv.exit_status, 0) << csv.err;
  EXPECT_NE(csv.out.find("\"" + shown(kHost) + "\""), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find("\"" + shown(kUnixPath) + "\""), std::string::npos) << csv.out;
}

// An interface named to climb out of the target (as root, materialize once wrote sysfs files
// there): a one-line error naming it, and nothing written, inside or outside.
TEST(MaterializeHostileNamesCliTest, AnInterfaceNameThatLeavesTheTargetIsRefused) {
  TempDir tmp;
  fs::create_directories(tmp.path("deep/a/b/c"));
  std::string file = tmp.path("hostile.nsnap");
  {
    model::Snapshot s = hostile_snapshot(0);
    s.interfaces[0].name = "../../../../x";
    timeline::TimelineWriter writer(file, timeline::TimelineWriter::Mode::kCreate);
    writer.write_frame(s);
  }
  std::string target = tmp.path("deep/a/b/c/root");
  CommandResult r = run_netsnap({"materialize", file, target});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_EQ(r.err, "netsnap: interface name '../../../../x' cannot be a file name: it holds '/'\n");
  EXPECT_FALSE(fs::exists(target));
  EXPECT_FALSE(fs::exists(tmp.path("x")));
  EXPECT_FALSE(fs::exists(tmp.path("deep/x")));
  std::vector<std::string> everything;  // but the timeline
  for (const auto& entry : fs::recursive_directory_iterator(tmp.dir())) {
    std::string name = entry.path().lexically_relative(tmp.dir()).string();
    if (!name.starts_with("hostile.nsnap")) everything.push_back(name);
  }
  std::sort(everything.begin(), everything.end());
  EXPECT_EQ(everything, (std::vector<std::string>{"deep", "deep/a", "deep/a/b", "deep/a/b/c"}));
}

// materialize DIR makes DIR's missing parents, as mkdir -p.
TEST(MaterializeHostileNamesCliTest, MissingParentsOfTheTargetAreMade) {
  TempDir tmp;
  std::string file = tmp.path("plain.nsnap");
  {
    model::Snapshot s = hostile_snapshot(0);
    s.interfaces[0].name = "eth0";
    timeline::TimelineWriter writer(file, timeline::TimelineWriter::Mode::kCreate);
    writer.write_frame(s);
  }
  CommandResult r = run_netsnap({"materialize", file, tmp.path("not/yet/there")});
  EXPECT_EQ(r.exit_status, 0) << r.err;
  EXPECT_TRUE(fs::exists(tmp.path("not/yet/there/sys/class/net/eth0/mtu")));
}

}  // namespace
}  // namespace netsnap::cli
