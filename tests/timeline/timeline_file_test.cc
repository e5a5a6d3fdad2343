// A recorder never harms a file it was not asked to write: new timelines are private and never
// written through a link, existing files are refused unless appended to or replaced explicitly,
// and one recorder at a time holds the file.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

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
using Mode = TimelineWriter::Mode;

void write_one_frame(const std::string& path, Mode mode, int n = 0) {
  TimelineWriter writer(path, mode);
  writer.write_frame(sample_snapshot(n));
}

std::string error_of(const std::string& path, Mode mode) {
  try {
    write_one_frame(path, mode);
  } catch (const TimelineError& e) {
    return e.what();
  }
  return "";
}

TEST(TimelineFileTest, NewTimelinesAreReadableByTheirOwnerOnly) {
  TempDir tmp;
  mode_t old = umask(022);
  write_one_frame(tmp.path("t.nsnap"), Mode::kCreate);
  write_one_frame(tmp.path("a.nsnap"), Mode::kAppend);
  write_one_frame(tmp.path("t.nsnap"), Mode::kReplace);
  umask(old);
  for (const char* name : {"t.nsnap", "a.nsnap"}) {
    struct stat st {};
    ASSERT_EQ(stat(tmp.path(name).c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << name;
  }
}

TEST(TimelineFileTest, AnExistingFileIsNeverOverwrittenUnlessAsked) {
  TempDir tmp;
  write_file(tmp.path("notes.txt"), "precious notes, not a timeline");
  write_one_frame(tmp.path("t.nsnap"), Mode::kCreate);
  std::string timeline = read_file(tmp.path("t.nsnap"));

  EXPECT_THROW(write_one_frame(tmp.path("t.nsnap"), Mode::kCreate), TimelineExists);
  EXPECT_THROW(write_one_frame(tmp.path("notes.txt"), Mode::kCreate), TimelineExists);
  EXPECT_NE(error_of(tmp.path("notes.txt"), Mode::kReplace).find("not a netsnap timeline"),
            std::string::npos);
  EXPECT_NE(error_of(tmp.path("notes.txt"), Mode::kAppend).find("not a netsnap timeline"),
            std::string::npos);
  EXPECT_EQ(read_file(tmp.path("notes.txt")), "precious notes, not a timeline");
  EXPECT_EQ(read_file(tmp.path("t.nsnap")), timeline);

  write_one_frame(tmp.path("t.nsnap"), Mode::kReplace, 7);
  TimelineReader reader(tmp.path("t.nsnap"));
  ASSERT_EQ(reader.frames().size(), 1u);
  EXPECT_TRUE(reader.read_frame(0) == sample_snapshot(7));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(tmp.dir()), {}), 2);  // no leftovers
}

TEST(TimelineFileTest, NoModeWritesThroughASymbolicLink) {
  TempDir tmp;
  write_file(tmp.path("target"), "the link's target");
  write_one_frame(tmp.path("timeline-target.nsnap"), Mode::kCreate);
  std::string timeline = read_file(tmp.path("timeline-target.nsnap"));
  std::filesystem::create_symlink(tmp.path("target"), tmp.path("link"));
  std::filesystem::create_symlink(tmp.path("timeline-target.nsnap"), tmp.path("tlink"));
  std::filesystem::create_symlink(tmp.path("absent"), tmp.path("dangling"));
  for (const char* link : {"link", "tlink", "dangling"}) {
    for (Mode mode : {Mode::kCreate, Mode::kAppend, Mode::kReplace}) {
      std::string error = error_of(tmp.path(link), mode);
      EXPECT_FALSE(error.empty()) << link << " mode " << int(mode);
    }
  }
  EXPECT_NE(error_of(tmp.path("tlink"), Mode::kAppend).find("symbolic link"), std::string::npos);
  EXPECT_EQ(read_file(tmp.path("target")), "the link's target");
  EXPECT_EQ(read_file(tmp.path("timeline-target.nsnap")), timeline);
  EXPECT_FALSE(std::filesystem::exists(tmp.path("absent")));
}

TEST(TimelineFileTest, AFifoIsRefusedWithoutBlocking) {
  TempDir tmp;
  ASSERT_EQ(mkfifo(tmp.path("fifo").c_str(), 0600), 0);
  EXPECT_NE(error_of(tmp.path("fifo"), Mode::kAppend).find("not a regular file"),
            std::string::npos);
  EXPECT_THROW(TimelineReader(tmp.path("fifo")), TimelineError);
}

TEST(TimelineFileTest, ASecondRecorderIsRefusedWithTheFirstOnesPid) {
  TempDir tmp;
  std::string path = tmp.path("t.nsnap");
  TimelineWriter first(path, Mode::kCreate);
  first.write_frame(sample_snapshot(0));
  std::string pid = "pid " + std::to_string(getpid());
  for (Mode mode : {Mode::kAppend, Mode::kReplace}) {
    std::string error = error_of(path, mode);
    EXPECT_NE(error.find(pid), std::string::npos) << error;
  }
  TimelineReader reader(path);  // readers need no lock
  EXPECT_EQ(reader.frames().size(), 1u);
  first.write_frame(sample_snapshot(1));
  first.close();
  write_one_frame(path, Mode::kAppend, 2);  // free again once the first has closed
  EXPECT_EQ(TimelineReader(path).frames().size(), 3u);
}

}  // namespace
}  // namespace netsnap::timeline
