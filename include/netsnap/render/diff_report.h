// `netsnap diff`'s two renderings of analysis::SnapshotDiff: a report for people, grouped by
// what changed, and one JSON object for scripts.
#pragma once

#include <string>

#include "netsnap/analysis/snapshot_diff.h"

namespace netsnap::render {

// How the report names the two snapshots, e.g. "capture.nsnap frame 3 (2026-11-21T05:42:38.123Z)".
struct DiffLabels {
  std::string from, to;
};

// First a line naming both snapshots and the time between them, then one section per kind of
// change (sockets, routes, interfaces, multicast, NAT flows, statistics), each a heading with
// counts and lines starting "+ " (appeared), "- " (gone) or "~ " (changed); empty sections are
// left out. "no differences\n" alone when the diff is empty. `colour` paints the lines green, red
// and yellow and the headings bold with ANSI escapes; without it the text has no escape bytes.
std::string diff_text(const analysis::SnapshotDiff& diff, const DiffLabels& labels, bool colour);

// One JSON object: {"from", "to", "elapsed_seconds" (null when unknown), "rebooted",
// "sockets_only", "sockets", "routes", "interfaces", "multicast", "nat", "statistics",
// "differs"}, addresses as numeric text and counters as raw numbers.
std::string diff_json(const analysis::SnapshotDiff& diff, const DiffLabels& labels);

}  // namespace netsnap::render
