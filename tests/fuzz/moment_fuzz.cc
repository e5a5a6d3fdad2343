// --frame/--at/--from/--to: the input is one moment. One that parses is resolved against a
// three-frame timeline, and the time it asked for is formatted as the commands print it.
#include "fuzz/fuzz_targets.h"
#include "netsnap/timeline/moment.h"

namespace netsnap::fuzz {

int fuzz_moment(const uint8_t* data, size_t size) {
  constexpr int64_t kStart = 1'795'000'000'000'000'000;  // 2026-11-18
  static const std::vector<timeline::FrameInfo> kFrames{
      {0, kStart, 32, timeline::RecordType::kKeyframe},
      {1, kStart + 1'500'000'000, 1000, timeline::RecordType::kKeyframe},
      {2, kStart + 3'600'000'000'000, 2000, timeline::RecordType::kKeyframe}};
  timeline::Moment moment;
  try {
    moment = timeline::parse_moment(as_text(data, size));
  } catch (const timeline::MomentError&) {
    return 0;
  }
  try {
    timeline::ResolvedMoment resolved = timeline::resolve_moment(kFrames, moment, "fuzz.nsnap");
    FUZZ_CHECK(resolved.position < kFrames.size());
    if (resolved.requested_ns) timeline::format_time(*resolved.requested_ns);
  } catch (const timeline::TimelineError&) {
  }
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_moment)
