// Version-3 index records: their columns round-trip, their summaries are checked before they are
// believed, and a reader lists the frames of a long timeline through them, decoding an index
// record only when a frame in its middle is asked for.
#include <gtest/gtest.h>

#include "netsnap/timeline/index_block.h"
#include "netsnap/timeline/timeline.h"
#include "test_support/sample_snapshot.h"
#include "test_support/temp_dir.h"

namespace netsnap::timeline {
namespace {

using netsnap::testing::TempDir;

constexpr auto K = RecordType::kKeyframe;
constexpr auto D = RecordType::kDelta;

std::vector<FrameInfo> entries() {
  // Gaps in frame numbers, a clock that steps back, both kinds, large offsets.
  return {{7, 1'000'000'000'000'000'000, 32, K},
          {8, 1'000'000'001'000'000'000, 4000, D},
          {12, 999'999'000'000'000'000, 70'000, D},
          {13, 999'999'000'000'000'000, uint64_t{1} << 40, K},
          {14, 1'000'000'005'000'000'000, (uint64_t{1} << 40) + 64, D}};
}

TEST(IndexColumnsTest, RoundTripsThroughTheSummary) {
  std::vector<FrameInfo> e = entries();
  std::string bytes = encode_index_columns(e);
  IndexSummary s = decode_index_summary(bytes, e.back().capture_time_ns);
  EXPECT_EQ(s.count, e.size());
  EXPECT_EQ(s.first, e.front());
  EXPECT_EQ(s.last, e.back());
  EXPECT_EQ(decode_index_columns(bytes, s), e);
  // One frame: first and last are the same.
  std::string one = encode_index_columns({e[1]});
  IndexSummary s1 = decode_index_summary(one, e[1].capture_time_ns);
  EXPECT_EQ(decode_index_columns(one, s1), std::vector<FrameInfo>{e[1]});
}

TEST(IndexColumnsTest, ImpossibleSummariesAreRefused) {
  std::vector<FrameInfo> e = entries();
  std::string bytes = encode_index_columns(e);
  int64_t last_time = e.back().capture_time_ns;
  auto with = [&](size_t at, uint64_t value, size_t width) {
    std::string b = bytes;
    for (size_t i = 0; i < width; ++i) b[at + i] = static_cast<char>(value >> (8 * i));
    return b;
  };
  EXPECT_THROW(decode_index_summary(bytes.substr(0, 47), last_time), TimelineError);
  EXPECT_THROW(decode_index_summary(with(0, 0, 4), last_time), TimelineError);     // no frames
  EXPECT_THROW(decode_index_summary(with(0, 1000, 4), last_time), TimelineError);  // no room
  EXPECT_THROW(decode_index_summary(with(4, 4, 4), last_time), TimelineError);     // a flag
  EXPECT_THROW(decode_index_summary(with(16, 6, 8), last_time), TimelineError);    // last < first
  EXPECT_THROW(decode_index_summary(with(16, 9, 8), last_time), TimelineError);    // too close
  EXPECT_THROW(decode_index_summary(with(32, 100, 8), last_time), TimelineError);  // offsets
  // A plausible summary the entries disagree with: found when they are decoded.
  std::string later = with(16, 15, 8);
  IndexSummary s = decode_index_summary(later, last_time);
  EXPECT_THROW(decode_index_columns(later, s), TimelineError);
  // Entries that do not fill the payload exactly.
  std::string longer = bytes + std::string(1, '\0');
  EXPECT_THROW(decode_index_columns(longer, decode_index_summary(longer, last_time)),
               TimelineError);
}

model::Snapshot frame(int k) {
  model::Snapshot s = netsnap::testing::sample_snapshot(k % 3);
  s.host.capture_time_ns = 1'795'219'200'000'000'000 + int64_t{k} * 1'000'000'000;
  return s;
}

TEST(IndexColumnsTest, ReaderListsALongTimelineThroughSummaries) {
  TempDir tmp;
  std::string path = tmp.path("t.nsnap");
  constexpr int kFrames = 700;  // two index records of 256 frames, then 188 known by header
  {
    TimelineWriter writer(path, TimelineWriter::Mode::kCreate);
    for (int k = 0; k < kFrames; ++k) writer.write_frame(frame(k));
  }
  TimelineReader reader(path);
  EXPECT_EQ(reader.format_version(), 3u);
  EXPECT_TRUE(reader.used_index());
  EXPECT_TRUE(reader.recovery_notes().empty());
  const FrameList& frames = reader.frames();
  ASSERT_EQ(frames.size(), size_t{kFrames});
  // Positions by frame number, across blocks and the frames after them, without a full listing.
  EXPECT_EQ(frames.lower_bound(300), 300u);
  EXPECT_EQ(frames.lower_bound(600), 600u);
  EXPECT_EQ(frames.lower_bound(kFrames), size_t{kFrames});
  EXPECT_TRUE(reader.read_frame(300) == frame(300));
  uint64_t previous_offset = 0;
  for (int k = 0; k < kFrames; ++k) {
    const FrameInfo& f = frames[k];
    EXPECT_EQ(f.frame, uint64_t(k));
    EXPECT_EQ(f.capture_time_ns, frame(k).host.capture_time_ns);
    EXPECT_EQ(f.type, k % (kDefaultKeyframeInterval + 1) == 0 ? K : D) << k;
    EXPECT_GT(f.offset, previous_offset);
    previous_offset = f.offset;
  }
  EXPECT_TRUE(reader.read_frame(kFrames - 1) == frame(kFrames - 1));
  // Appending keeps version 3 and its index columns; the frames all still read.
  {
    TimelineWriter writer(path, TimelineWriter::Mode::kAppend);
    for (int k = kFrames; k < kFrames + 100; ++k) writer.write_frame(frame(k));
  }
  TimelineReader again(path);
  EXPECT_EQ(again.format_version(), 3u);
  EXPECT_TRUE(again.used_index());
  ASSERT_EQ(again.frames().size(), size_t{kFrames + 100});
  EXPECT_EQ(again.frames().to_vector().front(), frames.front());
  for (int k : {0, 255, 256, 511, 512, 699, 799}) {
    EXPECT_EQ(again.frames()[k].frame, uint64_t(k));
    EXPECT_TRUE(again.read_frame(k) == frame(k)) << k;
  }
}

}  // namespace
}  // namespace netsnap::timeline
