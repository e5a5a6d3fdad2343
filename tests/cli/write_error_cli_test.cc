// Output that cannot be written is an error, never a silent success: every command run with its
// standard output on /dev/full (each write fails with ENOSPC) says so in one line and exits with
// its trouble status (2 for diff, 1 for the others).
#include <gtest/gtest.h>

#include "test_support/run_command.h"
#include "test_support/temp_dir.h"

namespace netsnap::cli {
namespace {

using netsnap::testing::CommandResult;
using netsnap::testing::run_command;
using netsnap::testing::run_netsnap;
using netsnap::testing::TempDir;

const std::string kFixtures = std::string(NETSNAP_SOURCE_DIR) + "/fixtures";
constexpr char kFullDiskLine[] =
    "netsnap: write error on standard output: No space left on device\n";

// netsnap ARGS > /dev/full, stderr captured.
CommandResult run_to_full_disk(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"/bin/sh", "-c", "exec \"$0\" \"$@\" > /dev/full",
                                   NETSNAP_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv);
}

class WriteErrorCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rec = run_netsnap({"record", "--root", kFixtures + "/production-001", "--count", "2",
                            "--interval", "0.05", "-o", file_});
    ASSERT_EQ(rec.exit_status, 0) << rec.err;
  }
  TempDir tmp_;
  std::string file_ = tmp_.path("t.nsnap");
};

TEST_F(WriteErrorCliTest, EveryCommandReportsAFullDisk) {
  const std::vector<std::vector<std::string>> commands = {
      {"ls", file_},
      {"dump", file_},
      {"show", file_, "-tan"},
      {"show", file_, "-c", "-s"},
      {"show", "--help"},
      {"export", file_, "--format", "csv"},
      {"export", file_, "--format", "json"},
      {"summary", file_},
      {"summary", file_, "--json"},
      {"netstat", "-rn"},
      {"--help"},
      {"ls", "--help"},
      {"--version"},
  };
  for (const auto& args : commands) {
    std::string name = args[0] + (args.size() > 2 ? " " + args.back() : "");
    // Each prints something when its output can be written.
    CommandResult fine = run_netsnap(args);
    EXPECT_EQ(fine.exit_status, 0) << name << ": " << fine.err;
    EXPECT_FALSE(fine.out.empty()) << name;
    CommandResult full = run_to_full_disk(args);
    EXPECT_EQ(full.exit_status, 1) << name;
    EXPECT_EQ(full.err, kFullDiskLine) << name;
  }
}

// diff's 1 means "something differs"; trouble is 2.
TEST_F(WriteErrorCliTest, DiffSaysSoWithItsTroubleStatus) {
  for (std::vector<std::string> args : {std::vector<std::string>{"diff", file_},
                                        std::vector<std::string>{"diff", file_, "--json"}}) {
    CommandResult fine = run_netsnap(args);
    EXPECT_LE(fine.exit_status, 1) << fine.err;
    CommandResult full = run_to_full_disk(args);
    EXPECT_EQ(full.exit_status, 2) << args.back();
    EXPECT_EQ(full.err, kFullDiskLine) << args.back();
  }
}

// A write that fails ends netstat -c's loop (which would otherwise go on forever).
TEST(WriteErrorLiveCliTest, NetstatContinuousStopsAtTheFirstLostCycle) {
  CommandResult full = run_command({"/usr/bin/timeout", "-s", "KILL", "60", "/bin/sh", "-c",
                                    "exec \"$0\" netstat -c -t > /dev/full", NETSNAP_BINARY});
  EXPECT_EQ(full.exit_status, 1);
  EXPECT_EQ(full.err, kFullDiskLine);
}

}  // namespace
}  // namespace netsnap::cli
