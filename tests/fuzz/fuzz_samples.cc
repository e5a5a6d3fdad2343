#include "fuzz/fuzz_samples.h"

#include "netsnap/capture/snapshot_source.h"
#include "test_support/sample_snapshot.h"

namespace netsnap::fuzz {
namespace {

model::Snapshot capture_fixture(const char* name) {
  return capture::make_fixture_source(std::string(NETSNAP_SOURCE_DIR) + "/fixtures/" + name)
      ->capture();
}

}  // namespace

const std::vector<model::Snapshot>& sample_snapshots() {
  static const std::vector<model::Snapshot> samples{capture_fixture("production-001"),
                                                    capture_fixture("deploy-sequence/step-2"),
                                                    testing::sample_snapshot(0)};
  return samples;
}

}  // namespace netsnap::fuzz
