// record --root on a root that is not what it seems: a FIFO where a /proc file belongs once
// blocked the recorder forever in open(), with SIGINT and SIGTERM blocked. It is a warning now.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "test_support/run_command.h"
#include "test_support/temp_dir.h"

namespace netsnap::cli {
namespace {

namespace fs = std::filesystem;
using netsnap::testing::run_command;
using netsnap::testing::run_netsnap;
using netsnap::testing::TempDir;

TEST(HostileRootCliTest, AFifoInTheRootIsAWarningNotAHang) {
  TempDir tmp;
  std::string root = tmp.path("root");
  fs::copy(std::string(NETSNAP_SOURCE_DIR) + "/fixtures/production-001", root,
           fs::copy_options::recursive | fs::copy_options::copy_symlinks);
  fs::remove(root + "/proc/net/tcp");
  ASSERT_EQ(::mkfifo((root + "/proc/net/tcp").c_str(), 0644), 0);
  std::string file = tmp.path("t.nsnap");
  // The timeout only detects a hang; a capture takes milliseconds.
  auto r = run_command({"/usr/bin/timeout", "-s", "KILL", "60", NETSNAP_BINARY, "record", "--root",
                        root, "--count", "1", "-o", file});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_NE(r.err.find("proc/net/tcp: not a regular file (a FIFO)"), std::string::npos) << r.err;
  auto show = run_netsnap({"show", file, "-xa"});  // the rest was recorded
  EXPECT_EQ(show.exit_status, 0) << show.err;
  EXPECT_NE(show.out.find("Active UNIX domain sockets"), std::string::npos) << show.out;
}

}  // namespace
}  // namespace netsnap::cli
