// netsnap record: capture snapshots at an interval into a timeline until told to stop.
#include <signal.h>
#include <time.h>

#include <cmath>
#include <iostream>
#include <set>

#include "commands.h"
#include "netsnap/capture/snapshot_source.h"
#include "netsnap/render/safe_text.h"
#include "netsnap/timeline/timeline.h"

namespace netsnap::cli {
namespace {

struct RecordOptions {
  std::string output = "netsnap.nsnap";
  uint32_t keyframe_interval = timeline::kDefaultKeyframeInterval;
  std::string root;
  double interval = 1.0;
  long long count = 0;    // 0: no limit
  double duration = 0.0;  // 0: no limit
  bool append = false;
  bool force = false;
  bool quiet = false;
};

double monotonic_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

// SIGINT, SIGTERM and SIGHUP are blocked and taken synchronously, so a signal never cuts a frame
// in half: the frame in progress is finished, then the file is closed with its index.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGHUP);
    sigprocmask(SIG_BLOCK, &set_, &old_);
  }
  ~StopSignals() { sigprocmask(SIG_SETMASK, &old_, nullptr); }
  // Sleeps up to seconds; true when a stop signal arrived (now or while capturing).
  bool wait(double seconds) const {
    timespec ts{static_cast<time_t>(seconds), static_cast<long>(std::fmod(seconds, 1.0) * 1e9)};
    if (seconds <= 0) ts = {0, 0};
    return sigtimedwait(&set_, nullptr, &ts) > 0;
  }

 private:
  sigset_t set_{}, old_{};
};

// Prints the warnings of a frame that the previous frame did not have.
void report_new_warnings(const model::Snapshot& s, std::set<std::string>& seen) {
  std::set<std::string> now;
  for (const auto& w : s.warnings) {
    std::string text = render::warning_text(w);
    if (!seen.count(text)) std::cerr << "netsnap: warning: " << text << "\n";
    now.insert(text);
  }
  seen = std::move(now);
}

timeline::TimelineWriter open_output(const RecordOptions& o) {
  using Mode = timeline::TimelineWriter::Mode;
  Mode mode = o.append ? Mode::kAppend : o.force ? Mode::kReplace : Mode::kCreate;
  try {
    return timeline::TimelineWriter(o.output, mode, {.keyframe_interval = o.keyframe_interval});
  } catch (const timeline::TimelineExists& e) {
    throw UsageError(std::string(e.what()) +
                     "; give --append to continue it or --force to replace it");
  }
}

int record(const RecordOptions& o) {
  // Blocked before the source starts its name-resolver thread, which inherits the mask: a stop
  // signal delivered to that thread would otherwise kill the recorder mid-frame.
  StopSignals signals;
  auto source = o.root.empty() ? capture::make_live_source() : capture::make_fixture_source(o.root);
  timeline::TimelineWriter writer = open_output(o);
  for (const auto& note : writer.recovery_notes())
    std::cerr << "netsnap: recovered: " << render::printable(note) << "\n";
  const double start = monotonic_seconds();
  std::set<std::string> seen_warnings;
  long long written = 0, failed = 0;
  for (double next = start;; next += o.interval) {
    model::Snapshot snapshot = source->capture();
    report_new_warnings(snapshot, seen_warnings);
    try {
      writer.write_frame(snapshot);
      ++written;
    } catch (const timeline::TimelineError& e) {
      ++failed;  // e.g. a full disk: the file still holds every earlier frame; keep trying
      std::cerr << "netsnap: " << e.what() << "\n";
    }
    if (o.count && written + failed >= o.count) break;
    double wake = next + o.interval;
    if (o.duration > 0 && wake - start >= o.duration) break;
    if (signals.wait(wake - monotonic_seconds())) break;
  }
  writer.close();
  if (!o.quiet)
    std::cerr << "netsnap: recorded " << written << " frame" << (written == 1 ? "" : "s") << " to "
              << o.output << " (" << writer.frames_written() << " in the file)\n";
  return failed ? 1 : 0;
}

}  // namespace

Command add_record_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("record", "Record snapshots of the network state into a timeline");
  auto o = std::make_shared<RecordOptions>();
  cmd->add_option("-o,--output", o->output, "Timeline file to write")->capture_default_str();
  cmd->add_option("--root", o->root,
                  "Capture a fixture root (a directory laid out like /proc, "
                  "/sys, /etc) instead of the live host")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--interval", o->interval, "Seconds between frames")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--count", o->count, "Stop after this many frames")->check(CLI::PositiveNumber);
  cmd->add_option("--duration", o->duration, "Stop after this many seconds")
      ->check(CLI::PositiveNumber);
  auto* append =
      cmd->add_flag("--append", o->append, "Continue an existing timeline (or start a new one)");
  cmd->add_flag("--force", o->force, "Replace an existing timeline (never any other file)")
      ->excludes(append);
  cmd->add_option("--keyframe-interval", o->keyframe_interval,
                  "Deltas between two keyframes (0: every frame whole)")
      ->check(CLI::Range(uint32_t{0}, static_cast<uint32_t>(timeline::kMaxDeltaChain)))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", o->quiet, "Print nothing but warnings and errors");
  return [o]() { return record(*o); };
}

}  // namespace netsnap::cli
