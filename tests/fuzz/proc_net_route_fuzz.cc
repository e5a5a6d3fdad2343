// /proc/net/route, /proc/net/rt_cache (either layout) and /proc/net/ipv6_route: the input is
// parsed as each of them.
#include "fuzz/fuzz_targets.h"
#include "netsnap/capture/proc_parsers.h"

namespace netsnap::fuzz {

int fuzz_proc_net_route(const uint8_t* data, size_t size) {
  std::string_view text = as_text(data, size);
  capture::Diagnostics diag;
  std::string header = capture::proc_header_line(text);
  FUZZ_CHECK(header.size() <= text.size());
  std::vector<model::Route4> routes4;
  capture::parse_proc_net_route(text, "proc/net/route", routes4, diag);
  std::vector<model::RouteCacheEntry> cache;
  capture::parse_proc_net_rt_cache(text, "proc/net/rt_cache", cache, diag);
  std::vector<model::Route6> routes6;
  capture::parse_proc_net_ipv6_route(text, "proc/net/ipv6_route", routes6, diag);
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_proc_net_route)
