// netsnap materialize's writer: for every checked-in fixture, capture -> write_fixture_root ->
// capture again gives the same snapshot, and (as root, with the oracle) the real netstat on the
// written root prints what render_netstat prints for the original snapshot.
#include "netsnap/render/fixture_writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "netsnap/capture/snapshot_source.h"
#include "netsnap/model/snapshot_codec.h"
#include "netsnap/render/safe_text.h"
#include "test_support/fixture_roots.h"
#include "test_support/temp_dir.h"

namespace netsnap::render {
namespace {

namespace fs = std::filesystem;

model::Snapshot capture(const fs::path& root) {
  return capture::make_fixture_source(root.string())->capture();
}

// What legitimately differs between two captures of equal data: timing, where the root was,
// and the order readdir gives (proc/, proc/PID/fd/, sys/class/net/), which the file system
// decides. Interfaces known only from sys/class/net come last, in readdir order.
model::Snapshot normalized(model::Snapshot s) {
  s.host.capture_time_ns = s.host.monotonic_time_ns = s.host.capture_duration_ns = 0;
  s.host.fixture_root.clear();
  s.names.source.clear();
  for (auto& p : s.processes) {
    std::sort(p.sockets.begin(), p.sockets.end(),
              [](const auto& a, const auto& b) { return a.fd < b.fd; });
  }
  std::sort(s.processes.begin(), s.processes.end(),
            [](const auto& a, const auto& b) { return a.pid < b.pid; });
  auto sysfs_only = std::stable_partition(
      s.interfaces.begin(), s.interfaces.end(),
      [](const model::Interface& i) { return i.counters || !i.addresses6.empty(); });
  std::sort(sysfs_only, s.interfaces.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });
  // Root opens the mode-000 fd directories written for denied PIDs: they count as seen.
  if (geteuid() == 0) s.process_scan.pids_fd_denied = 0;
  return s;
}

// The first line where the two snapshots' Cap'n Proto texts differ, with a little context.
std::string first_difference(const model::Snapshot& a, const model::Snapshot& b) {
  auto lines = [](const model::Snapshot& s) {
    std::vector<std::string> out;
    std::istringstream in(model::snapshot_message_to_text(model::encode_snapshot(s)));
    // The text is one message; break it at field boundaries to make lines comparable.
    std::string text((std::istreambuf_iterator<char>(in)), {});
    for (size_t start = 0; start < text.size();) {
      size_t end = std::min(text.find(", ", start), text.size());
      out.push_back(text.substr(start, end - start));
      start = end + 2;
    }
    return out;
  };
  auto x = lines(a), y = lines(b);
  size_t i = 0;
  while (i < x.size() && i < y.size() && x[i] == y[i]) ++i;
  std::string context = i > 0 ? x[i - 1] + ", " : "";
  return "after '" + context + "':\n  original:    " + (i < x.size() ? x[i] : "<end>") +
         "\n  materialized: " + (i < y.size() ? y[i] : "<end>");
}

TEST(FixtureWriterTest, EveryFixtureSurvivesMaterializeAndRecapture) {
  auto roots = netsnap::testing::fixture_roots();
  ASSERT_GE(roots.size(), 5u);
  netsnap::testing::TempDir tmp;
  for (const auto& root : roots) {
    SCOPED_TRACE(root.string());
    model::Snapshot original = normalized(capture(root));
    fs::path out = tmp.dir() / netsnap::testing::fixture_name(root);
    fs::create_directories(out.parent_path());
    write_fixture_root(original, out.string());
    model::Snapshot again = normalized(capture(out));
    // The malformed fixture's bad lines are what its warnings are about; the writer only
    // writes what was understood, so those warnings (alone) do not come back.
    if (root.filename() == "malformed") {
      EXPECT_FALSE(original.warnings.empty());
      original.warnings.clear();
      again.warnings.clear();
    }
    EXPECT_TRUE(original == again) << first_difference(original, again);
  }
}

TEST(FixtureWriterTest, RefusesANonEmptyDirectoryAndNamesIt) {
  netsnap::testing::TempDir tmp;
  model::Snapshot s;
  netsnap::testing::write_file(tmp.path("file"), "x");
  try {
    write_fixture_root(s, tmp.dir().string());
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(tmp.dir().string()), std::string::npos) << e.what();
  }
  EXPECT_THROW(write_fixture_root(s, tmp.path("file")), std::runtime_error);
  fs::create_directory(tmp.path("empty"));
  write_fixture_root(s, tmp.path("empty"));
  EXPECT_TRUE(fs::is_directory(tmp.path("empty/proc")));
}

// A symlink to an empty directory is not the directory: the writer would write through it.
TEST(FixtureWriterTest, RefusesASymlinkedTarget) {
  netsnap::testing::TempDir tmp;
  fs::create_directory(tmp.path("elsewhere"));
  fs::create_directory_symlink(tmp.path("elsewhere"), tmp.path("link"));
  EXPECT_THROW(write_fixture_root(model::Snapshot{}, tmp.path("link")), std::runtime_error);
  EXPECT_TRUE(fs::is_empty(tmp.path("elsewhere")));
}

// As mkdir -p: missing parents are made (a trailing '/' is fine too).
TEST(FixtureWriterTest, MakesMissingParents) {
  netsnap::testing::TempDir tmp;
  write_fixture_root(model::Snapshot{}, tmp.path("missing/parents/root/"));
  EXPECT_TRUE(fs::is_directory(tmp.path("missing/parents/root/proc")));
}

// Interface names become directories (sys/class/net/NAME): one that is not a file name stops the
// writer before it writes anything, with a line naming it; nothing appears outside the target.
TEST(FixtureWriterTest, RefusesInterfaceNamesThatAreNotFileNames) {
  for (std::string name :
       std::vector<std::string>{"../../../../x", "..", ".", "", "a/b", std::string("a\0b", 3)}) {
    SCOPED_TRACE(name);
    netsnap::testing::TempDir tmp;
    model::Snapshot s;
    model::Interface hostile;
    hostile.name = name;
    hostile.mtu = 1500;
    hostile.flags = 0x1043;
    s.interfaces.push_back(hostile);
    try {
      write_fixture_root(s, tmp.path("a/b/c/d/root"));
      FAIL() << "expected UnsafeFileName";
    } catch (const UnsafeFileName& e) {
      EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
      EXPECT_EQ(std::string(e.what()).rfind("interface name '" + printable(name) + "'", 0), 0u)
          << e.what();
    }
    EXPECT_TRUE(fs::is_empty(tmp.dir())) << "something was written";
  }
}

// A frame that counts billions of processes would ask for a stand-in directory each.
TEST(FixtureWriterTest, RefusesMoreProcessesThanLinuxCanRun) {
  netsnap::testing::TempDir tmp;
  model::Snapshot s;
  s.process_scan.pids_seen = 4'000'000'000u;
  try {
    write_fixture_root(s, tmp.path("root"));
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("more than Linux can run"), std::string::npos) << e.what();
  }
  EXPECT_TRUE(fs::is_empty(tmp.dir())) << "something was written";
  s.process_scan.pids_seen = 1000;  // a real count still works
  EXPECT_NO_THROW(write_fixture_root(s, tmp.path("root")));
  EXPECT_TRUE(fs::exists(tmp.path("root/proc/1000/fd")));
}

// Absent sources stay absent; the name files are always there, so that nothing falls back to
// this machine's /etc.
TEST(FixtureWriterTest, AbsentSourcesStayAbsentAndNameFilesAlwaysExist) {
  netsnap::testing::TempDir tmp;
  model::Snapshot s;
  s.sources = {{"proc/net/tcp", model::SourceState::kPresent, 0},
               {"proc/net/udp", model::SourceState::kAbsent, 0}};
  write_fixture_root(s, tmp.path("root"));
  EXPECT_TRUE(fs::exists(tmp.path("root/proc/net/tcp")));
  EXPECT_FALSE(fs::exists(tmp.path("root/proc/net/udp")));
  EXPECT_FALSE(fs::exists(tmp.path("root/proc/net/unix")));
  for (const char* f : {"hosts", "networks", "services", "protocols", "passwd"})
    EXPECT_TRUE(fs::exists(tmp.path(std::string("root/etc/") + f))) << f;
}

}  // namespace
}  // namespace netsnap::render
