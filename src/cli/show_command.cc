// netsnap show FILE [--frame N | --at TIME] [--from A] [--to B] [--filter EXPR]
// [NETSTAT OPTIONS...]: a recorded moment as netstat 2.10 printed it. With -c, every frame from
// --from (or --frame/--at; default: the first) to --to (default: the last), each as one netstat -c
// cycle.
#include <iostream>
#include <map>
#include <optional>

#include "commands.h"
#include "moment_options.h"
#include "netstat_cycles.h"

namespace netsnap::cli {
namespace {

constexpr const char* kShowUsage =
    "usage: netsnap show FILE [--frame N | --at TIME] [--from A] [--to B] [--filter EXPR]\n"
    "                    [NETSTAT OPTIONS...]\n"
    "  Prints one frame of the timeline FILE exactly as net-tools netstat 2.10 printed it then:\n"
    "  frame N (negative counts from the end), or the latest frame at or before TIME\n"
    "  (2026-11-21T03:12:05[Z], 03:12:05, +90s from the start, -5m from the end, @UNIXTIME);\n"
    "  default: the last. NETSTAT OPTIONS are netstat's own (netsnap show FILE -h lists them).\n"
    "  With -c, prints frames A..B in order, one netstat cycle each (default: all frames).\n";

// netsnap's own options, taken out of the command line before netstat's parser sees the rest.
constexpr std::string_view kOwnOptions[] = {"--frame", "--at", "--from", "--to"};

// If args[i] is one of kOwnOptions (with its value), stores it and moves i onto its last word.
bool take_own_option(const std::vector<std::string>& args, size_t& i,
                     std::map<std::string, std::string>& taken) {
  std::string_view arg = args[i];
  for (std::string_view name : kOwnOptions) {
    std::string option(name);
    if (arg == name) {
      if (i + 1 >= args.size()) throw UsageError("show: " + option + " needs a value");
      taken[option] = args[++i];
      return true;
    }
    if (arg.substr(0, name.size() + 1) == option + "=") {
      taken[option] = std::string(arg.substr(name.size() + 1));
      return true;
    }
  }
  return false;
}

std::optional<std::string> value_of(const std::map<std::string, std::string>& taken,
                                    const std::string& option) {
  auto it = taken.find(option);
  if (it == taken.end()) return std::nullopt;
  return it->second;
}

// Takes netsnap's own options out of args (up to a "--"); the rest is netstat's.
MomentOptions take_own_options(std::vector<std::string>& args) {
  std::map<std::string, std::string> taken;
  std::vector<std::string> rest;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") {
      rest.insert(rest.end(), args.begin() + static_cast<long>(i), args.end());
      break;
    }
    if (!take_own_option(args, i, taken)) rest.push_back(args[i]);
  }
  args = std::move(rest);
  if (taken.contains("--frame") && taken.contains("--at"))
    throw UsageError("show: --frame and --at each name a frame; give one of them");
  return {value_of(taken, "--frame"), value_of(taken, "--at"), value_of(taken, "--from"),
          value_of(taken, "--to")};
}

// The positions to print: one frame, or with -c a span whose start --frame/--at may also give.
FrameSpan frames_to_show(const timeline::TimelineReader& reader, const MomentOptions& moments,
                         bool continuous) {
  if (!continuous) {
    size_t one = pick_frame(reader, moments);
    return {one, one};
  }
  FrameSpan span = pick_span(reader, moments);
  if (moments.frame || moments.at) span.first = pick_frame(reader, moments);
  return span;
}

}  // namespace

int run_show_command(std::vector<std::string> args) {
  if (args.empty() || args[0] == "--help") {
    (args.empty() ? std::cerr : std::cout) << kShowUsage;
    return args.empty() ? 2 : 0;
  }
  std::string path = args[0];
  args.erase(args.begin());
  MomentOptions moments = take_own_options(args);
  render::NetstatCommandLine command_line = render::parse_netstat_command_line(args);

  std::unique_ptr<timeline::TimelineReader> reader;
  FrameSpan span{1, 0};  // nothing to print unless netstat's options ask for output
  if (command_line.options) {
    reader = open_timeline(path);
    span = frames_to_show(*reader, moments, command_line.options->continuous);
  }
  size_t next = span.first;
  return print_netstat_cycles(command_line, [&]() -> std::optional<model::Snapshot> {
    if (next > span.last) return std::nullopt;
    return reader->read_frame(next++);
  });
}

}  // namespace netsnap::cli
