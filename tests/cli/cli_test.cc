// The netsnap command as a user meets it: records, listings, dumps and one-line errors.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "test_support/run_command.h"
#include "test_support/temp_dir.h"

namespace netsnap::cli {
namespace {

using netsnap::testing::run_command;
using netsnap::testing::run_netsnap;
using netsnap::testing::TempDir;

const std::string kFixtures = std::string(NETSNAP_SOURCE_DIR) + "/fixtures";

size_t count_lines(const std::string& s) { return std::count(s.begin(), s.end(), '\n'); }

TEST(CliTest, RecordFixtureThenLsAndDump) {
  TempDir tmp;
  std::string file = tmp.path("f.nsnap");
  auto rec = run_netsnap({"record", "--root", kFixtures + "/minimal", "--count", "2", "--interval",
                          "0.05", "-o", file});
  ASSERT_EQ(rec.exit_status, 0) << rec.err;
  auto ls = run_netsnap({"ls", file});
  EXPECT_EQ(ls.exit_status, 0) << ls.err;
  EXPECT_NE(ls.out.find("2 frames"), std::string::npos) << ls.out;
  EXPECT_NE(ls.out.find("keyframes and"), std::string::npos);
  auto dump = run_netsnap({"dump", file, "--frame", "0"});
  ASSERT_EQ(dump.exit_status, 0) << dump.err;
  EXPECT_NE(dump.out.find("inetSockets = ["), std::string::npos);
  EXPECT_NE(dump.out.find("origin = fixture"), std::string::npos);
}

TEST(CliTest, DumpIsReadableByTheStockCapnpTool) {
  TempDir tmp;
  std::string file = tmp.path("f.nsnap");
  ASSERT_EQ(run_netsnap({"record", "--root", kFixtures + "/minimal", "--count", "1", "-o", file})
                .exit_status,
            0);
  auto dump = run_netsnap({"dump", file});
  netsnap::testing::write_file(tmp.path("dump.txt"), dump.out);
  auto encoded = run_command(
      {"/bin/sh", "-c",
       "capnp encode " NETSNAP_SCHEMA_DIR "/snapshot.capnp Snapshot < " + tmp.path("dump.txt") +
           " | capnp decode " NETSNAP_SCHEMA_DIR "/snapshot.capnp Snapshot"});
  ASSERT_EQ(encoded.exit_status, 0) << encoded.err;
  EXPECT_EQ(encoded.out, dump.out);
}

TEST(CliTest, LiveRecordGivesThreeFrames) {
  TempDir tmp;
  std::string file = tmp.path("live.nsnap");
  auto rec = run_netsnap({"record", "--count", "3", "--interval", "0.2", "-o", file});
  ASSERT_EQ(rec.exit_status, 0) << rec.err;
  auto ls = run_netsnap({"ls", file});
  EXPECT_NE(ls.out.find("3 frames"), std::string::npos) << ls.out;
}

// SIGTERM and SIGINT end a live recording after the frame in progress, with status 0, whichever
// of the recorder's threads the kernel hands the signal to.
TEST(CliTest, LiveRecordStopsCleanlyOnSigtermSigintAndSighup) {
  for (int signal_number : {SIGTERM, SIGINT, SIGHUP}) {
    TempDir tmp;
    std::string file = tmp.path("live.nsnap");
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      execl(NETSNAP_BINARY, NETSNAP_BINARY, "record", "-q", "--interval", "0.1", "-o", file.c_str(),
            static_cast<char*>(nullptr));
      _exit(127);
    }
    usleep(800'000);
    kill(pid, signal_number);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status)) << "killed by signal " << WTERMSIG(status);
    EXPECT_EQ(WEXITSTATUS(status), 0);
    auto ls = run_netsnap({"ls", file});
    EXPECT_EQ(ls.exit_status, 0) << ls.err;
    EXPECT_EQ(ls.out.find(" 0 frames"), std::string::npos) << ls.out;
  }
}

TEST(CliTest, ErrorsAreOneLineAndNonZero) {
  TempDir tmp;
  netsnap::testing::write_file(tmp.path("text"), "just some text that is not a timeline at all");
  std::vector<std::vector<std::string>> cases = {
      {"ls", tmp.path("missing.nsnap")},
      {"ls", tmp.path("text")},
      {"dump", tmp.path("text")},
      {"record", "--bogus"},
      {"record", "--root", tmp.path("nowhere"), "--count", "1", "-o", tmp.path("o")},
      {"record", "--interval", "-1"},
      {"frobnicate"},
  };
  for (const auto& args : cases) {
    auto r = run_netsnap(args);
    EXPECT_NE(r.exit_status, 0) << args[0] << " " << args[1];
    EXPECT_EQ(count_lines(r.err), 1u) << r.err;
    EXPECT_EQ(r.err.rfind("netsnap: ", 0), 0u) << r.err;
  }
}

TEST(CliTest, DumpOfAMissingFrameNamesTheRange) {
  TempDir tmp;
  std::string file = tmp.path("f.nsnap");
  run_netsnap({"record", "--root", kFixtures + "/minimal", "--count", "1", "-o", file});
  auto r = run_netsnap({"dump", file, "--frame", "5"});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find("no frame 5"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace netsnap::cli
