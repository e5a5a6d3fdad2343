// netstat -r: one table per address family of the AF list, in list order (NETSTAT-FORMAT.md §8,
// §9, §2). The first failing family ends the output with its status.
#include <vector>

#include "netsnap/render/columns.h"
#include "netsnap/render/safe_text.h"
#include "route_tables.h"

namespace netsnap::render {
namespace {

// INET_rprint / INET6_rprint: the FIB unless only -C was given, then the cache if -C was.
int print_inet(const RenderContext& context, bool ipv6, RouteRun& run, Output& output) {
  if (context.options.fib || !context.options.cache) {
    int status = ipv6 ? print_ipv6_routes(context, false, run, output)
                      : print_ipv4_fib(context, run, output);
    if (status != 0) return status;
  }
  if (!context.options.cache) return 0;
  return ipv6 ? print_ipv6_routes(context, true, run, output)
              : print_ipv4_route_cache(context, run, output);
}

// The legacy families have route printers of their own, reading files that no kernel netsnap
// records still has (and that netsnap does not capture): they fail as on such a kernel.
bool print_legacy_family(std::string_view name, Output& output) {
  if (name == "ipx") {
    output.err("No such file or directory\n");
    output.out("IPX routing not in file /proc/net/ipx/route or /proc/net/ipx_route found.\n");
  } else if (name == "ax25") {
    output.err("/proc/net/ax25_route: No such file or directory\n");
    output.out("AX.25 not configured in this system.\n");
  } else if (name == "netrom") {
    output.err("/proc/net/nr_nodes: No such file or directory\n");
    output.err("/proc/net/nr_neigh: Invalid argument\n");
    output.out("NET/ROM not configured in this system.\n");
  } else if (name == "rose") {
    output.err("/proc/net/rose_nodes: No such file or directory\n");
    output.err("ROSE not configured in this system.\n");
  } else if (name == "x25") {
    output.out("X.25 not configured in this system.\n");
  } else if (name == "ddp") {
    output.err("Error opening /proc/net/atalk_route: No such file or directory\n");
    output.err("DDP (AppleTalk) not configured on this system.\n");
  } else {
    return false;
  }
  return true;
}

constexpr int kOptionError = 3;  // netstat's E_OPTERR

// route_info(): each family of the comma-separated list in turn.
int print_family(const RenderContext& context, std::string_view name, RouteRun& run,
                 Output& output) {
  if (name == "inet" || name == "inet6") return print_inet(context, name == "inet6", run, output);
  if (print_legacy_family(name, output)) return 1;
  if (name == "unix" || name == "ec" || name == "ash") {
    output.err("No routing for address family `" + std::string(name) + "'.\n");
  } else {
    output.err("Address family `" + std::string(name) + "' not supported.\n");
  }
  return kOptionError;
}

std::vector<std::string_view> split_af_list(std::string_view list) {
  std::vector<std::string_view> names;
  while (!list.empty()) {
    size_t comma = list.find(',');
    if (comma != 0) names.push_back(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return names;
}

}  // namespace

RouteStyle route_style(int extend) {
  // netstat counts -e from 1, swaps 1 and 2, and keeps the low two bits.
  int level = extend + 1;
  if (level == 1) {
    level = 2;
  } else if (level == 2) {
    level = 1;
  }
  return static_cast<RouteStyle>(level & 3);
}

void append_route_numbers(std::string& line, RouteStyle style, const RouteNumbers& n,
                          int32_t irtt) {
  if (style == RouteStyle::kTcp) {
    append_right(line, n.mtu, 5);
    line += ' ';
    append_left(line, n.window, 5);
    line += ' ';
    append_right(line, irtt, 6);
    line += ' ';
    line.append(printable(n.interface_name));
    return;
  }
  append_left(line, n.metric, 6);
  line += ' ';
  append_left(line, n.ref_count, style == RouteStyle::kBoth ? 3 : 2);
  line += ' ';
  append_right(line, n.use, style == RouteStyle::kBoth ? 6 : 7);
  line += ' ';
  if (style == RouteStyle::kMetrics) {
    line.append(printable(n.interface_name));
    return;
  }
  append_truncated(line, printable(n.interface_name), 6);
  line += "   ";
  append_left(line, n.mtu, 5);
  line += ' ';
  append_left(line, n.window, 6);
  line += ' ';
}

bool source_readable(const model::Snapshot& snapshot, std::string_view path) {
  return !snapshot.find_source(path) || snapshot.open_error(path) == 0;
}

int render_routes(const RenderContext& context, Output& output) {
  std::string_view list = context.options.af_list;
  if (list.empty()) list = "inet";
  RouteRun run;
  for (std::string_view name : split_af_list(list)) {
    int status = print_family(context, name, run, output);
    if (status != 0) return status;
  }
  return 0;
}

}  // namespace netsnap::render
