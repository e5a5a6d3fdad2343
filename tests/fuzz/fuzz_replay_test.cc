// Every input kept for a fuzz harness, replayed through the harness's entry function: the seed
// corpus (tests/fuzz/corpus/<harness>/) and the inputs that once crashed it
// (tests/fuzz/regressions/<harness>/), so that a crash found by tools/fuzz/run.sh stays a test.
// Here the code runs without sanitizers; tools/fuzz/run.sh replays the same files under ASan and
// UBSan before it fuzzes.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "fuzz/fuzz_targets.h"
#include "test_support/temp_dir.h"

namespace netsnap::fuzz {
namespace {

namespace fs = std::filesystem;

struct Harness {
  const char* name;
  int (*entry)(const uint8_t*, size_t);
};

constexpr Harness kHarnesses[] = {
    {"timeline_reader", fuzz_timeline_reader},
    {"snapshot_decode", fuzz_snapshot_decode},
    {"frame_columns", fuzz_frame_columns},
    {"proc_net_inet", fuzz_proc_net_inet},
    {"proc_net_unix", fuzz_proc_net_unix},
    {"proc_net_sctp", fuzz_proc_net_sctp},
    {"proc_net_route", fuzz_proc_net_route},
    {"proc_net_dev", fuzz_proc_net_dev},
    {"proc_net_igmp", fuzz_proc_net_igmp},
    {"proc_net_snmp", fuzz_proc_net_snmp},
    {"proc_net_conntrack", fuzz_proc_net_conntrack},
    {"process_text", fuzz_process_text},
    {"socket_filter", fuzz_socket_filter},
    {"moment", fuzz_moment},
    {"netstat_options", fuzz_netstat_options},
};

const fs::path kFuzzDir = fs::path(NETSNAP_SOURCE_DIR) / "tests" / "fuzz";

// The regular files directly in dir, sorted; none when dir does not exist.
std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.is_regular_file() && entry.path().filename() != "README.md")
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

// Runs one input; a crash ends the test binary, an escaping exception fails the test here.
void replay(const Harness& harness, const fs::path& input) {
  SCOPED_TRACE(input.string());
  std::string bytes = testing::read_file(input.string());
  const auto* data = reinterpret_cast<const uint8_t*>(bytes.data());
  EXPECT_EQ(harness.entry(data, bytes.size()), 0);
}

class FuzzReplayTest : public ::testing::TestWithParam<Harness> {};

TEST_P(FuzzReplayTest, SeedCorpus) {
  auto seeds = files_in(kFuzzDir / "corpus" / GetParam().name);
  EXPECT_FALSE(seeds.empty()) << "no seeds for " << GetParam().name;
  for (const auto& input : seeds) replay(GetParam(), input);
}

TEST_P(FuzzReplayTest, Regressions) {
  for (const auto& input : files_in(kFuzzDir / "regressions" / GetParam().name))
    replay(GetParam(), input);
}

INSTANTIATE_TEST_SUITE_P(Harnesses, FuzzReplayTest, ::testing::ValuesIn(kHarnesses),
                         [](const auto& info) { return std::string(info.param.name); });

// A harness file missing from kHarnesses would never be replayed.
TEST(FuzzReplayTest, EveryHarnessFileIsListed) {
  std::set<std::string> names;
  for (const auto& h : kHarnesses) names.insert(h.name);
  size_t files = 0;
  for (const auto& entry : fs::directory_iterator(kFuzzDir)) {
    std::string file = entry.path().filename().string();
    constexpr std::string_view kSuffix = "_fuzz.cc";
    if (file.size() <= kSuffix.size() || !file.ends_with(kSuffix)) continue;
    ++files;
    EXPECT_TRUE(names.count(file.substr(0, file.size() - kSuffix.size()))) << file;
  }
  EXPECT_EQ(files, names.size());
}

// A folder named after no harness would be silently skipped: a typo must show.
TEST(FuzzReplayTest, EveryInputFolderNamesAHarness) {
  std::set<std::string> names;
  for (const auto& h : kHarnesses) names.insert(h.name);
  for (const char* kind : {"corpus", "regressions"}) {
    if (!fs::is_directory(kFuzzDir / kind)) continue;
    for (const auto& entry : fs::directory_iterator(kFuzzDir / kind)) {
      if (!entry.is_directory()) continue;
      EXPECT_TRUE(names.count(entry.path().filename().string()))
          << entry.path() << " names no harness";
    }
  }
}

}  // namespace
}  // namespace netsnap::fuzz
