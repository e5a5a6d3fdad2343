// netsnap export FILE --format json|jsonl|csv [--frame N | --at TIME | --from A --to B]: frames for
// other tools.
#include <iostream>

#include "commands.h"
#include "moment_options.h"
#include "netsnap/render/export.h"
#include "netsnap/timeline/moment.h"
#include "report_options.h"

namespace netsnap::cli {
namespace {

struct ExportOptions {
  std::string path;
  std::string format;
  MomentOptions moments;
  std::vector<std::string> filters;
};

int run_export(const ExportOptions& options) {
  auto format = render::parse_export_format(options.format);  // CLI11 already checked the name
  analysis::SocketFilter filter = parse_filters(options.filters);
  auto reader = open_timeline(options.path);
  const MomentOptions& moments = options.moments;
  FrameSpan span = pick_span(*reader, moments);
  if (moments.frame || moments.at) span.first = span.last = pick_frame(*reader, moments);
  auto exporter = render::make_exporter(*format, std::cout);
  size_t skipped = for_each_frame(*reader, span, [&](size_t i, model::Snapshot& snapshot) {
    analysis::apply_filter(filter, snapshot);
    const timeline::FrameInfo& info = reader->frames()[i];
    exporter->write_frame(
        {info.frame, timeline::format_time(snapshot.host.capture_time_ns), &snapshot});
  });
  exporter->finish();
  return skipped ? 1 : 0;
}

}  // namespace

Command add_export_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "export",
      "Export frames for other tools: json (whole snapshots), jsonl or csv (one row per socket)");
  auto options = std::make_shared<ExportOptions>();
  cmd->add_option("FILE", options->path, "Timeline file")->required();
  cmd->add_option("--format", options->format, "json, jsonl or csv")
      ->required()
      ->check(CLI::IsMember({"json", "jsonl", "csv"}));
  add_moment_options(*cmd, options->moments);
  add_range_options(*cmd, options->moments);
  add_filter_option(*cmd, options->filters);
  for (const char* single : {"--frame", "--at"})
    for (const char* range : {"--from", "--to"}) cmd->get_option(single)->excludes(range);
  cmd->footer("Without --frame, --at, --from or --to every frame is exported.");
  return [options]() { return run_export(*options); };
}

}  // namespace netsnap::cli
