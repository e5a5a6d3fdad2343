// netsnap diff FILE [--from X] [--to Y] | netsnap diff A B [--from X] [--to Y]: what changed
// between two moments of one timeline, or between the last frames (or chosen moments) of two.
// Exit status as diff(1)'s: 0 when nothing differs, 1 when something does, 2 on trouble.
#include <unistd.h>

#include <iostream>

#include "commands.h"
#include "moment_options.h"
#include "netsnap/analysis/snapshot_diff.h"
#include "netsnap/render/diff_report.h"
#include "netsnap/timeline/moment.h"
#include "report_options.h"

namespace netsnap::cli {
namespace {

struct DiffCommandOptions {
  std::vector<std::string> files;
  MomentOptions moments;
  std::vector<std::string> filters;
  bool json = false;
  std::string colour = "auto";
};

// One side of the comparison: a frame of a timeline, and how the report names it.
struct Side {
  model::Snapshot snapshot;
  std::string label;
};

Side read_side(const timeline::TimelineReader& reader, size_t position) {
  const timeline::FrameInfo& info = reader.frames()[position];
  return {reader.read_frame(position), reader.path() + " frame " + std::to_string(info.frame) +
                                           " (" + timeline::format_time(info.capture_time_ns) +
                                           ")"};
}

// With one file, --from defaults to its first frame and --to to its last; with two, --from picks
// A's frame and --to B's, each defaulting to the last.
std::pair<Side, Side> read_sides(const DiffCommandOptions& options) {
  auto first = open_timeline(options.files[0]);
  if (options.files.size() == 1) {
    FrameSpan span = pick_span(*first, options.moments);
    return {read_side(*first, span.first), read_side(*first, span.last)};
  }
  auto second = open_timeline(options.files[1]);
  size_t from = pick_moment(*first, "--from", options.moments.from, -1);
  size_t to = pick_moment(*second, "--to", options.moments.to, -1);
  return {read_side(*first, from), read_side(*second, to)};
}

int run_diff(const DiffCommandOptions& options) {
  analysis::SocketFilter filter = parse_filters(options.filters);
  auto [before, after] = read_sides(options);
  analysis::apply_filter(filter, before.snapshot);
  analysis::apply_filter(filter, after.snapshot);
  analysis::DiffOptions diff_options{.sockets_only = !filter.matches_everything()};
  analysis::SnapshotDiff diff =
      analysis::diff_snapshots(before.snapshot, after.snapshot, diff_options);
  render::DiffLabels labels{before.label, after.label};
  std::cout << (options.json ? render::diff_json(diff, labels)
                             : render::diff_text(diff, labels, for_terminal(options.colour)));
  return diff.empty() ? 0 : 1;
}

}  // namespace

Command add_diff_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "diff",
      "What changed between two moments: sockets opened, closed and changed state, routes, "
      "interfaces and their counters, multicast groups, NAT flows, protocol statistics");
  auto options = std::make_shared<DiffCommandOptions>();
  cmd->add_option("FILE", options->files, "One timeline (two of its moments) or two (A B)")
      ->required()
      ->expected(1, 2);
  add_range_options(*cmd, options->moments);
  add_filter_option(*cmd, options->filters);
  cmd->add_flag("--json", options->json, "One JSON object instead of the report");
  add_when_option(*cmd, "--color", options->colour, "Colour the report");
  cmd->footer(
      "With one FILE, --from and --to pick its two moments (default: the first and the last "
      "frame). "
      "With two, --from picks A's moment and --to B's (default: each one's last frame). "
      "Exit status: 0 when nothing differs, 1 when something does, 2 on trouble.");
  // Trouble (an exception, a write error) exits 2: run() knows diff's statuses.
  return [options]() { return run_diff(*options); };
}

}  // namespace netsnap::cli
