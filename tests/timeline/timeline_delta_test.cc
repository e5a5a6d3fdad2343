// Version-2 timelines of keyframes and deltas: every frame reads back exactly, in any order; a
// damaged frame loses itself and the deltas after it up to the next keyframe, and says so; appends
// continue the chain; version-1 files are continued as version 1.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "netsnap/timeline/timeline.h"
#include "test_support/sample_snapshot.h"
#include "test_support/temp_dir.h"

namespace netsnap::timeline {
namespace {

using netsnap::testing::read_file;
using netsnap::testing::TempDir;
using netsnap::testing::write_file;

// Frame k of a host whose sockets, counters and timers move a little every frame.
model::Snapshot evolving(int k) {
  model::Snapshot s = netsnap::testing::sample_snapshot(k % 3);
  s.host.capture_time_ns = 1'795'219'200'000'000'000 + int64_t{k} * 1'000'000'000;
  s.host.monotonic_time_ns = 5'000'000'000'000 + int64_t{k} * 1'000'000'000;
  for (auto& socket : s.inet_sockets) {
    socket.inode += static_cast<uint64_t>(k % 5);
    if (socket.timer_kind != 0) socket.timer_expires_ticks = 30000 - uint64_t(k) * 100;
  }
  for (auto& section : s.statistics)
    for (auto& counter : section.counters) counter.value += static_cast<uint64_t>(k) * 7;
  return s;
}

void write(const std::string& path, int first, int count, TimelineWriter::Mode mode,
           uint32_t interval) {
  TimelineWriter writer(path, mode, {.keyframe_interval = interval});
  for (int k = first; k < first + count; ++k) writer.write_frame(evolving(k));
}

std::vector<RecordType> types(const TimelineReader& reader) {
  std::vector<RecordType> out;
  for (const auto& f : reader.frames()) out.push_back(f.type);
  return out;
}

constexpr auto K = RecordType::kKeyframe;
constexpr auto D = RecordType::kDelta;

TEST(TimelineDeltaTest, EveryFrameReadsBackExactlyInOrderAndOutOfOrder) {
  TempDir tmp;
  std::string path = tmp.path("t.nsnap");
  constexpr int kFrames = 300;
  write(path, 0, kFrames, TimelineWriter::Mode::kCreate, kDefaultKeyframeInterval);
  TimelineReader reader(path);
  ASSERT_EQ(reader.frames().size(), size_t{kFrames});
  EXPECT_EQ(reader.format_version(), kFormatVersion);
  for (int k = 0; k < kFrames; ++k) {
    bool keyframe = k % (kDefaultKeyframeInterval + 1) == 0;
    EXPECT_EQ(reader.frames()[k].type, keyframe ? K : D) << k;
    EXPECT_TRUE(reader.read_frame(k) == evolving(k)) << "in order, frame " << k;
  }
  std::mt19937 rng(7);
  for (int n = 0; n < 40; ++n) {
    int k = static_cast<int>(rng() % kFrames);
    EXPECT_TRUE(reader.read_frame(k) == evolving(k)) << "out of order, frame " << k;
  }
  EXPECT_EQ(reader.read_frame_stats(kFrames - 1), frame_stats_of(evolving(kFrames - 1)));
}

TEST(TimelineDeltaTest, ADamagedFrameLosesItselfAndTheDeltasAfterItUpToTheNextKeyframe) {
  TempDir tmp;
  std::string path = tmp.path("t.nsnap");
  write(path, 0, 11, TimelineWriter::Mode::kCreate, 3);  // K D D D K D D D K D D
  std::string bytes = read_file(path);
  TimelineReader whole(path);
  ASSERT_EQ(types(whole), (std::vector<RecordType>{K, D, D, D, K, D, D, D, K, D, D}));
  bytes[whole.frames()[5].offset + kRecordHeaderSize + 3] ^= 0x20;  // frame 5's payload
  write_file(tmp.path("flip.nsnap"), bytes);

  TimelineReader reader(tmp.path("flip.nsnap"));
  ASSERT_EQ(reader.frames().size(), 11u);
  for (int k : {0, 1, 2, 3, 4, 8, 9, 10}) EXPECT_TRUE(reader.read_frame(k) == evolving(k)) << k;
  EXPECT_THROW(reader.read_frame(5), TimelineError);
  for (int k : {6, 7}) {
    try {
      reader.read_frame(k);
      ADD_FAILURE() << "frame " << k << " read";
    } catch (const TimelineError& e) {
      EXPECT_NE(std::string(e.what()).find("frame " + std::to_string(k) +
                                           " is lost: it is stored as changes against frame 5, "
                                           "which is damaged"),
                std::string::npos)
          << e.what();
    }
  }
  // What ls shows of a frame is in its own record: a lost base does not hide it.
  EXPECT_EQ(reader.read_frame_stats(6), frame_stats_of(evolving(6)));
}

TEST(TimelineDeltaTest, AMissingFrameIsNamedByTheDeltasThatNeedIt) {
  TempDir tmp;
  std::string path = tmp.path("t.nsnap");
  write(path, 0, 6, TimelineWriter::Mode::kCreate, 10);
  std::string bytes = read_file(path);
  TimelineReader whole(path);
  uint64_t from = whole.frames()[2].offset, to = whole.frames()[3].offset;
  write_file(tmp.path("cut.nsnap"), bytes.substr(0, from) + bytes.substr(to));  // frame 2 deleted

  TimelineReader reader(tmp.path("cut.nsnap"));
  ASSERT_EQ(reader.frames().size(), 5u);  // 0 1 3 4 5
  EXPECT_TRUE(reader.read_frame(1) == evolving(1));
  EXPECT_FALSE(reader.chain_start(2).has_value());
  try {
    reader.read_frame(4);  // frame 5
    ADD_FAILURE() << "frame 5 read without frame 2";
  } catch (const TimelineError& e) {
    EXPECT_NE(std::string(e.what()).find("frame 5 is lost: it is stored as changes against frame "
                                         "2, which is missing or damaged"),
              std::string::npos)
        << e.what();
  }
}

TEST(TimelineDeltaTest, AppendContinuesTheChainAndStartsAfreshAfterADamagedLastFrame) {
  TempDir tmp;
  std::string path = tmp.path("t.nsnap");
  write(path, 0, 2, TimelineWriter::Mode::kCreate, 3);
  write(path, 2, 3, TimelineWriter::Mode::kAppend, 3);  // one run a frame, as cron makes them
  {
    TimelineReader reader(path);
    EXPECT_EQ(types(reader), (std::vector<RecordType>{K, D, D, D, K}));
    for (int k = 0; k < 5; ++k) EXPECT_TRUE(reader.read_frame(k) == evolving(k)) << k;
  }
  // Damage the last frame (a delta after the keyframe 4): the next run cannot build on it.
  write(path, 5, 1, TimelineWriter::Mode::kAppend, 3);
  std::string bytes = read_file(path);
  uint64_t last = TimelineReader(path).frames().back().offset;
  bytes[last + kRecordHeaderSize + 2] ^= 0x01;
  write_file(path, bytes);
  write(path, 6, 2, TimelineWriter::Mode::kAppend, 3);
  TimelineReader reader(path);
  EXPECT_EQ(types(reader), (std::vector<RecordType>{K, D, D, D, K, D, K, D}));
  EXPECT_THROW(reader.read_frame(5), TimelineError);
  for (int k : {0, 4, 6, 7}) EXPECT_TRUE(reader.read_frame(k) == evolving(k)) << k;
}

TEST(TimelineDeltaTest, AVersion1TimelineIsContinuedWithVersion1Keyframes) {
  TempDir tmp;
  std::string path = tmp.path("v1.nsnap");
  std::filesystem::copy_file(std::string(NETSNAP_SOURCE_DIR) + "/tests/data/minimal-v1.nsnap",
                             path);
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  write(path, 0, 2, TimelineWriter::Mode::kAppend, kDefaultKeyframeInterval);
  TimelineReader reader(path);
  EXPECT_EQ(reader.format_version(), 1u);
  ASSERT_EQ(reader.frames().size(), 4u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(reader.frames()[i].type, K);
    EXPECT_EQ(reader.read_header(i).codec, PayloadCodec::kZstdCapnp);
  }
  EXPECT_EQ(reader.read_frame(0).host.hostname, "minimal");
  EXPECT_TRUE(reader.read_frame(3) == evolving(1));
}

TEST(TimelineDeltaTest, AChainLongerThanTheLimitIsRefused) {
  TempDir tmp(netsnap::testing::fast_temp_base());
  std::string path = tmp.path("t.nsnap");
  write(path, 0, static_cast<int>(kMaxDeltaChain) + 2, TimelineWriter::Mode::kCreate,
        static_cast<uint32_t>(kMaxDeltaChain) + 5);
  TimelineReader reader(path);
  EXPECT_TRUE(reader.read_frame(kMaxDeltaChain) == evolving(static_cast<int>(kMaxDeltaChain)));
  try {
    TimelineReader fresh(path);
    fresh.read_frame(kMaxDeltaChain + 1);
    ADD_FAILURE() << "a chain of " << kMaxDeltaChain + 1 << " deltas was read";
  } catch (const TimelineError& e) {
    EXPECT_NE(std::string(e.what()).find("the limit is 1024"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace netsnap::timeline
