// Reading files of a root: only regular files are read, and nothing blocks (a FIFO in a fixture
// root once stopped `record --root` forever in open()).
#include "netsnap/capture/root_fs.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <future>

#include "test_support/temp_dir.h"

namespace netsnap::capture {
namespace {

namespace fs = std::filesystem;
using netsnap::testing::TempDir;

// read_file(path) in a thread; when it has not returned after a generous minute (it would block
// forever in open() of a FIFO), the FIFO's writing end is opened and closed to let it go.
ReadResult read_without_hanging(const std::string& path) {
  auto result = std::async(std::launch::async, [path] { return read_file(path); });
  if (result.wait_for(std::chrono::seconds(60)) == std::future_status::timeout) {
    ADD_FAILURE() << path << ": read_file blocked";
    int fd = ::open(path.c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0) ::close(fd);
  }
  return result.get();
}

TEST(RootFsTest, ARegularFileIsRead) {
  TempDir tmp;
  netsnap::testing::write_file(tmp.path("f"), "text\n");
  ReadResult r = read_file(tmp.path("f"));
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.text, "text\n");
  EXPECT_EQ(read_file(tmp.path("missing")).state, ReadResult::State::kAbsent);
}

TEST(RootFsTest, AFifoIsUnreadableAtOnce) {
  TempDir tmp;
  std::string fifo = tmp.path("tcp");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0644), 0) << std::strerror(errno);
  ReadResult r = read_without_hanging(fifo);
  EXPECT_EQ(r.state, ReadResult::State::kUnreadable);
  EXPECT_EQ(r.reason, "not a regular file (a FIFO)");
  EXPECT_NE(r.error_number, 0);
}

TEST(RootFsTest, DirectoriesSocketsAndDevicesAreUnreadable) {
  TempDir tmp;
  fs::create_directory(tmp.path("dir"));
  ReadResult dir = read_file(tmp.path("dir"));
  EXPECT_EQ(dir.state, ReadResult::State::kUnreadable);
  EXPECT_EQ(dir.reason, "not a regular file (a directory)");
  EXPECT_EQ(dir.error_number, EISDIR);

  ReadResult device = read_file("/dev/zero");  // would fill max_bytes with zeros
  EXPECT_EQ(device.state, ReadResult::State::kUnreadable);
  EXPECT_EQ(device.reason, "not a regular file (a character device)");

  // A socket in the file system cannot be opened at all (ENXIO): unreadable with that reason.
  int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(s, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::string path = tmp.path("sock");
  ASSERT_LT(path.size(), sizeof address.sun_path);
  std::strcpy(address.sun_path, path.c_str());
  ASSERT_EQ(::bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ReadResult socket = read_file(path);
  ::close(s);
  EXPECT_EQ(socket.state, ReadResult::State::kUnreadable);
  EXPECT_FALSE(socket.reason.empty());
}

// A symlink to a FIFO is a FIFO: the type is checked on what was opened.
TEST(RootFsTest, ASymlinkToAFifoIsUnreadableToo) {
  TempDir tmp;
  ASSERT_EQ(::mkfifo(tmp.path("fifo").c_str(), 0644), 0);
  fs::create_symlink(tmp.path("fifo"), tmp.path("link"));
  EXPECT_EQ(read_without_hanging(tmp.path("link")).reason, "not a regular file (a FIFO)");
}

}  // namespace
}  // namespace netsnap::capture
