// Naming moments: every form --frame, --at, --from and --to accept, and how each resolves against
// a timeline's frame index.
#include "netsnap/timeline/moment.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <set>

#include "netsnap/timeline/record_format.h"
#include "test_support/temp_dir.h"

namespace netsnap::timeline {
namespace {

constexpr int64_t kSecond = 1'000'000'000;
constexpr int64_t kStart = 1795219200LL * kSecond;  // 2026-11-21T00:00:00Z

// Zone-less times are local; these tests pin the zone so they mean the same everywhere.
class MomentTest : public ::testing::Test {
 protected:
  void SetUp() override { set_zone("UTC0"); }
  void TearDown() override {
    if (saved_)
      setenv("TZ", saved_->c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
  }
  void set_zone(const char* zone) {
    if (!saved_ && std::getenv("TZ")) saved_ = std::getenv("TZ");
    setenv("TZ", zone, 1);
    tzset();
  }

 private:
  std::optional<std::string> saved_;
};

std::vector<FrameInfo> frames_every(int64_t step, size_t count, int64_t start = kStart) {
  std::vector<FrameInfo> frames;
  for (size_t i = 0; i < count; ++i)
    frames.push_back({i, start + static_cast<int64_t>(i) * step, 0, RecordType::kKeyframe});
  return frames;
}

size_t position_of(const std::vector<FrameInfo>& frames, std::string_view text) {
  return resolve_moment(frames, parse_moment(text), "t.nsnap").position;
}

TEST_F(MomentTest, FrameNumbersCountFromEitherEnd) {
  auto frames = frames_every(kSecond, 5);
  EXPECT_EQ(position_of(frames, "0"), 0u);
  EXPECT_EQ(position_of(frames, "3"), 3u);
  EXPECT_EQ(position_of(frames, "-1"), 4u);
  EXPECT_EQ(position_of(frames, "-5"), 0u);
  EXPECT_THROW(position_of(frames, "5"), TimelineError);
  EXPECT_THROW(position_of(frames, "-6"), TimelineError);
  try {
    position_of(frames, "7");
  } catch (const TimelineError& e) {
    EXPECT_STREQ(e.what(), "t.nsnap: no frame 7 (it has 5 frames: 0..4)");
  }
}

// In a timeline that lost frame 3 to damage, --frame N still names the frame ls lists as N.
TEST_F(MomentTest, FrameNumbersAreTheNumbersOfTheFramesLeft) {
  auto frames = frames_every(kSecond, 6);
  frames.erase(frames.begin() + 3);
  EXPECT_EQ(position_of(frames, "2"), 2u);
  EXPECT_EQ(position_of(frames, "4"), 3u);
  EXPECT_EQ(position_of(frames, "5"), 4u);
  EXPECT_EQ(position_of(frames, "-1"), 4u);
  try {
    position_of(frames, "3");
    ADD_FAILURE() << "frame 3 was lost";
  } catch (const TimelineError& e) {
    EXPECT_STREQ(e.what(),
                 "t.nsnap: no frame 3 (it has 5 frames: 0..5; that one was lost to damage)");
  }
}

TEST_F(MomentTest, IsoDateTimesInEveryZoneForm) {
  EXPECT_EQ(parse_time_moment("2026-11-21T00:00:10Z").ns, kStart + 10 * kSecond);
  EXPECT_EQ(parse_time_moment("2026-11-21 00:00:10").ns, kStart + 10 * kSecond);
  EXPECT_EQ(parse_time_moment("2026-11-21T01:00:10+01:00").ns, kStart + 10 * kSecond);
  EXPECT_EQ(parse_time_moment("2026-11-20T23:00:10-0100").ns, kStart + 10 * kSecond);
  EXPECT_EQ(parse_time_moment("2026-11-21T00:00:10.25Z").ns, kStart + 10 * kSecond + kSecond / 4);
  EXPECT_EQ(parse_time_moment("2026-11-21T00:01").ns, kStart + 60 * kSecond);
  EXPECT_EQ(parse_time_moment("2026-11-21").ns, kStart);
  EXPECT_EQ(parse_time_moment("2026-11-21T00:00:10Z").kind, Moment::Kind::kTime);
}

TEST_F(MomentTest, ZonelessTimesAreLocal) {
  set_zone("CET-1");  // UTC+1, no daylight saving
  EXPECT_EQ(parse_time_moment("2026-11-21T01:00:00").ns, kStart);
  EXPECT_EQ(parse_time_moment("2026-11-21T01:00:00Z").ns, kStart + 3600 * kSecond);
}

TEST_F(MomentTest, OffsetsAndUnixTimes) {
  EXPECT_EQ(parse_time_moment("+90s").kind, Moment::Kind::kFromStart);
  EXPECT_EQ(parse_time_moment("+90s").ns, 90 * kSecond);
  EXPECT_EQ(parse_time_moment("-5m").kind, Moment::Kind::kFromEnd);
  EXPECT_EQ(parse_time_moment("-5m").ns, 300 * kSecond);
  EXPECT_EQ(parse_time_moment("+1h30m").ns, 5400 * kSecond);
  EXPECT_EQ(parse_time_moment("-250ms").ns, kSecond / 4);
  EXPECT_EQ(parse_time_moment("+1.5s").ns, kSecond * 3 / 2);
  EXPECT_EQ(parse_time_moment("+2d").ns, 2 * 86400 * kSecond);
  EXPECT_EQ(parse_time_moment("@1795219200.5").ns, kStart + kSecond / 2);
}

TEST_F(MomentTest, TimeOfDay) {
  Moment m = parse_time_moment("03:12:05.5");
  EXPECT_EQ(m.kind, Moment::Kind::kTimeOfDay);
  EXPECT_EQ(m.ns, (3 * 3600 + 12 * 60 + 5) * kSecond + kSecond / 2);
  EXPECT_EQ(parse_time_moment("03:12").ns, (3 * 3600 + 12 * 60) * kSecond);
}

TEST_F(MomentTest, TextThatNamesNoMomentSaysWhatWasExpected) {
  for (const char* bad : {"", "yesterday", "+90", "-5x", "25:00", "12:60", "2026-13-01",
                          "2026-11-21T03:12:05+1", "2026-11-21X", "@", "+", "03:12:05.1234567890"})
    EXPECT_THROW(parse_time_moment(bad), MomentError) << bad;
  try {
    parse_time_moment("+90");
  } catch (const MomentError& e) {
    EXPECT_STREQ(e.what(),
                 "'+90' needs a unit after the number (ms, s, m, h or d), as in +90s or -5m");
  }
  try {
    parse_time_moment("12");
    FAIL() << "a bare number is a frame, not a time";
  } catch (const MomentError& e) {
    EXPECT_NE(std::string(e.what()).find("is a frame number"), std::string::npos) << e.what();
  }
  EXPECT_THROW(parse_moment("99999999999999999999"), MomentError);
}

TEST_F(MomentTest, TimesPickTheLatestFrameAtOrBefore) {
  auto frames = frames_every(10 * kSecond, 6);  // 00:00:00, :10, ... :50
  EXPECT_EQ(position_of(frames, "2026-11-21T00:00:20Z"), 2u);
  EXPECT_EQ(position_of(frames, "2026-11-21T00:00:29.999Z"), 2u);
  EXPECT_EQ(position_of(frames, "2026-11-21T00:05:00Z"), 5u);
  EXPECT_EQ(position_of(frames, "00:00:35"), 3u);
  EXPECT_EQ(position_of(frames, "+25s"), 2u);
  EXPECT_EQ(position_of(frames, "+0s"), 0u);
  EXPECT_EQ(position_of(frames, "-0s"), 5u);
  EXPECT_EQ(position_of(frames, "-15s"), 3u);
  EXPECT_EQ(position_of(frames, "-50s"), 0u);
  auto resolved = resolve_moment(frames, parse_moment("+25s"), "t.nsnap");
  ASSERT_TRUE(resolved.requested_ns);
  EXPECT_EQ(*resolved.requested_ns, kStart + 25 * kSecond);
}

TEST_F(MomentTest, TimesBeforeTheFirstFrameNameTheTimelinesSpan) {
  auto frames = frames_every(10 * kSecond, 6);
  try {
    position_of(frames, "-51s");
    FAIL();
  } catch (const TimelineError& e) {
    EXPECT_STREQ(e.what(),
                 "t.nsnap: no frame at or before 2026-11-20T23:59:59.000Z (-51s); the timeline "
                 "runs from 2026-11-21T00:00:00.000Z to 2026-11-21T00:00:50.000Z");
  }
  EXPECT_THROW(position_of(frames, "2026-11-20T23:59:59Z"), TimelineError);
}

TEST_F(MomentTest, TimeOfDayIsItsLatestOccurrenceInTheTimeline) {
  // 22:00 on the 21st to 02:00 on the 22nd, one frame an hour.
  auto frames = frames_every(3600 * kSecond, 5, kStart + 22 * 3600 * kSecond);
  EXPECT_EQ(position_of(frames, "01:30"), 3u);  // the 22nd's
  EXPECT_EQ(position_of(frames, "23:00"), 1u);  // the 21st's: the 22nd's is past the end
  EXPECT_THROW(position_of(frames, "21:00"), TimelineError);
}

TEST_F(MomentTest, ClockStepsBackPickTheLatestTimeNotTheLastPosition) {
  auto frames = frames_every(10 * kSecond, 4);
  frames[3].capture_time_ns = kStart + 5 * kSecond;  // the clock was stepped back
  EXPECT_EQ(position_of(frames, "+7s"), 3u);
  EXPECT_EQ(position_of(frames, "2026-11-21T00:00:25Z"), 2u);
  auto same = frames_every(0, 3);  // three frames at one time: the later one
  EXPECT_EQ(position_of(same, "+0s"), 2u);
}

TEST_F(MomentTest, FormatTime) {
  EXPECT_EQ(format_time(kStart + 1234 * 1'000'000), "2026-11-21T00:00:01.234Z");
}

// Before 1970 the second is the one the time falls in, and the milliseconds count forward from it.
TEST_F(MomentTest, FormatTimeBefore1970) {
  EXPECT_EQ(format_time(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(format_time(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(format_time(-1'500'000'000), "1969-12-31T23:59:58.500Z");
  EXPECT_EQ(format_time(-kSecond), "1969-12-31T23:59:59.000Z");
  EXPECT_EQ(format_time(INT64_MIN), "1677-09-21T00:12:43.145Z");
  EXPECT_EQ(format_time(INT64_MAX), "2262-04-11T23:47:16.854Z");
}

// Written times outside int64 nanoseconds (1677 to 2262) are errors, not wrapped numbers.
TEST_F(MomentTest, TimesOutsideWhatATimelineCanHoldAreErrors) {
  for (const char* far :
       {"9999-12-31T23:59:59Z", "0001-01-01", "2262-04-12", "1677-09-20T23:00Z", "@999999999999999",
        "+999999999999999d", "-106752d", "+1h999999999999999d"})
    EXPECT_THROW(parse_time_moment(far), MomentError) << far;
  EXPECT_EQ(parse_time_moment("2262-04-11T23:47:16.854Z").ns, INT64_MAX - 775'807);
  EXPECT_EQ(parse_time_moment("1677-09-21T00:12:43.145224192Z").ns, INT64_MIN);
  EXPECT_EQ(parse_time_moment("-106751d").ns, 106751LL * 86400 * kSecond);
  try {
    parse_time_moment("@999999999999999");
  } catch (const MomentError& e) {
    EXPECT_STREQ(e.what(),
                 "'@999999999999999' is outside the times a timeline can hold "
                 "(1677-09-21T00:12:43.145Z to 2262-04-11T23:47:16.854Z)");
  }
}

// Frames from a hostile file may carry any time: a moment relative to them that falls outside the
// span is an error saying so (UBSan found the overflow), one inside it a correct result.
TEST_F(MomentTest, MomentsRelativeToExtremeFrameTimesDoNotOverflow) {
  std::vector<FrameInfo> earliest = {{0, INT64_MIN, 0, RecordType::kKeyframe}};
  for (const char* text : {"-1h", "03:00", "00:12:44", "-0.001s"}) {
    try {
      position_of(earliest, text);
      FAIL() << text;
    } catch (const TimelineError& e) {
      EXPECT_EQ(std::string(e.what()), std::string("t.nsnap: ") + text +
                                           " names a time before 1677-09-21T00:12:43.145Z, the "
                                           "earliest a timeline can hold");
    }
  }
  EXPECT_EQ(position_of(earliest, "-0s"), 0u);
  EXPECT_EQ(position_of(earliest, "+1h"), 0u);

  std::vector<FrameInfo> latest = {{0, INT64_MAX - kSecond, 0, RecordType::kKeyframe},
                                   {1, INT64_MAX, 0, RecordType::kKeyframe}};
  EXPECT_THROW(position_of(latest, "-1h"), TimelineError);  // before both frames
  try {
    position_of(latest, "+2s");
    FAIL();
  } catch (const TimelineError& e) {
    EXPECT_STREQ(e.what(),
                 "t.nsnap: +2s names a time after 2262-04-11T23:47:16.854Z, the latest a "
                 "timeline can hold");
  }
  EXPECT_EQ(position_of(latest, "+0.5s"), 0u);
  EXPECT_EQ(position_of(latest, "-0.5s"), 0u);
  EXPECT_EQ(position_of(latest, "23:47:16"), 0u);

  // An hour of frames from the earliest time: a time of day inside it resolves.
  std::vector<FrameInfo> first_hour = {{0, INT64_MIN, 0, RecordType::kKeyframe},
                                       {1, INT64_MIN + 3600 * kSecond, 0, RecordType::kKeyframe}};
  EXPECT_EQ(position_of(first_hour, "00:30"), 0u);
  EXPECT_EQ(position_of(first_hour, "01:12:43.145"), 0u);
  EXPECT_EQ(position_of(first_hour, "01:12:43.145224192"), 1u);
  EXPECT_THROW(position_of(first_hour, "01:12:43.146"), TimelineError);  // the day before
}

// The acceptance test: on 10,000 frames every form resolves to the right frame, and reading it
// touches neither the frames in between nor any other: their payloads are destroyed first.
TEST_F(MomentTest, TenThousandFramesResolveThroughTheIndexAlone) {
  netsnap::testing::TempDir tmp(netsnap::testing::fast_temp_base());
  std::string path = tmp.path("long.nsnap");
  constexpr size_t kFrames = 10'000;
  {
    // Keyframes only: a delta would need the frames before it, whose payloads are destroyed.
    TimelineWriter writer(path, TimelineWriter::Mode::kCreate, {.keyframe_interval = 0});
    model::Snapshot s;
    for (size_t i = 0; i < kFrames; ++i) {
      s.host.capture_time_ns = kStart + static_cast<int64_t>(i) * kSecond;
      s.host.hostname = "h" + std::to_string(i);
      writer.write_frame(s);
    }
  }
  const std::vector<std::pair<std::string, size_t>> cases = {{"2026-11-21T01:23:20Z", 5000},
                                                             {"2026-11-21T01:23:20.900Z", 5000},
                                                             {"02:46:39", 9999},
                                                             {"00:00:07.5", 7},
                                                             {"+1h", 3600},
                                                             {"-90s", 9909},
                                                             {"@1795219200", 0},
                                                             {"1234", 1234},
                                                             {"-1", 9999}};
  std::set<size_t> wanted;
  for (const auto& c : cases) wanted.insert(c.second);
  std::vector<FrameInfo> frames = TimelineReader(path).frames().to_vector();
  ASSERT_EQ(frames.size(), kFrames);
  {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    for (size_t i = 0; i < kFrames; ++i) {
      if (wanted.contains(i)) continue;
      file.seekp(static_cast<std::streamoff>(frames[i].offset + kRecordHeaderSize));
      file.write("\xde\xad\xbe\xef", 4);
    }
  }
  TimelineReader reader(path);
  EXPECT_TRUE(reader.used_index());
  ASSERT_EQ(reader.frames().size(), kFrames);
  EXPECT_THROW(reader.read_frame(4999), TimelineError);  // the destruction took
  for (const auto& [text, expected] : cases) {
    size_t at = resolve_moment(reader.frames(), parse_moment(text), path).position;
    EXPECT_EQ(at, expected) << text;
    EXPECT_EQ(reader.read_frame(at).host.hostname, "h" + std::to_string(expected)) << text;
  }
}

}  // namespace
}  // namespace netsnap::timeline
