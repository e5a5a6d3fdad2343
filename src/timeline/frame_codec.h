// Version-2 frame payloads (schema/FORMAT.md, "Frames"): a snapshot in storage form, written
// column by column, either whole (a keyframe) or as its changes against the frame before it (a
// delta): list entries matched by key are copied, changed field by field, dropped or inserted.
#pragma once

#include <string>
#include <string_view>
#include <tuple>

#include "netsnap/model/snapshot.h"
#include "netsnap/timeline/timeline.h"

namespace netsnap::timeline {

// Where the countdowns of one frame are counted from: a timer is stored as its deadline, the
// countdown plus the base of its unit, so a timer that only ticked down is stored unchanged.
struct TimerBases {
  uint64_t ticks = 0;         // clock ticks (USER_HZ): socket and multicast timers
  uint64_t seconds = 0;       // conntrack timeouts
  uint64_t centiseconds = 0;  // masquerade expiries
  bool operator==(const TimerBases&) const = default;
};

// A snapshot as frames store it: slots relative to the line, timers as deadlines.
struct StoredFrame {
  model::Snapshot snapshot;
  TimerBases bases;
  bool operator==(const StoredFrame&) const = default;
};

// What makes an inet socket the same socket from one frame to the next: deltas match sockets by
// it, and a timer keeps its deadline only on the same socket.
inline auto socket_key(const model::InetSocket& s) {
  return std::tuple(s.protocol, s.ipv6, s.local_address, s.local_port, s.remote_address,
                    s.remote_port, s.inode);
}
using SocketKey = decltype(socket_key(model::InetSocket{}));

// previous is the frame before (storage form), or null: the bases are then chosen afresh.
StoredFrame to_stored(const model::Snapshot& snapshot, const StoredFrame* previous);
model::Snapshot from_stored(StoredFrame frame);

// The columns of frame as a keyframe (base null) or as a delta against base, as format `version`
// (2 or 3) stores them.
std::string encode_frame(const StoredFrame* base, const StoredFrame& frame,
                         uint32_t version = kFormatVersion);

// Decodes columns written by encode_frame; base (null for a keyframe) is taken apart for the
// entries the delta copies. Throws TimelineError naming `where` for columns that do not decode,
// or that would take more than memory_budget bytes of snapshot; what it takes is subtracted.
StoredFrame decode_frame(StoredFrame* base, std::string_view columns, const std::string& where,
                         uint64_t& memory_budget, uint32_t version = kFormatVersion);

// A version-2 frame's raw payload (FORMAT.md, "Frames"): a prefix with the frame's stats and, for
// a delta, the number of the frame it is made against; then the columns of encode_frame().
std::string encode_frame_payload(const FrameStats& stats, const StoredFrame* base,
                                 const StoredFrame& frame, uint64_t base_frame,
                                 uint32_t version = kFormatVersion);

struct FramePayload {
  FrameStats stats;
  std::optional<uint64_t> base_frame;  // set for a delta
  std::string_view columns;            // into the payload given
};
// Throws TimelineError naming `where` when the prefix does not decode.
FramePayload split_frame_payload(std::string_view raw, const std::string& where);

}  // namespace netsnap::timeline
