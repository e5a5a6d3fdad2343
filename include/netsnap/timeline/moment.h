// Naming a moment of a timeline: a frame number, a date-time, a time of day or an offset, resolved
// through the frame index alone (no frame is decoded).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "netsnap/timeline/timeline.h"

namespace netsnap::timeline {

// A moment as a user wrote it (--frame, --at, --from, --to).
struct Moment {
  enum class Kind {
    kFrame,      // frame: position in the timeline, negative counts from the end
    kTime,       // ns: nanoseconds since the Unix epoch
    kTimeOfDay,  // ns: nanoseconds after local midnight
    kFromStart,  // ns: offset after the first frame's time
    kFromEnd,    // ns: offset before the last frame's time
  };
  Kind kind = Kind::kFrame;
  long long frame = -1;
  int64_t ns = 0;
  std::string text;  // as written, for messages
};

// Text that names no moment; what() says what was expected.
struct MomentError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A time, in any of these forms (zone-less times are local time, as TZ says):
//   2026-11-21T03:12:05[.250][Z|+01:00]  ISO 8601 ('T' or a space; seconds optional; a date alone
//                                        is its midnight)
//   03:12[:05[.250]]                     a time of day: its latest occurrence at or before the
//                                        timeline's last frame
//   +90s  -5m  +1h30m  -250ms            from the first frame (+) or back from the last (-);
//                                        units ms, s, m, h, d
//   @1795000000[.5]                      Unix time in seconds
Moment parse_time_moment(std::string_view text);

// A frame number ("12", "-1") or any form parse_time_moment accepts.
Moment parse_moment(std::string_view text);

struct ResolvedMoment {
  size_t position = 0;                  // in frames
  std::optional<int64_t> requested_ns;  // the absolute time asked for, for time moments
};

// The frame a moment names: for a time, the latest frame whose capture time is at or before it
// (the later one when two share a time). Throws TimelineError, naming the timeline's frames or
// its time span, when there is no such frame. `path` is for messages.
ResolvedMoment resolve_moment(const FrameList& frames, const Moment& moment,
                              const std::string& path);

// ISO 8601 UTC with milliseconds: 2026-11-21T05:42:38.123Z
std::string format_time(int64_t ns);

}  // namespace netsnap::timeline
