#include <gtest/gtest.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "netsnap/timeline/timeline.h"
#include "test_support/sample_snapshot.h"
#include "test_support/temp_dir.h"

namespace netsnap::timeline {
namespace {

using netsnap::testing::read_file;
using netsnap::testing::sample_snapshot;
using netsnap::testing::TempDir;
using netsnap::testing::write_file;

// Every frame a keyframe: these tests are about records; delta chains have tests of their own
// (timeline_delta_test.cc).
void write_frames(const std::string& path, int count, TimelineWriter::Mode mode, int first = 0) {
  TimelineWriter writer(path, mode, {.keyframe_interval = 0});
  for (int i = 0; i < count; ++i) writer.write_frame(sample_snapshot(first + i));
  writer.close();
}

TEST(TimelineTest, WriteThenReadEveryFrameThroughTheIndex) {
  TempDir tmp;
  write_frames(tmp.path("t.nsnap"), 3, TimelineWriter::Mode::kCreate);
  TimelineReader reader(tmp.path("t.nsnap"));
  EXPECT_TRUE(reader.used_index());
  EXPECT_TRUE(reader.recovery_notes().empty());
  ASSERT_EQ(reader.frames().size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(reader.frames()[i].frame, i);
    EXPECT_TRUE(reader.read_frame(i) == sample_snapshot(static_cast<int>(i)));
    EXPECT_EQ(reader.frames()[i].capture_time_ns,
              sample_snapshot(static_cast<int>(i)).host.capture_time_ns);
  }
}

TEST(TimelineTest, IndexChainsAcrossManyBlocks) {
  TempDir tmp;
  const int n = static_cast<int>(TimelineWriter::kFramesPerIndex) * 2 + 17;
  write_frames(tmp.path("t.nsnap"), n, TimelineWriter::Mode::kCreate);
  TimelineReader reader(tmp.path("t.nsnap"));
  EXPECT_TRUE(reader.used_index());
  ASSERT_EQ(reader.frames().size(), static_cast<size_t>(n));
  EXPECT_EQ(reader.frames().back().frame, static_cast<uint64_t>(n - 1));
  EXPECT_TRUE(reader.read_frame(n - 1) == sample_snapshot(n - 1));
}

TEST(TimelineTest, AppendContinuesNumberingAndKeepsOldFrames) {
  TempDir tmp;
  write_frames(tmp.path("t.nsnap"), 2, TimelineWriter::Mode::kCreate);
  write_frames(tmp.path("t.nsnap"), 2, TimelineWriter::Mode::kAppend, 2);
  TimelineReader reader(tmp.path("t.nsnap"));
  EXPECT_TRUE(reader.used_index());
  ASSERT_EQ(reader.frames().size(), 4u);
  EXPECT_EQ(reader.frames()[3].frame, 3u);
  EXPECT_TRUE(reader.read_frame(0) == sample_snapshot(0));
  EXPECT_TRUE(reader.read_frame(3) == sample_snapshot(3));
}

TEST(TimelineTest, FramesAreReadableWithoutTheFinalIndex) {
  // A recorder killed with -9 never writes its closing index: every frame must still be found.
  TempDir tmp;
  {
    TimelineWriter writer(tmp.path("t.nsnap"), TimelineWriter::Mode::kCreate);
    for (int i = 0; i < 3; ++i) writer.write_frame(sample_snapshot(i));
    std::string bytes = read_file(tmp.path("t.nsnap"));
    write_file(tmp.path("killed.nsnap"), bytes);
  }
  TimelineReader reader(tmp.path("killed.nsnap"));
  EXPECT_TRUE(reader.recovery_notes().empty());
  ASSERT_EQ(reader.frames().size(), 3u);
  EXPECT_TRUE(reader.read_frame(2) == sample_snapshot(2));
}

TEST(TimelineTest, CutOffFileKeepsEveryWholeFrameAndSaysWhatWasLost) {
  TempDir tmp;
  write_frames(tmp.path("t.nsnap"), 4, TimelineWriter::Mode::kCreate);
  std::string bytes = read_file(tmp.path("t.nsnap"));
  TimelineReader whole(tmp.path("t.nsnap"));
  uint64_t third = whole.frames()[3].offset;
  // Cut in the middle of the last frame.
  write_file(tmp.path("cut.nsnap"), bytes.substr(0, third + 100));
  TimelineReader reader(tmp.path("cut.nsnap"));
  ASSERT_EQ(reader.frames().size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_TRUE(reader.read_frame(i) == sample_snapshot(int(i)));
  ASSERT_EQ(reader.recovery_notes().size(), 1u);
  EXPECT_NE(reader.recovery_notes()[0].find("cut off"), std::string::npos);
  EXPECT_NE(reader.recovery_notes()[0].find(std::to_string(third)), std::string::npos);
}

TEST(TimelineTest, EveryCutPointGivesExactlyTheWholeFramesBeforeIt) {
  TempDir tmp;
  write_frames(tmp.path("t.nsnap"), 3, TimelineWriter::Mode::kCreate);
  std::string bytes = read_file(tmp.path("t.nsnap"));
  TimelineReader whole(tmp.path("t.nsnap"));
  std::vector<uint64_t> record_end;
  for (size_t i = 0; i < whole.frames().size(); ++i) {
    record_end.push_back(whole.frames()[i].offset + kRecordHeaderSize +
                         whole.read_header(i).payload_length + kRecordFooterSize);
  }
  for (size_t cut = kFileHeaderSize; cut < bytes.size(); cut += 7) {
    write_file(tmp.path("cut.nsnap"), bytes.substr(0, cut));
    TimelineReader reader(tmp.path("cut.nsnap"));
    size_t whole_before = std::count_if(record_end.begin(), record_end.end(),
                                        [&](uint64_t end) { return end <= cut; });
    EXPECT_EQ(reader.frames().size(), whole_before) << "cut at " << cut;
    for (size_t i = 0; i < reader.frames().size(); ++i)
      EXPECT_TRUE(reader.read_frame(i) == sample_snapshot(int(i))) << "cut at " << cut;
  }
}

TEST(TimelineTest, BitFlipDamagesOnlyTheFrameItHits) {
  TempDir tmp;
  write_frames(tmp.path("t.nsnap"), 3, TimelineWriter::Mode::kCreate);
  std::string bytes = read_file(tmp.path("t.nsnap"));
  TimelineReader whole(tmp.path("t.nsnap"));
  // Flip a bit inside frame 1's payload.
  size_t target = whole.frames()[1].offset + kRecordHeaderSize + 20;
  bytes[target] ^= 0x10;
  write_file(tmp.path("flip.nsnap"), bytes);
  TimelineReader reader(tmp.path("flip.nsnap"));
  ASSERT_EQ(reader.frames().size(), 3u);
  EXPECT_TRUE(reader.read_frame(0) == sample_snapshot(0));
  EXPECT_THROW(reader.read_frame(1), TimelineError);
  EXPECT_TRUE(reader.read_frame(2) == sample_snapshot(2));
}

TEST(TimelineTest, BitFlipInARecordHeaderIsSkippedByTheScan) {
  TempDir tmp;
  write_frames(tmp.path("t.nsnap"), 3, TimelineWriter::Mode::kCreate);
  std::string bytes = read_file(tmp.path("t.nsnap"));
  TimelineReader whole(tmp.path("t.nsnap"));
  bytes[whole.frames()[1].offset + 9] ^= 0x01;  // frame number byte of frame 1's header
  // No index record follows (fewer than 256 frames): the walk from the file header meets the
  // broken header and the reader scans.
  write_file(tmp.path("flip.nsnap"), bytes);
  TimelineReader reader(tmp.path("flip.nsnap"));
  EXPECT_FALSE(reader.used_index());
  ASSERT_EQ(reader.frames().size(), 2u);
  EXPECT_TRUE(reader.read_frame(0) == sample_snapshot(0));
  EXPECT_TRUE(reader.read_frame(1) == sample_snapshot(2));
  ASSERT_FALSE(reader.recovery_notes().empty());
  EXPECT_NE(reader.recovery_notes()[0].find("damaged bytes"), std::string::npos);
}

TEST(TimelineTest, AppendAfterACrashCutsTheTornTail) {
  TempDir tmp;
  write_frames(tmp.path("t.nsnap"), 2, TimelineWriter::Mode::kCreate);
  std::string bytes = read_file(tmp.path("t.nsnap"));
  write_file(tmp.path("t.nsnap"), bytes + std::string("NSRC-partial-record"));
  {
    TimelineWriter writer(tmp.path("t.nsnap"), TimelineWriter::Mode::kAppend);
    EXPECT_EQ(writer.recovery_notes().size(), 1u);
    writer.write_frame(sample_snapshot(2));
  }
  TimelineReader reader(tmp.path("t.nsnap"));
  EXPECT_TRUE(reader.recovery_notes().empty());
  ASSERT_EQ(reader.frames().size(), 3u);
  EXPECT_TRUE(reader.read_frame(2) == sample_snapshot(2));
}

// A write that fails half-way (here: the file size limit, as a full disk would) leaves the file
// exactly as it was, and the writer goes on with the next frame once there is room again.
TEST(TimelineTest, FailedWriteLeavesTheFileWholeAndWritingGoesOn) {
  TempDir tmp;
  std::string path = tmp.path("t.nsnap");
  pid_t pid = fork();
  if (pid == 0) {
    signal(SIGXFSZ, SIG_IGN);
    int status = 0;
    try {
      TimelineWriter writer(path, TimelineWriter::Mode::kCreate);
      writer.write_frame(sample_snapshot(0));
      writer.write_frame(sample_snapshot(1));
      struct stat st {};
      stat(path.c_str(), &st);
      rlimit limit{};
      getrlimit(RLIMIT_FSIZE, &limit);
      rlimit tight = limit;
      tight.rlim_cur = static_cast<rlim_t>(st.st_size) + 100;  // less than one more frame
      setrlimit(RLIMIT_FSIZE, &tight);
      try {
        writer.write_frame(sample_snapshot(2));
        status |= 1;  // should have failed
      } catch (const TimelineError&) {
      }
      struct stat after {};
      stat(path.c_str(), &after);
      if (after.st_size != st.st_size) status |= 2;  // not cut back
      setrlimit(RLIMIT_FSIZE, &limit);
      writer.write_frame(sample_snapshot(3));
      writer.close();
    } catch (...) {
      status |= 4;
    }
    _exit(status);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << "1: write did not fail, 2: file not cut back, 4: threw";
  TimelineReader reader(path);
  EXPECT_TRUE(reader.recovery_notes().empty());
  ASSERT_EQ(reader.frames().size(), 3u);
  EXPECT_TRUE(reader.read_frame(1) == sample_snapshot(1));
  EXPECT_TRUE(reader.read_frame(2) == sample_snapshot(3));
  EXPECT_EQ(reader.frames()[2].frame, 2u);
}

TEST(TimelineTest, RejectsFilesThatAreNotTimelines) {
  TempDir tmp;
  write_file(tmp.path("x"), "hello, this is not a timeline at all, but it is long enough");
  EXPECT_THROW(TimelineReader(tmp.path("x")), TimelineError);
  EXPECT_THROW(TimelineReader(tmp.path("missing")), TimelineError);
  EXPECT_THROW(TimelineWriter(tmp.path("x"), TimelineWriter::Mode::kAppend), TimelineError);
  EXPECT_EQ(read_file(tmp.path("x")).substr(0, 5), "hello");  // untouched
}

TEST(TimelineTest, NewerFormatVersionIsNamed) {
  TempDir tmp;
  std::string header = encode_file_header({kFormatVersion + 1, 0});
  write_file(tmp.path("new.nsnap"), header);
  try {
    TimelineReader reader(tmp.path("new.nsnap"));
    FAIL() << "opened a newer version";
  } catch (const TimelineError& e) {
    EXPECT_NE(std::string(e.what()).find("newer netsnap"), std::string::npos);
  }
}

}  // namespace
}  // namespace netsnap::timeline
