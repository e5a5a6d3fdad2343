// netsnap export FILE --format json|jsonl|csv [--frame N | --from A --to B]: frames for other
// tools.
#include <iostream>

#include "commands.h"
#include "netsnap/render/export.h"
#include "netsnap/timeline/timeline.h"

namespace netsnap::cli {
namespace {

struct ExportOptions {
  std::string path;
  std::string format;
  std::optional<long long> frame, from, to;
};

// Positions in reader.frames(), inclusive. Frame numbers here mean what they mean to dump and show
// (positions; negative counts from the end). A time-based selection (--at, --since/--until) would
// be resolved to positions here, against FrameInfo::capture_time_ns, leaving the rest unchanged.
struct FrameRange {
  size_t first = 0, last = 0;
};

FrameRange select_frames(const ExportOptions& options, size_t count) {
  if (options.frame) {
    size_t i = select_frame(*options.frame, count, options.path);
    return {i, i};
  }
  // Default: the whole timeline, for every format.
  size_t first = select_frame(options.from.value_or(0), count, options.path);
  size_t last = select_frame(options.to.value_or(-1), count, options.path);
  if (first > last)
    throw UsageError("--from " + std::to_string(*options.from) + " comes after --to " +
                     std::to_string(*options.to));
  return {first, last};
}

int run_export(const ExportOptions& options) {
  auto format = render::parse_export_format(options.format);  // CLI11 already checked the name
  timeline::TimelineReader reader(options.path);
  for (const auto& note : reader.recovery_notes()) std::cerr << "netsnap: " << note << "\n";
  FrameRange range = select_frames(options, reader.frames().size());
  auto exporter = render::make_exporter(*format, std::cout);
  for (size_t i = range.first; i <= range.last; ++i) {
    model::Snapshot snapshot = reader.read_frame(i);
    const timeline::FrameInfo& info = reader.frames()[i];
    exporter->write_frame({info.frame, format_time(snapshot.host.capture_time_ns), &snapshot});
  }
  exporter->finish();
  return std::cout ? 0 : 1;
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
  auto* frame =
      cmd->add_option("--frame", options->frame, "Only this frame; negative counts from the end");
  auto* from = cmd->add_option("--from", options->from, "First frame (default: 0)");
  auto* to = cmd->add_option("--to", options->to, "Last frame, included (default: the last)");
  frame->excludes(from)->excludes(to);
  cmd->footer("Without --frame, --from or --to every frame is exported.");
  return [options]() { return run_export(*options); };
}

}  // namespace netsnap::cli
