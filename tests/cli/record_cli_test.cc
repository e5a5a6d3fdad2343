// netsnap record as an operator meets it: one recorder per file, existing files kept unless
// --append or --force says otherwise.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "netsnap/timeline/timeline.h"
#include "test_support/run_command.h"
#include "test_support/temp_dir.h"

namespace netsnap::cli {
namespace {

using netsnap::testing::read_file;
using netsnap::testing::run_netsnap;
using netsnap::testing::TempDir;
using netsnap::testing::write_file;

const std::string kMinimal = std::string(NETSNAP_SOURCE_DIR) + "/fixtures/minimal";

pid_t start_recorder(const std::string& file, const char* count) {
  pid_t pid = fork();
  if (pid == 0) {
    execl(NETSNAP_BINARY, NETSNAP_BINARY, "record", "-q", "--root", kMinimal.c_str(), "--interval",
          "0.1", "--count", count, "-o", file.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

size_t frames_in(const std::string& file) {
  try {
    return timeline::TimelineReader(file).frames().size();
  } catch (const timeline::TimelineError&) {
    return 0;
  }
}

TEST(RecordCliTest, ASecondRecorderOnTheSameFileIsRefusedAndTheFirstLosesNothing) {
  TempDir tmp;
  std::string file = tmp.path("t.nsnap");
  pid_t first = start_recorder(file, "25");
  ASSERT_GT(first, 0);
  for (int i = 0; i < 100 && frames_in(file) == 0; ++i) usleep(20'000);
  ASSERT_GT(frames_in(file), 0u) << "the first recorder never wrote a frame";
  auto second =
      run_netsnap({"record", "-q", "--root", kMinimal, "--count", "3", "--append", "-o", file});
  EXPECT_EQ(second.exit_status, 1);
  EXPECT_NE(second.err.find("(pid " + std::to_string(first) + ")"), std::string::npos)
      << second.err;
  auto replace =
      run_netsnap({"record", "-q", "--root", kMinimal, "--count", "3", "--force", "-o", file});
  EXPECT_NE(replace.exit_status, 0);
  int status = 0;
  ASSERT_EQ(waitpid(first, &status, 0), first);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  timeline::TimelineReader reader(file);
  EXPECT_TRUE(reader.recovery_notes().empty());
  ASSERT_EQ(reader.frames().size(), 25u);
  for (size_t i = 0; i < reader.frames().size(); ++i) {
    EXPECT_EQ(reader.frames()[i].frame, i);
    EXPECT_NO_THROW(reader.read_frame(i));
  }
}

TEST(RecordCliTest, AnExistingFileIsKeptUnlessAppendOrForceSaysOtherwise) {
  TempDir tmp;
  std::string notes = tmp.path("notes.txt"), file = tmp.path("t.nsnap");
  write_file(notes, "not a timeline");
  auto over_notes = run_netsnap({"record", "-q", "--root", kMinimal, "--count", "1", "-o", notes});
  EXPECT_EQ(over_notes.exit_status, 2);
  EXPECT_NE(over_notes.err.find("already exists; give --append"), std::string::npos)
      << over_notes.err;
  auto force_notes =
      run_netsnap({"record", "-q", "--root", kMinimal, "--count", "1", "--force", "-o", notes});
  EXPECT_EQ(force_notes.exit_status, 1);
  EXPECT_NE(force_notes.err.find("not a netsnap timeline"), std::string::npos) << force_notes.err;
  EXPECT_EQ(read_file(notes), "not a timeline");

  ASSERT_EQ(
      run_netsnap({"record", "-q", "--root", kMinimal, "--count", "2", "-o", file}).exit_status, 0);
  EXPECT_EQ(
      run_netsnap({"record", "-q", "--root", kMinimal, "--count", "1", "-o", file}).exit_status, 2);
  EXPECT_EQ(frames_in(file), 2u);
  EXPECT_EQ(
      run_netsnap({"record", "-q", "--root", kMinimal, "--count", "1", "--append", "-o", file})
          .exit_status,
      0);
  EXPECT_EQ(frames_in(file), 3u);
  EXPECT_EQ(run_netsnap({"record", "-q", "--root", kMinimal, "--count", "1", "--force", "-o", file})
                .exit_status,
            0);
  EXPECT_EQ(frames_in(file), 1u);
  auto both = run_netsnap({"record", "--append", "--force", "-o", file});
  EXPECT_EQ(both.exit_status, 2) << both.err;
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

}  // namespace
}  // namespace netsnap::cli
