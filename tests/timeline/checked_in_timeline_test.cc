// tests/data/minimal-v1.nsnap was written by netsnap 0.1.0 (format version 1) from
// fixtures/minimal; tests/data/churn-v2.nsnap by the netsnap of 2026-12-08 before version 3 (the
// first 6 frames of tools/bench/storage.sh's churn scenario: 4,000 loopback TCP sockets, 5% of
// the connections replaced a frame), with churn-v2.frame5.ss.txt from `ss -tan` at frame 5's
// moment. Every later netsnap must keep reading them: never regenerate them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "netsnap/timeline/timeline.h"
#include "test_support/temp_dir.h"

namespace netsnap::timeline {
namespace {

TEST(CheckedInTimelineTest, Version1FileStaysReadable) {
  TimelineReader reader(std::string(NETSNAP_SOURCE_DIR) + "/tests/data/minimal-v1.nsnap");
  EXPECT_TRUE(reader.used_index());
  EXPECT_TRUE(reader.recovery_notes().empty());
  ASSERT_EQ(reader.frames().size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    model::Snapshot s = reader.read_frame(i);
    EXPECT_EQ(s.host.hostname, "minimal");
    EXPECT_EQ(s.host.origin, model::Origin::kFixture);
    EXPECT_EQ(s.host.netsnap_version, "0.1.0");
    ASSERT_EQ(s.inet_sockets.size(), 2u);
    const auto& established = s.inet_sockets[1];
    EXPECT_EQ(established.local_address.to_string(), "192.168.1.10");
    EXPECT_EQ(established.remote_address.to_string(), "192.168.1.20");
    EXPECT_EQ(established.remote_port, 51234);
    EXPECT_EQ(established.state, 1);
    EXPECT_EQ(established.tx_queue, 36u);
    EXPECT_EQ(established.inode, 12346u);
    EXPECT_EQ(established.slow_start_threshold, -1);
    EXPECT_EQ(s.find_source("proc/net/tcp6")->state, model::SourceState::kAbsent);
  }
}

std::string state_name(uint8_t state) {
  switch (state) {
    case 1:
      return "ESTAB";
    case 10:
      return "LISTEN";
    default:
      return "state" + std::to_string(state);
  }
}

// Version 2 stored a delta's list edits as one column of words; version 3 reads them so.
TEST(CheckedInTimelineTest, Version2DeltasStayReadable) {
  std::string data = std::string(NETSNAP_SOURCE_DIR) + "/tests/data/churn-v2";
  TimelineReader reader(data + ".nsnap");
  EXPECT_EQ(reader.format_version(), 2u);
  EXPECT_TRUE(reader.recovery_notes().empty());
  ASSERT_EQ(reader.frames().size(), 6u);
  for (size_t i = 0; i < 6; ++i) {
    EXPECT_EQ(reader.frames()[i].type, i == 0 ? RecordType::kKeyframe : RecordType::kDelta);
    model::Snapshot s = reader.read_frame(i);
    // The counts each record carries ahead of its columns were taken from the snapshot written.
    EXPECT_TRUE(reader.read_frame_stats(i) == frame_stats_of(s)) << "frame " << i;
    EXPECT_EQ(s.inet_sockets.size(), 4001u);
  }
  std::multiset<std::tuple<std::string, int, int>> expected, decoded;
  std::ifstream ss(data + ".frame5.ss.txt");
  std::string line;
  while (std::getline(ss, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string state;
    int local = 0, peer = 0;
    fields >> state >> local >> peer;
    expected.insert({state, local, peer});
  }
  for (const auto& socket : reader.read_frame(5).inet_sockets)
    decoded.insert({state_name(socket.state), socket.local_port, socket.remote_port});
  EXPECT_EQ(expected.size(), 4001u);
  EXPECT_TRUE(decoded == expected) << "frame 5's sockets differ from what ss saw";
}

// Appending to a version-2 file writes version-2 deltas, which read back.
TEST(CheckedInTimelineTest, Version2FileIsContinuedAsVersion2) {
  netsnap::testing::TempDir tmp;
  std::string path = tmp.path("churn.nsnap");
  std::filesystem::copy_file(std::string(NETSNAP_SOURCE_DIR) + "/tests/data/churn-v2.nsnap", path);
  model::Snapshot next = TimelineReader(path).read_frame(5);
  next.host.capture_time_ns += 1'000'000'000;
  next.inet_sockets.erase(next.inet_sockets.begin() + 100, next.inet_sockets.begin() + 110);
  next.inet_sockets[7].tx_queue = 99;
  {
    TimelineWriter writer(path, TimelineWriter::Mode::kAppend);
    writer.write_frame(next);
  }
  TimelineReader reader(path);
  EXPECT_EQ(reader.format_version(), 2u);
  ASSERT_EQ(reader.frames().size(), 7u);
  EXPECT_EQ(reader.frames()[6].type, RecordType::kDelta);
  EXPECT_TRUE(reader.read_frame(6) == next);
}

}  // namespace
}  // namespace netsnap::timeline
