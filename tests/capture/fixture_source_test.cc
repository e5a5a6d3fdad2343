#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <future>

#include "netsnap/capture/snapshot_source.h"
#include "test_support/temp_dir.h"

namespace netsnap::capture {
namespace {

namespace fs = std::filesystem;
using netsnap::testing::TempDir;
using netsnap::testing::write_file;

// A tiny root: one listening and one established tcp socket, a unix socket, a process holding two
// of them, an interface, and name files.
class FixtureSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* d : {"proc/net", "proc/42/fd", "sys/class/net/eth0", "etc"})
      fs::create_directories(tmp_.dir() / d);
    write_file(tmp_.path("proc/net/tcp"),
               "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
               "timeout inode\n"
               "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0 "
               "       0 1001 1 0000000000000000 100 0 0 10 0\n"
               "   1: 0700000A:0016 0500000A:BEE9 01 00000024:00000000 01:0000001A 00000000  1000 "
               "       0 1003 1 0000000000000000 100 0 0 10 0\n"
               "   2: this line is broken\n");
    write_file(tmp_.path("proc/net/unix"),
               "Num       RefCount Protocol Flags    Type St Inode Path\n"
               "0000000000000000: 00000002 00000000 00010000 0001 01 15161 /run/a b\n");
    write_file(tmp_.path("proc/42/cmdline"), std::string("/usr/sbin/sshd\0-D\0", 18));
    write_file(tmp_.path("proc/42/comm"), "sshd\n");
    write_file(tmp_.path("proc/42/status"), "Name:\tsshd\nUid:\t7\t7\t7\t7\n");
    fs::create_symlink("socket:[1001]", tmp_.dir() / "proc/42/fd/3");
    fs::create_symlink("/dev/null", tmp_.dir() / "proc/42/fd/0");
    fs::create_symlink("socket:[15161]", tmp_.dir() / "proc/42/fd/4");
    write_file(tmp_.path("sys/class/net/eth0/mtu"), "9000\n");
    write_file(tmp_.path("sys/class/net/eth0/flags"), "0x1003\n");
    write_file(tmp_.path("sys/class/net/eth0/address"), "52:54:00:12:34:56\n");
    write_file(tmp_.path("etc/hosts"), "10.0.0.5 far.example.com far\n10.0.0.7 me\n");
    write_file(tmp_.path("etc/services"), "ssh 22/tcp\nmyssh 22/tcp\n");
    write_file(tmp_.path("etc/passwd"), "bob:x:1000:1000::/home/bob:/bin/sh\n");
  }
  TempDir tmp_;
};

TEST_F(FixtureSourceTest, CapturesEveryClassPresentAndRecordsAbsences) {
  model::Snapshot s = make_fixture_source(tmp_.dir().string())->capture();
  EXPECT_EQ(s.host.origin, model::Origin::kFixture);
  ASSERT_EQ(s.inet_sockets.size(), 2u);
  EXPECT_EQ(s.inet_sockets[1].remote_port, 48873);
  ASSERT_EQ(s.unix_sockets.size(), 1u);
  EXPECT_EQ(s.unix_sockets[0].path, "/run/a b");
  ASSERT_EQ(s.processes.size(), 1u);
  EXPECT_EQ(s.processes[0].pid, 42u);
  EXPECT_EQ(s.processes[0].uid, 7u);
  EXPECT_EQ(s.processes[0].comm, "sshd");
  EXPECT_EQ(s.processes[0].sockets.size(), 2u);
  ASSERT_EQ(s.interfaces.size(), 1u);
  EXPECT_EQ(s.interfaces[0].mtu, 9000u);
  EXPECT_EQ(s.interfaces[0].flags, 0x1003u);
  EXPECT_EQ(s.interfaces[0].hardware_address, std::string("\x52\x54\x00\x12\x34\x56", 6));
  ASSERT_NE(s.find_source("proc/net/tcp6"), nullptr);
  EXPECT_EQ(s.find_source("proc/net/tcp6")->state, model::SourceState::kAbsent);
  EXPECT_EQ(s.find_source("proc/net/tcp")->state, model::SourceState::kPresent);
}

TEST_F(FixtureSourceTest, MalformedLineBecomesAWarningWithFileAndLine) {
  model::Snapshot s = make_fixture_source(tmp_.dir().string())->capture();
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_EQ(s.warnings[0].path, "proc/net/tcp");
  EXPECT_EQ(s.warnings[0].line, 4u);
}

TEST_F(FixtureSourceTest, NamesComeFromTheRootsEtcFiles) {
  model::Snapshot s = make_fixture_source(tmp_.dir().string())->capture();
  auto host = [&](const char* a) -> std::string {
    for (const auto& h : s.names.hosts4)
      if (h.address == *model::IpAddress::parse(a)) return h.name;
    return "";
  };
  EXPECT_EQ(host("10.0.0.5"), "far.example.com");
  EXPECT_EQ(host("10.0.0.7"), "me");
  ASSERT_EQ(s.names.services.size(), 1u);
  EXPECT_EQ(s.names.services[0].name, "myssh");  // the last entry for a port wins
  bool bob = false;
  for (const auto& u : s.names.users) bob |= u.uid == 1000 && u.name == "bob";
  EXPECT_TRUE(bob);
}

// FIFOs where files belong (a hostile or broken root): each one becomes a warning naming it, as an
// unreadable file does, and the capture goes on; none blocks it. Should one block, a generous
// minute later its writing end is opened to let the capture go, and the test fails.
TEST_F(FixtureSourceTest, FifosAreWarningsNotHangs) {
  const std::vector<std::string> fifos = {"proc/net/tcp", "proc/42/cmdline",
                                          "sys/class/net/eth0/mtu", "etc/hosts"};
  for (const std::string& f : fifos) {
    fs::remove(tmp_.path(f));
    ASSERT_EQ(::mkfifo(tmp_.path(f).c_str(), 0644), 0) << f;
  }
  auto capture = std::async(std::launch::async,
                            [&] { return make_fixture_source(tmp_.dir().string())->capture(); });
  while (capture.wait_for(std::chrono::seconds(60)) == std::future_status::timeout) {
    ADD_FAILURE() << "the capture blocked on a FIFO";
    for (const std::string& f : fifos) {
      int fd = ::open(tmp_.path(f).c_str(), O_WRONLY | O_NONBLOCK);
      if (fd >= 0) ::close(fd);
    }
  }
  model::Snapshot s = capture.get();
  ASSERT_EQ(s.warnings.size(), 1u);
  EXPECT_EQ(s.warnings[0].path, "proc/net/tcp");
  EXPECT_EQ(s.warnings[0].kind, model::WarningKind::kUnreadable);
  EXPECT_EQ(s.warnings[0].message, "not a regular file (a FIFO)");
  EXPECT_EQ(s.find_source("proc/net/tcp")->state, model::SourceState::kUnreadable);
  EXPECT_EQ(s.unix_sockets.size(), 1u);  // the rest was read
  ASSERT_EQ(s.interfaces.size(), 1u);
  EXPECT_FALSE(s.interfaces[0].mtu.has_value());
  EXPECT_EQ(s.interfaces[0].flags, 0x1003u);
}

TEST(FixtureSourceErrors, RootWithoutProcIsRejected) {
  TempDir tmp;
  EXPECT_THROW(make_fixture_source(tmp.dir().string()), std::runtime_error);
  EXPECT_THROW(make_fixture_source(tmp.path("nope")), std::runtime_error);
}

}  // namespace
}  // namespace netsnap::capture
