// How every command that reads a timeline names its frames: --frame N or --at TIME for one
// moment, --from MOMENT and --to MOMENT for a range (a MOMENT is a frame number or a time; see
// timeline/moment.h for the forms).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

#include "netsnap/timeline/timeline.h"

namespace netsnap::cli {

struct MomentOptions {
  std::optional<std::string> frame, at;  // one moment
  std::optional<std::string> from, to;   // a range
};

// Registers --frame and --at (either, not both) on a subcommand.
void add_moment_options(CLI::App& command, MomentOptions& options);
// Registers --from and --to.
void add_range_options(CLI::App& command, MomentOptions& options);

// Opens a timeline, printing on stderr what was lost if it is damaged.
std::unique_ptr<timeline::TimelineReader> open_timeline(const std::string& path);

// The frame --frame or --at names (`fallback` when neither is given: a position, 0 the first
// frame, -1 the last), as a position in reader.frames(). Says on stderr which frame a time resolved
// to when that frame's time is not the time asked for. Throws UsageError for text that names no
// moment.
size_t pick_frame(const timeline::TimelineReader& reader, const MomentOptions& options,
                  long long fallback = -1);

// Positions [first, last] that --from and --to name (default: the whole timeline).
struct FrameSpan {
  size_t first = 0, last = 0;
};
FrameSpan pick_span(const timeline::TimelineReader& reader, const MomentOptions& options);

// Reads the frames of span in order (each delta decoded once) and calls fn(position, snapshot)
// for each; a frame that cannot be read (damaged, or a delta whose base is lost) is skipped with a
// line on stderr saying why. Returns how many were skipped.
size_t for_each_frame(const timeline::TimelineReader& reader, FrameSpan span,
                      const std::function<void(size_t, model::Snapshot&)>& fn);

// One moment's text (as --from or --to takes it) resolved the same way (`fallback`, a position,
// when there is no text), for commands that read the two ends separately (diff of two files).
size_t pick_moment(const timeline::TimelineReader& reader, const std::string& option,
                   const std::optional<std::string>& text, long long fallback);

}  // namespace netsnap::cli
