// netsnap show FILE [--frame N] [--to M] [NETSTAT OPTIONS...]: a recorded moment as netstat 2.10
// printed it. With -c, every frame from --frame (default: the first) to --to (default: the last),
// each as one netstat -c cycle.
#include <iostream>
#include <optional>

#include "commands.h"
#include "netsnap/timeline/timeline.h"
#include "netstat_cycles.h"

namespace netsnap::cli {
namespace {

constexpr const char* kShowUsage =
    "usage: netsnap show FILE [--frame N] [--to M] [NETSTAT OPTIONS...]\n"
    "  Prints frame N of the timeline FILE (default: the last; negative counts from the end)\n"
    "  exactly as net-tools netstat 2.10 printed it then. NETSTAT OPTIONS are netstat's own\n"
    "  (netsnap show FILE -h lists them). With -c, prints frames N..M in order, one netstat\n"
    "  cycle each (default: all frames).\n";

struct FrameRange {
  std::optional<long long> first, last;
};

long long frame_number(const std::string& option, const std::string& text) {
  size_t used = 0;
  long long value = 0;
  try {
    value = std::stoll(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text.size())
    throw UsageError("show: " + option + " needs a frame number, not '" + text + "'");
  return value;
}

// If args[i] is --frame or --to (with its value), stores it and moves i onto its last word.
bool take_frame_option(const std::vector<std::string>& args, size_t& i, FrameRange& range) {
  static const std::pair<std::string_view, std::optional<long long> FrameRange::*> kOptions[] = {
      {"--frame", &FrameRange::first}, {"--to", &FrameRange::last}};
  std::string_view arg = args[i];
  for (auto [name, slot] : kOptions) {
    std::string option(name);
    if (arg == name) {
      if (i + 1 >= args.size()) throw UsageError("show: " + option + " needs a frame number");
      range.*slot = frame_number(option, args[++i]);
      return true;
    }
    if (arg.substr(0, name.size() + 1) == option + "=") {
      range.*slot = frame_number(option, std::string(arg.substr(name.size() + 1)));
      return true;
    }
  }
  return false;
}

// Takes netsnap's own --frame/--to out of args (up to a "--"); the rest is netstat's.
FrameRange take_frame_options(std::vector<std::string>& args) {
  FrameRange range;
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") {
      rest.insert(rest.end(), args.begin() + static_cast<long>(i), args.end());
      break;
    }
    if (!take_frame_option(args, i, range)) rest.push_back(args[i]);
  }
  args = std::move(rest);
  return range;
}

}  // namespace

int run_show_command(std::vector<std::string> args) {
  if (args.empty() || args[0] == "--help") {
    (args.empty() ? std::cerr : std::cout) << kShowUsage;
    return args.empty() ? 2 : 0;
  }
  std::string path = args[0];
  args.erase(args.begin());
  FrameRange range = take_frame_options(args);
  render::NetstatCommandLine command_line = render::parse_netstat_command_line(args);

  std::optional<timeline::TimelineReader> reader;
  size_t next = 0, last = 0;
  if (command_line.options) {
    reader.emplace(path);
    for (const auto& note : reader->recovery_notes()) std::cerr << "netsnap: " << note << "\n";
    size_t count = reader->frames().size();
    bool continuous = command_line.options->continuous;
    next = select_frame(range.first.value_or(continuous ? 0 : -1), count, path);
    last = select_frame(range.last.value_or(-1), count, path);
    if (!continuous) last = next;
  }
  return print_netstat_cycles(command_line, [&]() -> std::optional<model::Snapshot> {
    if (!reader || next > last) return std::nullopt;
    return reader->read_frame(next++);
  });
}

}  // namespace netsnap::cli
