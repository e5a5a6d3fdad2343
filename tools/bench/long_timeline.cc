// Writes a long timeline quickly, for the seek and open benchmarks: one fixture root captured
// once, then written FRAMES times through the ordinary TimelineWriter with capture times one
// second apart.
//
//   netsnap_long_timeline ROOT FRAMES OUT
#include <cstdio>
#include <cstdlib>
#include <string>

#include "netsnap/capture/snapshot_source.h"
#include "netsnap/timeline/timeline.h"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s ROOT FRAMES OUT\n", argv[0]);
    return 2;
  }
  using netsnap::timeline::TimelineWriter;
  auto snapshot = netsnap::capture::make_fixture_source(argv[1])->capture();
  long long frames = std::atoll(argv[2]);
  try {
    TimelineWriter writer(argv[3], TimelineWriter::Mode::kReplace);
    for (long long i = 0; i < frames; ++i) {
      writer.write_frame(snapshot);
      snapshot.host.capture_time_ns += 1'000'000'000;
    }
    writer.close();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "netsnap_long_timeline: %s\n", e.what());
    return 1;
  }
  return 0;
}
