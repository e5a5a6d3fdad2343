// The tables of netstat -r, one printer per address family (NETSTAT-FORMAT.md §8, §9). Each
// returns what netstat's printer for that family returns: 0, or the status netstat exits with.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "netstat_modes.h"

namespace netsnap::render {

// What one of netstat's route printers leaves behind for the next: errno, which only shows in the
// message for an empty rt_cache. netstat starts with ENOENT; any name lookup clears it, and the
// IPv6 cache pass sets it again (it first tries to open /proc/net/ndisc).
struct RouteRun {
  bool errno_cleared = false;
};

// netstat's column style for IPv4 route tables, from the number of -e (§8.1):
// 1 = Metric/Ref/Use, 2 = MSS/Window/irtt, 3 = both, 0 = no column header and no rows.
enum class RouteStyle { kNone = 0, kMetrics = 1, kTcp = 2, kBoth = 3 };
RouteStyle route_style(int extend);

// -n, --numeric-hosts and -N all make route addresses numeric (§8.2, §17.3).
inline bool numeric_route_addresses(const NetstatOptions& o) {
  return o.numeric_hosts || o.symbolic;
}

// The columns after Flags that the IPv4 FIB and cache print alike, as signed numbers.
struct RouteNumbers {
  int32_t metric = 0, ref_count = 0, use = 0, mtu = 0, window = 0;
  std::string_view interface_name;
};
// kMetrics: "Metric Ref Use Iface"; kTcp: "MSS Window irtt Iface" (irtt given); both complete
// but for the newline. kBoth: "Metric Ref Use Iface MSS Window " (the caller goes on with irtt).
void append_route_numbers(std::string& line, RouteStyle style, const RouteNumbers& n, int32_t irtt);

// The Flags column of netstat -r for an IPv4 FIB route and for an IPv6 route: netstat's letters,
// also used by netsnap diff so that a route reads the same in both.
std::string ipv4_route_flags_text(uint32_t flags);  // ipv4_routes.cc
std::string ipv6_route_flags_text(uint32_t flags);  // ipv6_routes.cc

// netstat -r -A inet: the FIB (§8.2). Prints nothing but its error when the file is missing.
int print_ipv4_fib(const RenderContext& context, RouteRun& run, Output& output);  // ipv4_routes.cc

// netstat -rC -A inet: the routing cache (§8.3).
int print_ipv4_route_cache(const RenderContext& context, RouteRun& run,
                           Output& output);  // ipv4_route_cache.cc

// netstat -r -A inet6 (§9): the routes without RTF_CACHE, or with `cache` only those with it.
int print_ipv6_routes(const RenderContext& context, bool cache, RouteRun& run,
                      Output& output);  // ipv6_routes.cc

// True when the kernel file was read (or, for recordings that predate it, presumably was).
bool source_readable(const model::Snapshot& snapshot, std::string_view path);

}  // namespace netsnap::render
