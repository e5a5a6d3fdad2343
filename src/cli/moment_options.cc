#include "moment_options.h"

#include <iostream>

#include "commands.h"
#include "netsnap/render/safe_text.h"
#include "netsnap/timeline/moment.h"

namespace netsnap::cli {
namespace {

timeline::Moment parse(const std::string& option, const std::string& text) {
  try {
    if (option == "--at") return timeline::parse_time_moment(text);
    timeline::Moment moment = timeline::parse_moment(text);
    if (option == "--frame" && moment.kind != timeline::Moment::Kind::kFrame)
      throw timeline::MomentError("'" + text + "' is not a frame number (use --at for times)");
    return moment;
  } catch (const timeline::MomentError& e) {
    throw UsageError(option + ": " + e.what());
  }
}

size_t resolve(const timeline::TimelineReader& reader, const std::string& option,
               const timeline::Moment& moment) {
  timeline::ResolvedMoment resolved =
      timeline::resolve_moment(reader.frames(), moment, reader.path());
  const timeline::FrameInfo& info = reader.frames()[resolved.position];
  // Said only when it shows: times are printed to the millisecond.
  std::string used = timeline::format_time(info.capture_time_ns);
  std::string asked = resolved.requested_ns ? timeline::format_time(*resolved.requested_ns) : used;
  if (asked != used) {
    std::cerr << "netsnap: " << option << " " << moment.text << ": using frame " << info.frame
              << " (" << used << "), the latest at or before " << asked << "\n";
  }
  return resolved.position;
}

}  // namespace

void add_moment_options(CLI::App& command, MomentOptions& options) {
  auto* frame = command.add_option(
      "--frame", options.frame, "Frame number; negative counts from the end (default: the last)");
  auto* at = command.add_option(
      "--at", options.at,
      "The latest frame at or before TIME: 2026-11-21T03:12:05[Z], 03:12:05, +90s, -5m, @UNIX");
  frame->excludes(at);
}

void add_range_options(CLI::App& command, MomentOptions& options) {
  command.add_option("--from", options.from,
                     "First frame: a frame number or a time as --at takes it (default: the first)");
  command.add_option("--to", options.to,
                     "Last frame, included: a frame number or a time (default: the last)");
}

std::unique_ptr<timeline::TimelineReader> open_timeline(const std::string& path) {
  auto reader = std::make_unique<timeline::TimelineReader>(path);
  for (const auto& note : reader->recovery_notes())
    std::cerr << "netsnap: " << render::printable(note) << "\n";
  return reader;
}

size_t for_each_frame(const timeline::TimelineReader& reader, FrameSpan span,
                      const std::function<void(size_t, model::Snapshot&)>& fn) {
  size_t skipped = 0;
  for (size_t i = span.first; i <= span.last; ++i) {
    model::Snapshot snapshot;
    try {
      snapshot = reader.read_frame(i);
    } catch (const timeline::TimelineError& e) {
      std::cerr << "netsnap: skipped: " << render::printable(e.what()) << "\n";
      ++skipped;
      continue;
    }
    fn(i, snapshot);
  }
  return skipped;
}

size_t pick_moment(const timeline::TimelineReader& reader, const std::string& option,
                   const std::optional<std::string>& text, long long fallback) {
  // A fallback counts positions, and only negative frame moments do: 0 (the first) becomes -count.
  if (fallback >= 0) fallback -= static_cast<long long>(reader.frames().size());
  timeline::Moment moment{timeline::Moment::Kind::kFrame, fallback, 0, std::to_string(fallback)};
  if (text) moment = parse(option, *text);
  return resolve(reader, option, moment);
}

size_t pick_frame(const timeline::TimelineReader& reader, const MomentOptions& options,
                  long long fallback) {
  if (options.at) return pick_moment(reader, "--at", options.at, fallback);
  return pick_moment(reader, "--frame", options.frame, fallback);
}

FrameSpan pick_span(const timeline::TimelineReader& reader, const MomentOptions& options) {
  FrameSpan span{pick_moment(reader, "--from", options.from, 0),
                 pick_moment(reader, "--to", options.to, -1)};
  if (span.first > span.last)
    throw UsageError("--from " + options.from.value_or("0") + " (frame " +
                     std::to_string(reader.frames()[span.first].frame) + ") comes after --to " +
                     options.to.value_or("-1") + " (frame " +
                     std::to_string(reader.frames()[span.last].frame) + ")");
  return span;
}

}  // namespace netsnap::cli
