// A frame's payload once decompressed: the input is a flat Cap'n Proto Snapshot message. The
// timeline reader only reaches this decoder with a payload whose checksum holds, which mutated
// files rarely have, so it is fuzzed on its own, as `netsnap dump` prints it and as the other
// commands decode it. A message that decodes must encode again into one that decodes to the same
// snapshot.
#include <stdexcept>

#include "fuzz/fuzz_targets.h"
#include "netsnap/model/snapshot_codec.h"

namespace netsnap::fuzz {

int fuzz_snapshot_decode(const uint8_t* data, size_t size) {
  model::Snapshot snapshot;
  try {
    model::snapshot_message_to_text(as_text(data, size));
    snapshot = model::decode_snapshot(as_text(data, size));
  } catch (const std::runtime_error&) {
    return 0;
  }
  FUZZ_CHECK(model::decode_snapshot(model::encode_snapshot(snapshot)) == snapshot);
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_snapshot_decode)
