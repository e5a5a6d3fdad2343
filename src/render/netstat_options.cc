// netstat's option parsing: a faithful glibc getopt_long over netstat 2.10's option tables, then
// netstat's flag implications (NETSTAT-FORMAT.md §1).
#include "netsnap/render/netstat_options.h"

#include <cstring>
#include <string_view>

namespace netsnap::render {
namespace {

constexpr std::string_view kShortOptions = "A:CFMacdeghilnNoprsStuUvVWw2fx64?Z";

struct LongOption {
  const char* name;
  bool has_arg;
  int val;  // 1: an address-family option (netstat's AFTRANS_OPTS)
};

// netstat's longopts[], in its order (the order shows in glibc's "ambiguous" messages). The
// address-family block comes first; its last entry, tcpip, lies outside netstat's own range check
// and only earns an internal-error note.
constexpr LongOption kLongOptions[] = {
    {"ax25", false, 1},
    {"x25", false, 1},
    {"ip", false, 1},
    {"ipx", false, 1},
    {"appletalk", false, 1},
    {"netrom", false, 1},
    {"inet", false, 1},
    {"inet6", false, 1},
    {"ddp", false, 1},
    {"unix", false, 1},
    {"rose", false, 1},
    {"bluetooth", false, 1},
    {"tcpip", false, 1},
    {"version", false, 'V'},
    {"interfaces", false, 'i'},
    {"help", false, 'h'},
    {"route", false, 'r'},
    {"masquerade", false, 'M'},
    {"protocol", true, 'A'},
    {"tcp", false, 't'},
    {"sctp", false, 'S'},
    {"udp", false, 'u'},
    {"udplite", false, 'U'},
    {"raw", false, 'w'},
    {"unix", false, 'x'},
    {"l2cap", false, '2'},
    {"rfcomm", false, 'f'},
    {"listening", false, 'l'},
    {"all", false, 'a'},
    {"timers", false, 'o'},
    {"continuous", false, 'c'},
    {"extend", false, 'e'},
    {"programs", false, 'p'},
    {"verbose", false, 'v'},
    {"statistics", false, 's'},
    {"wide", false, 'W'},
    {"numeric", false, 'n'},
    {"numeric-hosts", false, '!'},
    {"numeric-ports", false, '@'},
    {"numeric-users", false, '#'},
    {"symbolic", false, 'N'},
    {"cache", false, 'C'},
    {"fib", false, 'F'},
    {"groups", false, 'g'},
    {"context", false, 'Z'},
};
constexpr int kAddressFamilyOptions = 12;  // netstat's AFTRANS_CNT: tcpip is past it

// One result of getopt_long: an option code (as getopt returns it; '?' after an error message),
// or kEnd.
struct GetoptResult {
  static constexpr int kEnd = -1;
  GetoptResult(int code_ = kEnd, std::string argument_ = "", int long_index_ = -1)
      : code(code_), argument(std::move(argument_)), long_index(long_index_) {}
  int code;
  std::string argument;
  int long_index;
};

// glibc getopt_long with argument permutation: non-options are skipped (netstat ignores them),
// "--" ends the options. Error messages go to `errors` exactly as glibc words them.
class GetoptLong {
 public:
  GetoptLong(const std::vector<std::string>& args, Output& errors) : args_(args), errors_(errors) {}

  GetoptResult next() {
    if (cluster_.empty() && !advance_to_option()) return {};
    if (long_option_) return parse_long();
    return parse_short();
  }

 private:
  bool advance_to_option() {
    while (index_ < args_.size()) {
      const std::string& arg = args_[index_++];
      if (arg == "--") {
        index_ = args_.size();
        return false;
      }
      if (arg.size() < 2 || arg[0] != '-') continue;
      long_option_ = arg[1] == '-';
      cluster_ = std::string_view(arg).substr(long_option_ ? 2 : 1);
      return true;
    }
    return false;
  }

  GetoptResult parse_short() {
    char c = cluster_.front();
    cluster_.remove_prefix(1);
    size_t at = c == ':' ? std::string_view::npos : kShortOptions.find(c);
    if (at == std::string_view::npos) {
      errors_.err(std::string("netstat: invalid option -- '") + c + "'\n");
      return {'?'};
    }
    GetoptResult result{c};
    if (at + 1 < kShortOptions.size() && kShortOptions[at + 1] == ':') {
      if (!cluster_.empty()) {
        result.argument = std::string(cluster_);
        cluster_ = {};
      } else if (index_ < args_.size()) {
        result.argument = args_[index_++];
      } else {
        errors_.err(std::string("netstat: option requires an argument -- '") + c + "'\n");
        return {'?'};
      }
    }
    return result;
  }

  GetoptResult parse_long() {
    std::string_view text = cluster_;
    cluster_ = {};
    long_option_ = false;
    size_t eq = text.find('=');
    std::string_view name = text.substr(0, eq);
    int found = find_long(name, text);
    if (found == -2) return {'?'};
    if (found < 0) {
      errors_.err("netstat: unrecognized option '--" + std::string(text) + "'\n");
      return {'?'};
    }
    const LongOption& option = kLongOptions[found];
    GetoptResult result{option.val, "", found};
    if (eq != std::string_view::npos) {
      if (!option.has_arg) {
        errors_.err(std::string("netstat: option '--") + option.name +
                    "' doesn't allow an argument\n");
        return {'?'};
      }
      result.argument = std::string(text.substr(eq + 1));
    } else if (option.has_arg) {
      if (index_ >= args_.size()) {
        errors_.err(std::string("netstat: option '--") + option.name + "' requires an argument\n");
        return {'?'};
      }
      result.argument = args_[index_++];
    }
    return result;
  }

  // The option `name` selects: an exact name, else the first prefix match unless a later prefix
  // match differs from it (then "ambiguous", -2). -1 when nothing matches.
  int find_long(std::string_view name, std::string_view text) {
    constexpr int kCount = sizeof kLongOptions / sizeof kLongOptions[0];
    int found = -1;
    bool ambiguous[kCount] = {};
    bool any_ambiguous = false;
    for (int i = 0; i < kCount; ++i) {
      std::string_view candidate = kLongOptions[i].name;
      if (candidate.substr(0, name.size()) != name) continue;
      if (candidate.size() == name.size()) return i;
      if (found < 0) {
        found = i;
      } else if (kLongOptions[found].has_arg != kLongOptions[i].has_arg ||
                 kLongOptions[found].val != kLongOptions[i].val) {
        ambiguous[found] = ambiguous[i] = any_ambiguous = true;
      }
    }
    if (!any_ambiguous) return found;
    std::string message =
        "netstat: option '--" + std::string(text) + "' is ambiguous; possibilities:";
    for (int i = 0; i < kCount; ++i)
      if (ambiguous[i]) message += std::string(" '--") + kLongOptions[i].name + "'";
    errors_.err(message + "\n");
    return -2;
  }

  const std::vector<std::string>& args_;
  Output& errors_;
  size_t index_ = 0;
  std::string_view cluster_;
  bool long_option_ = false;
};

// The flags as netstat's main() counts them, before its implications.
struct RawFlags {
  NetstatOptions options;
  int interfaces = 0, routes = 0, masquerade = 0, statistics = 0;
  bool bluetooth = false, numeric = false;
};

struct AddressFamily {
  const char* alias;
  const char* name;
};

// lib/af.c's aftrans table: the names -A accepts and what each counts as.
constexpr AddressFamily kAddressFamilies[] = {
    {"ax25", "ax25"},     {"ip", "inet"},       {"ip6", "inet6"},  {"ipx", "ipx"},
    {"appletalk", "ddp"}, {"netrom", "netrom"}, {"inet", "inet"},  {"inet6", "inet6"},
    {"ddp", "ddp"},       {"unix", "unix"},     {"tcpip", "inet"}, {"econet", "ec"},
    {"x25", "x25"},       {"rose", "rose"},     {"ash", "ash"},    {"bluetooth", "bluetooth"},
};

void select_family(RawFlags& flags, std::string_view name) {
  NetstatOptions& o = flags.options;
  if (name == "inet") o.inet = true;
  if (name == "inet6") o.inet6 = true;
  if (name == "unix") o.unix_sockets = true;
  if (name == "ipx") o.ipx = true;
  if (name == "ax25") o.ax25 = true;
  if (name == "netrom") o.netrom = true;
  if (name == "x25") o.x25 = true;
  if (name == "rose") o.rose = true;
  if (name == "bluetooth") flags.bluetooth = true;
  if (!o.af_list.empty()) o.af_list += ',';
  o.af_list += name;
}

// netstat's aftrans_opt: a comma-separated list; an empty or unknown element is fatal.
bool select_families(RawFlags& flags, std::string_view list, Output& output) {
  while (true) {
    size_t comma = list.find(',');
    std::string_view element = list.substr(0, comma);
    const AddressFamily* match = nullptr;
    for (const auto& family : kAddressFamilies)
      if (element == family.alias) match = &family;
    if (!match) {
      output.err("Unknown address family `" + std::string(element) + "'.\n");
      return false;
    }
    select_family(flags, match->name);
    if (comma == std::string_view::npos) return true;
    list.remove_prefix(comma + 1);
  }
}

enum class Step { kContinue, kStop };

// Counting flags: each occurrence adds one, as netstat's flag_xxx++ does.
bool apply_flag(RawFlags& f, int code) {
  NetstatOptions& o = f.options;
  switch (code) {
    case 'M':
      ++f.masquerade;
      return true;
    case 'a':
      o.all = true;
      return true;
    case 'l':
      o.listening = true;
      return true;
    case 'c':
      o.continuous = true;
      return true;
    case 'd':
      return true;
    case 'g':
      o.groups = true;
      return true;
    case 'e':
      ++o.extend;
      return true;
    case 'p':
      o.programs = true;
      return true;
    case 'i':
      ++f.interfaces;
      return true;
    case 'W':
      o.wide = true;
      return true;
    case 'n':
      f.numeric = true;
      return true;
    case '!':
      o.numeric_hosts = true;
      return true;
    case '@':
      o.numeric_ports = true;
      return true;
    case '#':
      o.numeric_users = true;
      return true;
    case 'N':
      o.symbolic = true;
      return true;
    case 'C':
      o.cache = true;
      return true;
    case 'F':
      o.fib = true;
      return true;
    case 'o':
      o.timers = true;
      return true;
    case 'v':
      o.verbose = true;
      return true;
    case 'r':
      ++f.routes;
      return true;
    case 't':
      o.tcp = true;
      return true;
    case 'S':
      o.sctp = true;
      return true;
    case 'u':
      o.udp = true;
      return true;
    case 'U':
      o.udplite = true;
      return true;
    case 'w':
      o.raw = true;
      return true;
    case '2':
      o.l2cap = true;
      return true;
    case 'f':
      o.rfcomm = true;
      return true;
    case 's':
      ++f.statistics;
      return true;
    default:
      return false;
  }
}

// Options that act at once: families, version, help, errors. kStop sets the exit code.
Step apply_option(RawFlags& flags, const GetoptResult& r, NetstatCommandLine& result) {
  Output& out = result.early;
  auto stop = [&](int code) {
    result.exit_code = code;
    return Step::kStop;
  };
  if (apply_flag(flags, r.code)) return Step::kContinue;
  switch (r.code) {
    case 1:
      if (r.long_index >= kAddressFamilyOptions) {
        out.err("netstat.c: Internal Error `longopts 1 range'.\n");
        return Step::kContinue;
      }
      return select_families(flags, kLongOptions[r.long_index].name, out) ? Step::kContinue
                                                                          : stop(1);
    case 'A':
      return select_families(flags, r.argument, out) ? Step::kContinue : stop(1);
    case 'x':
      return select_families(flags, "unix", out) ? Step::kContinue : stop(1);
    case '4':
      return select_families(flags, "inet", out) ? Step::kContinue : stop(1);
    case '6':
      return select_families(flags, "inet6", out) ? Step::kContinue : stop(1);
    case 'V':
      print_netstat_version(out);
      return stop(0);
    case 'Z':
      out.err("SELinux is not enabled on this machine.\n");
      return stop(1);
    case 'h':
      print_netstat_usage(out, true);
      return stop(0);
    default:  // '?': an error glibc has already reported, or -? itself
      print_netstat_usage(out, false);
      return stop(3);
  }
}

// netstat main()'s implications between flags, after all options are read (§1.2, §1.3).
NetstatOptions derive_options(RawFlags& f) {
  NetstatOptions o = f.options;
  if (f.numeric) o.numeric_hosts = o.numeric_ports = o.numeric_users = true;
  bool any_protocol = o.tcp || o.sctp || o.udp || o.udplite || o.raw;
  if ((o.inet || o.inet6 || f.statistics) && !any_protocol) {
    o.tcp = o.sctp = o.udp = o.udplite = o.raw = true;
    o.missing_files_silent = true;
  }
  if ((o.tcp || o.sctp || o.udp || o.udplite || o.raw || o.groups) && !(o.inet || o.inet6))
    o.inet = o.inet6 = true;
  if (f.bluetooth && !(o.l2cap || o.rfcomm)) o.l2cap = o.rfcomm = true;
  o.explicit_count = o.tcp + o.sctp + o.udplite + o.udp + o.raw + o.unix_sockets + o.ipx + o.ax25 +
                     o.netrom + o.groups + o.x25 + o.rose + o.l2cap + o.rfcomm;
  if (f.masquerade) {
    o.mode = NetstatMode::kMasquerade;
  } else if (f.statistics) {
    o.mode = NetstatMode::kStatistics;
  } else if (f.routes) {
    o.mode = NetstatMode::kRoutes;
  } else if (f.interfaces) {
    o.mode = NetstatMode::kInterfaces;
  }
  return o;
}

}  // namespace

NetstatCommandLine parse_netstat_command_line(const std::vector<std::string>& args) {
  NetstatCommandLine result;
  RawFlags flags;
  GetoptLong getopt(args, result.early);
  for (GetoptResult r = getopt.next(); r.code != GetoptResult::kEnd; r = getopt.next()) {
    if (apply_option(flags, r, result) == Step::kStop) return result;
  }
  if (flags.interfaces + flags.routes + flags.masquerade + flags.statistics > 1) {
    print_netstat_usage(result.early, false);
    result.exit_code = 3;
    return result;
  }
  result.options = derive_options(flags);
  return result;
}

}  // namespace netsnap::render
