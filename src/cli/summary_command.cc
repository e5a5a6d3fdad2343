// netsnap summary FILE [--from X] [--to Y] [--filter EXPR]: socket counts per protocol and TCP
// state frame by frame, the busiest ports, peers and processes.
#include <iostream>

#include "commands.h"
#include "moment_options.h"
#include "netsnap/analysis/timeline_summary.h"
#include "netsnap/render/summary_report.h"
#include "report_options.h"

namespace netsnap::cli {
namespace {

struct SummaryCommandOptions {
  std::string path;
  MomentOptions moments;
  std::vector<std::string> filters;
  bool json = false;
  bool all_frames = false;
  size_t top = 10;
  std::string charts = "auto";
};

int run_summary(const SummaryCommandOptions& options) {
  analysis::SocketFilter filter = parse_filters(options.filters);
  auto reader = open_timeline(options.path);
  FrameSpan span = pick_span(*reader, options.moments);
  analysis::SummaryBuilder builder;
  size_t skipped = for_each_frame(*reader, span, [&](size_t i, model::Snapshot& snapshot) {
    analysis::apply_filter(filter, snapshot);
    const timeline::FrameInfo& info = reader->frames()[i];
    builder.add_frame(info.frame, info.capture_time_ns, snapshot);
  });
  analysis::TimelineSummary summary = std::move(builder).finish(options.top);
  if (options.json) {
    std::cout << render::summary_json(summary);
  } else {
    render::SummaryTextOptions text{.charts = for_terminal(options.charts),
                                    .width = terminal_width(),
                                    .all_frames = options.all_frames};
    std::cout << render::summary_text(summary, text);
  }
  return skipped ? 1 : 0;
}

}  // namespace

Command add_summary_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "summary",
      "Socket counts per protocol and TCP state frame by frame, and the busiest ports, remote "
      "addresses and processes");
  auto options = std::make_shared<SummaryCommandOptions>();
  cmd->add_option("FILE", options->path, "Timeline file")->required();
  add_range_options(*cmd, options->moments);
  add_filter_option(*cmd, options->filters);
  cmd->add_flag("--json", options->json, "JSON instead of the table");
  cmd->add_flag("--all", options->all_frames,
                "A table row for every frame (default: at most 50, evenly spaced)");
  cmd->add_option("--top", options->top, "Entries in each ranking (0: all)")->default_val(10);
  add_when_option(*cmd, "--charts", options->charts, "Inline trend charts");
  return [options]() { return run_summary(*options); };
}

}  // namespace netsnap::cli
