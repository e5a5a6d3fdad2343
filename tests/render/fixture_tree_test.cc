// The fixture writer's directory tree (src/render/fixture_tree.h): whatever appears inside the
// target while it writes, nothing is written outside it.
#include "../../src/render/fixture_tree.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "test_support/temp_dir.h"

namespace netsnap::render::fixture {
namespace {

namespace fs = std::filesystem;
using netsnap::testing::TempDir;

class FixtureTreeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directory(tmp_.path("target"));
    fs::create_directory(tmp_.path("outside"));
  }
  std::string target(const std::string& relative = "") const {
    return tmp_.path("target") + (relative.empty() ? "" : "/" + relative);
  }
  bool outside_is_empty() const { return fs::is_empty(tmp_.path("outside")); }

  TempDir tmp_;
};

TEST_F(FixtureTreeTest, WritesFilesDirectoriesAndSymlinksBelowTheRoot) {
  FixtureTree tree(target());
  tree.write("proc/net/tcp", "text", 0600);
  tree.make_dir("proc/7/fd", 0);
  tree.symlink("socket:[42]", "proc/8/fd/3");
  EXPECT_EQ(netsnap::testing::read_file(target("proc/net/tcp")), "text");
  EXPECT_EQ(fs::status(target("proc/net/tcp")).permissions(),
            fs::perms::owner_read | fs::perms::owner_write);
  EXPECT_EQ(fs::status(target("proc/7/fd")).permissions(), fs::perms::none);
  EXPECT_EQ(fs::read_symlink(target("proc/8/fd/3")), "socket:[42]");
}

// A symlink planted where a directory of the tree goes is not followed.
TEST_F(FixtureTreeTest, ASymlinkedDirectoryInsideTheTargetIsNotFollowed) {
  FixtureTree tree(target());
  fs::create_directory_symlink(tmp_.path("outside"), target("sys"));
  EXPECT_THROW(tree.write("sys/class/net/eth0/mtu", "1500\n"), std::runtime_error);
  EXPECT_THROW(tree.make_dir("sys/class"), std::runtime_error);
  EXPECT_THROW(tree.symlink("x", "sys/link"), std::runtime_error);
  EXPECT_TRUE(outside_is_empty());
}

// A symlink planted where a file goes is neither followed nor replaced.
TEST_F(FixtureTreeTest, ASymlinkedFileInsideTheTargetIsNotWrittenThrough) {
  FixtureTree tree(target());
  netsnap::testing::write_file(tmp_.path("outside/victim"), "keep");
  fs::create_directory(target("etc"));
  fs::create_symlink(tmp_.path("outside/victim"), target("etc/passwd"));
  fs::create_symlink(tmp_.path("outside/new"), target("etc/hosts"));  // dangling
  EXPECT_THROW(tree.write("etc/passwd", "root:x:0:0::/:/bin/sh\n"), std::runtime_error);
  EXPECT_THROW(tree.write("etc/hosts", "x\n"), std::runtime_error);
  EXPECT_EQ(netsnap::testing::read_file(tmp_.path("outside/victim")), "keep");
  EXPECT_FALSE(fs::exists(tmp_.path("outside/new")));
}

TEST_F(FixtureTreeTest, PathsThatLeaveTheRootAreRefused) {
  FixtureTree tree(target());
  for (const char* relative : {"../outside/x", "proc/../../outside/x", "/x", "a//b", ""})
    EXPECT_THROW(tree.write(relative, "x"), std::runtime_error) << relative;
  EXPECT_TRUE(outside_is_empty());
}

TEST_F(FixtureTreeTest, TheRootItselfMustNotBeASymlink) {
  fs::create_directory_symlink(tmp_.path("outside"), tmp_.path("link"));
  EXPECT_THROW(FixtureTree tree(tmp_.path("link")), std::runtime_error);
}

}  // namespace
}  // namespace netsnap::render::fixture
