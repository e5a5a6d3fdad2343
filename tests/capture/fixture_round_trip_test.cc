// Every checked-in fixture root: capture -> timeline -> read back gives the same snapshot, and
// every data class the fixture holds reaches the snapshot.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "netsnap/capture/snapshot_source.h"
#include "netsnap/timeline/timeline.h"
#include "test_support/fixture_roots.h"
#include "test_support/temp_dir.h"

namespace netsnap::capture {
namespace {

namespace fs = std::filesystem;

// A /proc/net file with at least one line beyond its header.
bool has_data(const fs::path& file, int header_lines = 1) {
  std::string text = netsnap::testing::read_file(file.string());
  return std::count(text.begin(), text.end(), '\n') > header_lines;
}

void expect_classes_present(const fs::path& root, const model::Snapshot& s) {
  auto net = root / "proc/net";
  if (has_data(net / "tcp") || has_data(net / "tcp6") || has_data(net / "udp")) {
    EXPECT_FALSE(s.inet_sockets.empty());
  }
  if (has_data(net / "unix")) {
    EXPECT_FALSE(s.unix_sockets.empty());
  }
  if (has_data(net / "route")) {
    EXPECT_FALSE(s.routes4.empty());
  }
  if (has_data(net / "rt_cache")) {
    EXPECT_FALSE(s.route_cache.empty());
  }
  if (fs::exists(net / "route")) {
    EXPECT_TRUE(s.routes4_header.has_value());
  }
  if (has_data(net / "ipv6_route", 0)) {
    EXPECT_FALSE(s.routes6.empty());
  }
  if (has_data(net / "dev", 2)) {
    EXPECT_FALSE(s.interfaces.empty());
  }
  if (has_data(net / "igmp") || has_data(net / "igmp6", 0)) {
    EXPECT_FALSE(s.multicast.empty());
  }
  if (has_data(net / "snmp")) {
    EXPECT_FALSE(s.statistics.empty());
  }
  if (has_data(net / "nf_conntrack", 0)) {
    EXPECT_FALSE(s.conntrack.empty());
  }
}

TEST(FixtureRoundTripTest, EveryFixtureSurvivesRecordAndReadBack) {
  auto roots = netsnap::testing::fixture_roots();
  ASSERT_GE(roots.size(), 5u);
  netsnap::testing::TempDir tmp;
  for (const auto& root : roots) {
    SCOPED_TRACE(root.string());
    model::Snapshot captured = make_fixture_source(root.string())->capture();
    expect_classes_present(root.string(), captured);
    std::string file = tmp.path("frame.nsnap");
    {
      timeline::TimelineWriter writer(file, timeline::TimelineWriter::Mode::kReplace);
      writer.write_frame(captured);
    }
    timeline::TimelineReader reader(file);
    ASSERT_EQ(reader.frames().size(), 1u);
    EXPECT_TRUE(reader.read_frame(0) == captured);
  }
}

// An empty route file ("") and a header that was never read (nullopt) replay differently, so
// the two must survive the timeline file.
TEST(FixtureRoundTripTest, EmptyRouteFilesKeepTheirEmptyHeader) {
  netsnap::testing::TempDir tmp;
  fs::path root = tmp.path("root");
  fs::create_directories(root / "proc/net");
  for (const char* name : {"route", "rt_cache"}) std::ofstream(root / "proc/net" / name);
  model::Snapshot captured = make_fixture_source(root.string())->capture();
  EXPECT_EQ(captured.routes4_header, std::optional<std::string>(""));
  EXPECT_EQ(captured.route_cache_header, std::optional<std::string>(""));
  captured.route_cache_header.reset();
  std::string file = tmp.path("empty.nsnap");
  {
    timeline::TimelineWriter writer(file, timeline::TimelineWriter::Mode::kCreate);
    writer.write_frame(captured);
  }
  model::Snapshot read = timeline::TimelineReader(file).read_frame(0);
  EXPECT_EQ(read.routes4_header, std::optional<std::string>(""));
  EXPECT_FALSE(read.route_cache_header.has_value());
}

void write_file(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

// sysfs flags lack IFF_RUNNING; the snapshot keeps the flags SIOCGIFFLAGS would give.
TEST(FixtureRoundTripTest, InterfaceFlagsGainRunningWhenOperationallyUp) {
  netsnap::testing::TempDir tmp;
  fs::path net = fs::path(tmp.path("root")) / "sys/class/net";
  write_file(net / "lo/flags", "0x9\n");
  write_file(net / "lo/type", "772\n");
  write_file(net / "eth0/flags", "0x1003\n");
  write_file(net / "eth0/operstate", "up\n");
  write_file(net / "eth1/flags", "0x1043\n");
  write_file(net / "eth1/operstate", "down\n");
  write_file(net / "eth2/flags", "0x1002\n");
  write_file(net / "eth2/operstate", "unknown\n");
  write_file(net / "eth3/flags", "0x1003\n");
  fs::create_directories(fs::path(tmp.path("root")) / "proc");
  model::Snapshot s = make_fixture_source(tmp.path("root"))->capture();
  std::map<std::string, uint32_t> flags;
  for (const auto& i : s.interfaces) flags[i.name] = i.flags.value_or(0xdead);
  EXPECT_EQ(flags["lo"], 0x49u);  // loopback: always operationally up
  EXPECT_EQ(flags["eth0"], 0x1043u);
  EXPECT_EQ(flags["eth1"], 0x1003u);
  EXPECT_EQ(flags["eth2"], 0x1002u);  // down: never RUNNING
  EXPECT_EQ(flags["eth3"], 0x1003u);  // nothing says it is running
}

TEST(FixtureRoundTripTest, MalformedFixtureWarnsWithFileAndLine) {
  std::string root = std::string(NETSNAP_SOURCE_DIR) + "/fixtures/malformed";
  if (!fs::exists(root)) GTEST_SKIP() << "fixtures/malformed is missing";
  model::Snapshot s = make_fixture_source(root)->capture();
  ASSERT_FALSE(s.warnings.empty());
  for (const auto& w : s.warnings) {
    EXPECT_FALSE(w.path.empty());
    if (w.kind == model::WarningKind::kMalformedLine) {
      EXPECT_GT(w.line, 0u) << w.message;
    }
  }
  EXPECT_FALSE(s.inet_sockets.empty());  // the good lines around the bad ones are kept
}

}  // namespace
}  // namespace netsnap::capture
