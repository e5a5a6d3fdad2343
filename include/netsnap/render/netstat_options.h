// netstat 2.10's command line, parsed the way it parses it: glibc getopt_long semantics (option
// clustering, argument permutation, unambiguous long-option prefixes, glibc's error texts), then
// netstat's own implications between the flags (NETSTAT-FORMAT.md §1).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "netsnap/render/output.h"

namespace netsnap::render {

enum class NetstatMode { kSockets, kRoutes, kInterfaces, kStatistics, kMasquerade };

// The flags after netstat's implications (§1.3), named after what they select.
struct NetstatOptions {
  NetstatMode mode = NetstatMode::kSockets;

  // Socket-listing selection. `explicit_count` is netstat's flag_arg: 0 means "show everything".
  bool tcp = false, sctp = false, udp = false, udplite = false, raw = false;
  bool unix_sockets = false, groups = false;
  bool ipx = false, ax25 = false, netrom = false, x25 = false, rose = false;
  bool l2cap = false, rfcomm = false;  // bluetooth: compiled out of 2.10
  bool inet = false, inet6 = false;
  int explicit_count = 0;
  // netstat's flag_noprot: a family (-A inet, -4, ...) given without any of -t -S -u -U -w selects
  // every Internet protocol and silences their missing-file errors.
  bool missing_files_silent = false;
  // Canonical address-family names in command-line order, joined by ',' (netstat's afname);
  // "" when none was given. Route and statistics modes read it.
  std::string af_list;

  bool listening = false;  // -l
  bool all = false;        // -a
  bool numeric_hosts = false, numeric_ports = false, numeric_users = false;
  bool symbolic = false;  // -N: numeric route addresses
  bool wide = false;      // -W
  int extend = 0;         // number of -e
  bool programs = false;  // -p
  bool timers = false;    // -o
  bool continuous = false;
  bool verbose = false;
  bool fib = false, cache = false;  // -F, -C
};

struct NetstatCommandLine {
  // Set when netstat would go on to print a table; empty when it stops while parsing (usage,
  // version, an option error), with `exit_code` saying how.
  std::optional<NetstatOptions> options;
  // Printed while parsing (errors, usage, version, notes such as --tcpip's internal error); comes
  // before any table.
  Output early;
  int exit_code = 0;
};

// args excludes the program name.
NetstatCommandLine parse_netstat_command_line(const std::vector<std::string>& args);

// §15's texts.
void print_netstat_usage(Output& output, bool to_stdout);
void print_netstat_version(Output& output);

}  // namespace netsnap::render
