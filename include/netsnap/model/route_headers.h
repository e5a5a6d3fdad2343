// How netstat finds its columns in the headers of /proc/net/route and /proc/net/rt_cache (its
// proc_gen_fmt and proc_guess_fmt). Capture reads the lines by these rules and render reproduces
// netstat's complaints about a header by the same ones, so they live here, once.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace netsnap::model {

// The names a header line holds, separated by whitespace and '|'.
std::vector<std::string_view> header_columns(std::string_view header);

// The first of `names` that is not found after the previous one in the header, or "" when all
// are there in order. When `positions` is given, it receives each name's column index.
std::string first_missing_column(std::string_view header, std::span<const std::string_view> names,
                                 std::vector<size_t>* positions = nullptr);

// The columns netstat needs in /proc/net/route, in header order.
inline constexpr std::string_view kRouteColumns[] = {"Iface",  "Destination", "Gateway", "Flags",
                                                     "RefCnt", "Use",         "Metric",  "Mask",
                                                     "MTU",    "Window",      "IRTT"};

// The two /proc/net/rt_cache layouts netstat reads: Linux 2.0's (HH, ARP) and 2.2's and later
// (TOS, HHRef, HHUptod, SpecDst).
enum class RouteCacheLayout { kUnknown, kLinux20, kLinux22 };

// netstat's proc_guess_fmt(): a bit for each of IRTT, TOS, HHRef, HHUptod, SpecDst, HH and ARP
// found anywhere in the header (as substrings: "HH" is also in "HHRef"). netstat prints this sum
// when it matches no layout.
int route_cache_marks(std::string_view header);
RouteCacheLayout route_cache_layout(std::string_view header);

// The columns a layout needs, in header order; empty for kUnknown.
std::span<const std::string_view> route_cache_columns(RouteCacheLayout layout);

}  // namespace netsnap::model
