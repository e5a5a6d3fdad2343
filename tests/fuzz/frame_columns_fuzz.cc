// A version-2 frame's payload once decompressed: its prefix, then its columns (FORMAT.md,
// "Frames"). The timeline reader only reaches this decoder with a payload whose checksum holds, so
// it is fuzzed on its own. The first byte picks a keyframe (even) or a delta against a fixed
// frame (odd); the rest is the payload. A frame that decodes must encode again, as a keyframe,
// into one that decodes to the same frame.
#include "fuzz/fuzz_targets.h"
#include "netsnap/timeline/record_format.h"
#include "test_support/sample_snapshot.h"
#include "timeline/frame_codec.h"

namespace netsnap::fuzz {

int fuzz_frame_columns(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const timeline::StoredFrame base =
      timeline::to_stored(netsnap::testing::sample_snapshot(0), nullptr);
  bool delta = data[0] & 1;
  timeline::StoredFrame frame;
  try {
    auto payload = timeline::split_frame_payload(as_text(data + 1, size - 1), "fuzz");
    timeline::StoredFrame working = base;
    uint64_t budget = 64u << 20;
    frame = timeline::decode_frame(delta ? &working : nullptr, payload.columns, "fuzz", budget);
  } catch (const timeline::TimelineError&) {
    return 0;
  }
  std::string again = timeline::encode_frame(nullptr, frame);
  uint64_t budget = 1u << 30;
  FUZZ_CHECK(timeline::decode_frame(nullptr, again, "again", budget) == frame);
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_frame_columns)
