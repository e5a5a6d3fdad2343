// --frame, --at, --from and --to as a user types them, on every command that reads a timeline.
#include <gtest/gtest.h>

#include "netsnap/timeline/timeline.h"
#include "test_support/run_command.h"
#include "test_support/temp_dir.h"

namespace netsnap::cli {
namespace {

using netsnap::testing::run_netsnap;
using netsnap::testing::TempDir;

constexpr int64_t kSecond = 1'000'000'000;
constexpr int64_t kStart = 1795219200LL * kSecond;  // 2026-11-21T00:00:00Z

// Four frames ten seconds apart, each with its own hostname and listening port (1000 + frame).
class MomentCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Keyframes only, so that a frame lost below costs only itself.
    timeline::TimelineWriter writer(file_, timeline::TimelineWriter::Mode::kCreate,
                                    {.keyframe_interval = 0});
    for (int i = 0; i < 4; ++i) {
      model::Snapshot s;
      s.host.capture_time_ns = kStart + i * 10 * kSecond;
      s.host.hostname = "frame" + std::to_string(i);
      s.sources.push_back({"proc/net/tcp"});
      model::InetSocket listener;
      listener.local_address = model::IpAddress::v4({127, 0, 0, 1});
      listener.local_port = static_cast<uint16_t>(1000 + i);
      listener.remote_address = model::IpAddress::v4({0, 0, 0, 0});
      listener.state = 10;
      s.inet_sockets.push_back(listener);
      writer.write_frame(s);
    }
  }
  TempDir tmp_;
  std::string file_ = tmp_.path("t.nsnap");
};

TEST_F(MomentCliTest, AtSaysWhichFrameItUsedWhenTheTimeDiffers) {
  auto r = run_netsnap({"dump", file_, "--at", "2026-11-21T00:00:15Z"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.out.find("hostname = \"frame1\""), std::string::npos) << r.out;
  EXPECT_EQ(r.err,
            "netsnap: --at 2026-11-21T00:00:15Z: using frame 1 (2026-11-21T00:00:10.000Z), the "
            "latest at or before 2026-11-21T00:00:15.000Z\n");
  auto exact = run_netsnap({"dump", file_, "--at", "+20s"});
  EXPECT_NE(exact.out.find("hostname = \"frame2\""), std::string::npos) << exact.out;
  EXPECT_EQ(exact.err, "");
}

TEST_F(MomentCliTest, ShowMaterializeAndExportTakeTheSameMoments) {
  auto show = run_netsnap({"show", file_, "--at=-10s", "-tln"});
  EXPECT_EQ(show.exit_status, 0) << show.err;
  EXPECT_EQ(show.err, "");
  EXPECT_NE(show.out.find("127.0.0.1:1002"), std::string::npos) << show.out;
  auto cycles = run_netsnap({"show", file_, "--from", "+10s", "--to", "2", "-tlnc"});
  EXPECT_EQ(cycles.out.find(":1000"), std::string::npos) << cycles.out;
  EXPECT_NE(cycles.out.find(":1001"), std::string::npos);
  EXPECT_NE(cycles.out.find(":1002"), std::string::npos);
  EXPECT_EQ(cycles.out.find(":1003"), std::string::npos);
  auto exported = run_netsnap({"export", file_, "--format", "json", "--at", "+5s"});
  ASSERT_EQ(exported.exit_status, 0) << exported.err;
  EXPECT_NE(exported.out.find("\"frame0\""), std::string::npos) << exported.out;
  EXPECT_EQ(exported.out.find("\"frame1\""), std::string::npos);
  auto range = run_netsnap({"export", file_, "--format", "json", "--from", "+10s", "--to", "-1"});
  EXPECT_EQ(range.out.find("\"frame0\""), std::string::npos);
  EXPECT_NE(range.out.find("\"frame3\""), std::string::npos);
  auto ls = run_netsnap({"ls", file_, "--from", "1", "--to", "00:00:20"});
  EXPECT_NE(ls.out.find("frame1"), std::string::npos) << ls.out;
  EXPECT_NE(ls.out.find("frame2"), std::string::npos);
  EXPECT_EQ(ls.out.find("frame3"), std::string::npos);
  TempDir out;
  auto materialize = run_netsnap({"materialize", file_, "--at", "00:00:30", out.path("root")});
  EXPECT_EQ(materialize.exit_status, 0) << materialize.err;
}

TEST_F(MomentCliTest, WrongMomentsAreUsageErrors) {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"dump", file_, "--at", "12"}, "--at: '12' is a frame number, not a time"},
      {{"dump", file_, "--frame", "+5s"}, "--frame: '+5s' is not a frame number (use --at"},
      {{"dump", file_, "--at", "soon"}, "--at: 'soon' is not a time: use 2026-11-21T03:12:05"},
      {{"export", file_, "--format", "csv", "--from", "3", "--to", "1"},
       "--from 3 (frame 3) comes after --to 1 (frame 1)"},
      {{"show", file_, "--frame", "1", "--at", "+1s", "-t"}, "give one of them"},
      {{"show", file_, "--at", "+1", "-t"}, "needs a unit"},
  };
  for (const Case& c : cases) {
    auto r = run_netsnap(c.args);
    EXPECT_EQ(r.exit_status, 2) << c.args[2] << " " << r.err;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
    EXPECT_EQ(r.out, "");
  }
}

TEST_F(MomentCliTest, MomentsOutsideTheTimelineAreErrorsNamingIt) {
  auto before = run_netsnap({"dump", file_, "--at", "-1m"});
  EXPECT_EQ(before.exit_status, 1);
  EXPECT_NE(before.err.find("no frame at or before 2026-11-20T23:59:30.000Z (-1m); the timeline "
                            "runs from 2026-11-21T00:00:00.000Z to 2026-11-21T00:00:30.000Z"),
            std::string::npos)
      << before.err;
  auto past = run_netsnap({"dump", file_, "--frame", "4"});
  EXPECT_EQ(past.exit_status, 1);
  EXPECT_NE(past.err.find("no frame 4 (it has 4 frames: 0..3)"), std::string::npos) << past.err;
}

}  // namespace
}  // namespace netsnap::cli

namespace netsnap::cli {
namespace {

// A timeline whose frame 0 was lost (overwritten, so that a scan finds frames 1..3): the default ranges start at the first frame left, and --frame N names the
// frame ls lists as N.
TEST_F(MomentCliTest, DefaultsAndFrameNumbersSurviveALostFirstFrame) {
  std::string bytes = netsnap::testing::read_file(file_);
  uint64_t second = timeline::TimelineReader(file_).frames()[1].offset;
  std::string damaged = tmp_.path("lost-first.nsnap");
  netsnap::testing::write_file(damaged, bytes.substr(0, timeline::kFileHeaderSize) +
                                            std::string(second - timeline::kFileHeaderSize, 'x') +
                                            bytes.substr(second));
  auto ls = run_netsnap({"ls", damaged});
  EXPECT_EQ(ls.exit_status, 1) << ls.err;  // it needed recovery
  EXPECT_NE(ls.out.find("3 frames"), std::string::npos) << ls.out;
  for (std::vector<std::string> args :
       {std::vector<std::string>{"summary", damaged}, {"export", damaged, "--format", "jsonl"}}) {
    auto r = run_netsnap(args);
    EXPECT_EQ(r.exit_status, 0) << args[0] << ": " << r.err;
  }
  auto two = run_netsnap({"show", damaged, "--frame", "2", "-tln"});
  EXPECT_NE(two.out.find("127.0.0.1:1002"), std::string::npos) << two.out << two.err;
  auto zero = run_netsnap({"show", damaged, "--frame", "0", "-tln"});
  EXPECT_NE(zero.err.find("no frame 0 (it has 3 frames: 1..3)"), std::string::npos) << zero.err;
}

}  // namespace
}  // namespace netsnap::cli
