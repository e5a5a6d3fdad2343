// netsnap summary's output: a timeline summary (analysis/timeline_summary.h) as a text report for
// people or as JSON for scripts.
#pragma once

#include <cstddef>
#include <string>

#include "netsnap/analysis/timeline_summary.h"

namespace netsnap::render {

struct SummaryTextOptions {
  bool charts = false;      // add the Trends sparklines (Unicode blocks; for a terminal)
  size_t width = 80;        // columns the sparklines may fill
  bool all_frames = false;  // one table row per frame, however many
  size_t max_rows = 50;     // otherwise: at most this many evenly spaced rows, first and last kept
};

// One table row per frame (frame, time, total, a column per socket kind and per TCP state that is
// non-zero in some frame), then the busiest local ports, remote addresses and processes; with
// charts, a sparkline per column. Without charts the text is ASCII apart from data (program names
// are shown with control characters replaced by '?').
std::string summary_text(const analysis::TimelineSummary& summary,
                         const SummaryTextOptions& options);

// {"frames": [{"frame", "time", "total", "protocols": {kind: n}, "states": {state: n}}, ...],
//  "busiest_local_ports": [{"protocol", "port", "peak", "frame", "time"}, ...],
//  "busiest_remote_addresses": [{"address", "peak", "frame", "time"}, ...],
//  "processes": [{"pid", "program", "peak", "frame", "time"}, ...]}
// Each frame's "protocols" and "states" hold the same keys as the text table's columns (0 where a
// frame has none). Times are ISO 8601 UTC with milliseconds; indented by 2, newline-terminated.
std::string summary_json(const analysis::TimelineSummary& summary);

}  // namespace netsnap::render
