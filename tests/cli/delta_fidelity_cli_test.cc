// Deltas change how frames are stored, never what they show: a timeline recorded with deltas
// renders every frame, in every netstat mode, byte for byte as the same moments recorded as
// keyframes only, and as the fixture root itself.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support/run_command.h"
#include "test_support/temp_dir.h"

namespace netsnap::cli {
namespace {

using netsnap::testing::run_netsnap;
using netsnap::testing::TempDir;

const std::string kFixtures = std::string(NETSNAP_SOURCE_DIR) + "/fixtures";

// The deploy sequence's four steps, twice over, then every other fixture root: sockets, routes,
// interfaces, groups and counters that come, go and change between frames.
std::vector<std::string> roots() {
  std::vector<std::string> out;
  for (int round = 0; round < 2; ++round)
    for (int step = 0; step < 4; ++step)
      out.push_back(kFixtures + "/deploy-sequence/step-" + std::to_string(step));
  for (const char* root : {"production-001", "ugly-inet", "ugly-unix", "ugly-system",
                           "routing-seed", "minimal", "production-001"})
    out.push_back(kFixtures + "/" + root);
  return out;
}

void record(const std::string& file, const std::string& keyframe_interval) {
  for (const auto& root : roots()) {
    auto r = run_netsnap({"record", "-q", "--root", root, "--count", "1", "--append",
                          "--keyframe-interval", keyframe_interval, "-o", file});
    ASSERT_EQ(r.exit_status, 0) << root << ": " << r.err;
  }
}

TEST(DeltaFidelityCliTest, EveryFrameShowsWhatItsKeyframeRecordingAndItsRootShow) {
  TempDir tmp;
  std::string deltas = tmp.path("deltas.nsnap"), keyframes = tmp.path("keyframes.nsnap");
  record(deltas, "3");  // short chains: keyframes and deltas both come up often
  record(keyframes, "0");
  auto ls = run_netsnap({"ls", deltas});
  ASSERT_NE(ls.out.find("keyframes and 11 deltas"), std::string::npos) << ls.out;

  const std::vector<std::vector<std::string>> modes = {{"-tan"}, {"-tanpeo"}, {"-uanp"},    {"-xa"},
                                                       {"-s"},   {"-rn"},     {"-r", "-6"}, {"-i"},
                                                       {"-ie"},  {"-gn"},     {"-M"}};
  std::vector<std::string> all = roots();
  for (size_t frame = 0; frame < all.size(); ++frame) {
    for (const auto& mode : modes) {
      auto args = [&](const std::string& file) {
        std::vector<std::string> a = {"show", file, "--frame", std::to_string(frame)};
        a.insert(a.end(), mode.begin(), mode.end());
        return a;
      };
      auto from_deltas = run_netsnap(args(deltas));
      auto from_keyframes = run_netsnap(args(keyframes));
      std::string what = all[frame] + " " + mode[0];
      EXPECT_EQ(from_deltas.out, from_keyframes.out) << what;
      EXPECT_EQ(from_deltas.err, from_keyframes.err) << what;
      EXPECT_EQ(from_deltas.exit_status, from_keyframes.exit_status) << what;
      // -M prints nothing for a frame without NAT'd flows; every other mode prints something.
      if (mode[0] != "-M") EXPECT_FALSE(from_deltas.out.empty() && from_deltas.err.empty()) << what;
    }
  }
}

}  // namespace
}  // namespace netsnap::cli
