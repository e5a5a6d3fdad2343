// netsnap show FILE [--frame N | --at TIME] [--from A] [--to B] [--filter EXPR]...
// [NETSTAT OPTIONS...]: a recorded moment as netstat 2.10 printed it, with only the sockets the
// filters keep. With -c, every frame from --from (or --frame/--at; default: the first) to --to
// (default: the last), each as one netstat -c cycle.
#include <iostream>
#include <map>
#include <optional>

#include "commands.h"
#include "moment_options.h"
#include "netstat_cycles.h"
#include "report_options.h"

namespace netsnap::cli {
namespace {

constexpr const char* kShowUsage =
    "usage: netsnap show FILE [--frame N | --at TIME] [--from A] [--to B] [--filter EXPR]...\n"
    "                    [NETSTAT OPTIONS...]\n"
    "  Prints one frame of the timeline FILE exactly as net-tools netstat 2.10 printed it then:\n"
    "  frame N (negative counts from the end), or the latest frame at or before TIME\n"
    "  (2026-11-21T03:12:05[Z], 03:12:05, +90s from the start, -5m from the end, @UNIXTIME);\n"
    "  default: the last. NETSTAT OPTIONS are netstat's own (netsnap show FILE -h lists them).\n"
    "  With -c, prints frames A..B in order, one netstat cycle each (default: all frames).\n"
    "  --filter keeps only the sockets matching EXPR, e.g. 'state established and dport = :443'\n"
    "  (see README, Filters); repeat it to require several.\n";

// netsnap's own options, taken out of the command line before netstat's parser sees the rest.
constexpr std::string_view kOwnOptions[] = {"--frame", "--at", "--from", "--to", "--filter"};

using TakenOptions = std::map<std::string, std::vector<std::string>>;

// If args[i] is one of kOwnOptions (with its value), stores it and moves i onto its last word.
bool take_own_option(const std::vector<std::string>& args, size_t& i, TakenOptions& taken) {
  std::string_view arg = args[i];
  for (std::string_view name : kOwnOptions) {
    std::string option(name);
    if (arg == name) {
      if (i + 1 >= args.size()) throw UsageError("show: " + option + " needs a value");
      taken[option].push_back(args[++i]);
      return true;
    }
    if (arg.substr(0, name.size() + 1) == option + "=") {
      taken[option].push_back(std::string(arg.substr(name.size() + 1)));
      return true;
    }
  }
  return false;
}

// The option's value; the last one when it was given more than once, as getopt keeps it.
std::optional<std::string> value_of(const TakenOptions& taken, const std::string& option) {
  auto it = taken.find(option);
  if (it == taken.end()) return std::nullopt;
  return it->second.back();
}

struct OwnOptions {
  MomentOptions moments;
  std::vector<std::string> filters;
};

// Takes netsnap's own options out of args (up to a "--"); the rest is netstat's.
OwnOptions take_own_options(std::vector<std::string>& args) {
  TakenOptions taken;
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
  MomentOptions moments{value_of(taken, "--frame"), value_of(taken, "--at"),
                        value_of(taken, "--from"), value_of(taken, "--to")};
  return {moments, taken["--filter"]};
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
  OwnOptions own = take_own_options(args);
  analysis::SocketFilter filter = parse_filters(own.filters);
  render::NetstatCommandLine command_line = render::parse_netstat_command_line(args);

  std::unique_ptr<timeline::TimelineReader> reader;
  FrameSpan span{1, 0};  // nothing to print unless netstat's options ask for output
  if (command_line.options) {
    reader = open_timeline(path);
    span = frames_to_show(*reader, own.moments, command_line.options->continuous);
  }
  size_t next = span.first;
  return print_netstat_cycles(command_line, [&]() -> std::optional<model::Snapshot> {
    if (next > span.last) return std::nullopt;
    model::Snapshot snapshot = reader->read_frame(next++);
    analysis::apply_filter(filter, snapshot);
    return snapshot;
  });
}

}  // namespace netsnap::cli
