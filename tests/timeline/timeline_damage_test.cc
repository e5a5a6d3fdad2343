// Damage in the middle of a timeline costs only the bytes it hits: records duplicated, deleted or
// shifted, garbage before a frame, implausible indexes and record sizes, and --append afterwards.
#include <gtest/gtest.h>

#include <random>

#include "netsnap/timeline/index_block.h"
#include "netsnap/timeline/timeline.h"
#include "test_support/sample_snapshot.h"
#include "test_support/temp_dir.h"

namespace netsnap::timeline {
namespace {

using netsnap::testing::read_file;
using netsnap::testing::sample_snapshot;
using netsnap::testing::TempDir;
using netsnap::testing::write_file;

constexpr int kFrames = 11;

struct Recording {
  std::string bytes;
  std::vector<uint64_t> start;  // each frame record's offset
  std::vector<uint64_t> end;    // and the offset just past it
};

Recording record_frames(const std::string& path, int count) {
  {
    // Every frame a keyframe, so that damage costs exactly the records it hits (delta chains:
    // timeline_delta_test.cc).
    TimelineWriter writer(path, TimelineWriter::Mode::kCreate, {.keyframe_interval = 0});
    for (int i = 0; i < count; ++i) writer.write_frame(sample_snapshot(i));
  }
  Recording r;
  r.bytes = read_file(path);
  TimelineReader reader(path);
  for (size_t i = 0; i < reader.frames().size(); ++i) {
    r.start.push_back(reader.frames()[i].offset);
    r.end.push_back(r.start.back() + record_size(reader.read_header(i)));
  }
  return r;
}

// The numbers of the frames a reader of path can read, each checked to be the frame it names.
std::vector<uint64_t> readable_frames(const std::string& path) {
  TimelineReader reader(path);
  std::vector<uint64_t> numbers;
  for (size_t i = 0; i < reader.frames().size(); ++i) {
    uint64_t n = reader.frames()[i].frame;
    try {
      EXPECT_TRUE(reader.read_frame(i) == sample_snapshot(static_cast<int>(n))) << "frame " << n;
      numbers.push_back(n);
    } catch (const TimelineError&) {
      // listed by the index but damaged: not readable
    }
  }
  return numbers;
}

std::vector<uint64_t> all_but(std::initializer_list<uint64_t> missing, int count = kFrames) {
  std::vector<uint64_t> out;
  for (int i = 0; i < count; ++i)
    if (std::find(missing.begin(), missing.end(), uint64_t(i)) == missing.end()) out.push_back(i);
  return out;
}

struct Damage {
  const char* name;
  std::string (*apply)(const Recording& r);
  std::vector<uint64_t> expected;  // frames still readable
};

std::string cut(const std::string& s, size_t at, size_t n) {
  return s.substr(0, at) + s.substr(at + n);
}

const std::vector<Damage>& damages() {
  static const std::vector<Damage> list = {
      {"record 5 duplicated",
       [](const Recording& r) {
         std::string record = r.bytes.substr(r.start[5], r.end[5] - r.start[5]);
         return r.bytes.substr(0, r.end[5]) + record + r.bytes.substr(r.end[5]);
       },
       all_but({})},
      {"record 5 deleted",
       [](const Recording& r) { return cut(r.bytes, r.start[5], r.end[5] - r.start[5]); },
       all_but({5})},
      {"one byte inserted before record 5",
       [](const Recording& r) {
         return r.bytes.substr(0, r.start[5]) + "x" + r.bytes.substr(r.start[5]);
       },
       all_but({})},
      {"one byte deleted inside record 5",
       [](const Recording& r) { return cut(r.bytes, r.start[5] + 60, 1); }, all_but({5})},
      {"one byte inserted inside record 5",
       [](const Recording& r) {
         return r.bytes.substr(0, r.start[5] + 60) + "x" + r.bytes.substr(r.start[5] + 60);
       },
       all_but({5})},
  };
  return list;
}

TEST(TimelineDamageTest, ARecordMovedInTheMiddleCostsOnlyItself) {
  TempDir tmp;
  Recording r = record_frames(tmp.path("t.nsnap"), kFrames);
  for (const Damage& d : damages()) {
    SCOPED_TRACE(d.name);
    write_file(tmp.path("d.nsnap"), d.apply(r));
    EXPECT_EQ(readable_frames(tmp.path("d.nsnap")), d.expected);
    TimelineReader reader(tmp.path("d.nsnap"));
    EXPECT_FALSE(reader.recovery_notes().empty());
  }
}

TEST(TimelineDamageTest, AppendAfterDamageInTheMiddleKeepsEveryFrame) {
  TempDir tmp;
  Recording r = record_frames(tmp.path("t.nsnap"), kFrames);
  for (const Damage& d : damages()) {
    SCOPED_TRACE(d.name);
    std::string path = tmp.path("d.nsnap");
    std::string damaged = d.apply(r);
    write_file(path, damaged);
    {
      TimelineWriter writer(path, TimelineWriter::Mode::kAppend, {.keyframe_interval = 0});
      writer.write_frame(sample_snapshot(kFrames));
    }
    std::string after = read_file(path);
    EXPECT_EQ(after.substr(0, damaged.size()), damaged) << "bytes before the new frame changed";
    std::vector<uint64_t> expected = d.expected;
    expected.push_back(kFrames);
    EXPECT_EQ(readable_frames(path), expected);
    // The writer started a new index chain, so the next reader needs no scan.
    TimelineReader reader(path);
    EXPECT_TRUE(reader.used_index());
    EXPECT_TRUE(reader.recovery_notes().empty());
  }
}

TEST(TimelineDamageTest, GarbageBeforeAFrameIsSkippedAndNamed) {
  TempDir tmp;
  Recording r = record_frames(tmp.path("t.nsnap"), 3);
  std::string garbage(3 << 20, '\0');
  std::mt19937 rng(7);
  for (char& c : garbage) c = static_cast<char>(rng());
  for (size_t i = 0; i < garbage.size(); i += 4096) garbage.replace(i, 4, "NSRC");  // false starts
  write_file(tmp.path("g.nsnap"), r.bytes.substr(0, r.end[0]) + garbage + r.bytes.substr(r.end[0]));
  EXPECT_EQ(readable_frames(tmp.path("g.nsnap")), all_but({}, 3));
  TimelineReader reader(tmp.path("g.nsnap"));
  ASSERT_EQ(reader.recovery_notes().size(), 2u);  // the garbage, and the records after it moved
  EXPECT_NE(reader.recovery_notes()[0].find(std::to_string(garbage.size()) +
                                            " damaged bytes at byte " + std::to_string(r.end[0])),
            std::string::npos)
      << reader.recovery_notes()[0];
}

// An index record appended after the last frame, listing `entries`.
std::string with_index(const std::string& bytes, const std::vector<FrameInfo>& entries) {
  std::string raw = encode_index_block({0, entries});
  std::string payload = compress_payload(raw);
  RecordHeader h;
  h.type = RecordType::kIndex;
  h.payload_length = static_cast<uint32_t>(payload.size());
  h.raw_length = static_cast<uint32_t>(raw.size());
  h.payload_crc = crc32c(payload);
  return bytes + encode_record_header(h) + payload + encode_record_footer(bytes.size());
}

TEST(TimelineDamageTest, AnIndexThatListsImpossibleFramesIsNotBelieved) {
  TempDir tmp;
  Recording r = record_frames(tmp.path("t.nsnap"), 3);
  std::string frames_only = r.bytes.substr(0, r.end[2]);
  FrameInfo first{0, 0, r.start[0], RecordType::kKeyframe};
  std::vector<std::vector<FrameInfo>> lies = {
      std::vector<FrameInfo>(1000, first),                        // one frame, repeated
      {first, {1, 0, r.start[0] + 1, RecordType::kKeyframe}},     // overlapping records
      {first, {1, 0, r.end[2] + 100000, RecordType::kKeyframe}},  // past the index
      {{2, 0, r.start[2], RecordType::kKeyframe}, {1, 0, r.start[1], RecordType::kKeyframe}},
  };
  for (const auto& entries : lies) {
    write_file(tmp.path("i.nsnap"), with_index(frames_only, entries));
    TimelineReader reader(tmp.path("i.nsnap"));
    EXPECT_FALSE(reader.used_index());
    EXPECT_EQ(readable_frames(tmp.path("i.nsnap")), all_but({}, 3));
  }
}

// Rewrites the header of the record at `at` through `change`, with a valid checksum.
std::string with_header(std::string bytes, uint64_t at, void (*change)(RecordHeader&)) {
  RecordHeader h = *decode_record_header(std::string_view(bytes).substr(at, kRecordHeaderSize));
  change(h);
  bytes.replace(at, kRecordHeaderSize, encode_record_header(h));
  return bytes;
}

TEST(TimelineDamageTest, RecordSizesBeyondTheLimitsAreRefusedBeforeAllocating) {
  TempDir tmp;
  Recording r = record_frames(tmp.path("t.nsnap"), 2);
  std::vector<std::pair<void (*)(RecordHeader&), const char*>> lies = {
      {[](RecordHeader& h) { h.raw_length = 0xfffffff8; }, "raw size of 4294967288 bytes"},
      {[](RecordHeader& h) { h.raw_length = (h.payload_length * 100 + (64 << 10)) & ~7u; },
       "times as large"},
      {[](RecordHeader& h) { h.raw_length += 8; }, "not the frame it declares"},
  };
  for (const auto& [change, message] : lies) {
    write_file(tmp.path("l.nsnap"), with_header(r.bytes, r.start[1], change));
    TimelineReader reader(tmp.path("l.nsnap"));
    ASSERT_EQ(reader.frames().size(), 2u);
    EXPECT_TRUE(reader.read_frame(0) == sample_snapshot(0));
    try {
      reader.read_frame(1);
      ADD_FAILURE() << "read a frame whose header lies: " << message;
    } catch (const TimelineError& e) {
      EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
    }
  }
}

TEST(TimelineDamageTest, AHeaderClaimingAHugePayloadIsNotARecord) {
  TempDir tmp;
  Recording r = record_frames(tmp.path("t.nsnap"), 2);
  std::string bytes =
      with_header(r.bytes, r.start[1], [](RecordHeader& h) { h.payload_length = 1u << 31; });
  write_file(tmp.path("p.nsnap"), bytes);
  EXPECT_EQ(readable_frames(tmp.path("p.nsnap")), all_but({1}, 2));
}

TEST(TimelineDamageTest, AppendKeepsBytesAfterTheLastRecordThatAreNotATornRecord) {
  TempDir tmp;
  Recording r = record_frames(tmp.path("t.nsnap"), 2);
  std::string tail(5000, 'z');
  write_file(tmp.path("t.nsnap"), r.bytes + tail);
  {
    TimelineWriter writer(tmp.path("t.nsnap"), TimelineWriter::Mode::kAppend,
                          {.keyframe_interval = 0});
    writer.write_frame(sample_snapshot(2));
  }
  std::string after = read_file(tmp.path("t.nsnap"));
  EXPECT_EQ(after.substr(0, r.bytes.size() + tail.size()), r.bytes + tail);
  EXPECT_EQ(readable_frames(tmp.path("t.nsnap")), all_but({}, 3));
}

}  // namespace
}  // namespace netsnap::timeline
