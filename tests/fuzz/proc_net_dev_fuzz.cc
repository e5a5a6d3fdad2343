// /proc/net/dev and /proc/net/if_inet6: the input is parsed as both, into one interface list as
// capture does (if_inet6 completes the interfaces dev created).
#include "fuzz/fuzz_targets.h"
#include "netsnap/capture/proc_parsers.h"

namespace netsnap::fuzz {

int fuzz_proc_net_dev(const uint8_t* data, size_t size) {
  std::string_view text = as_text(data, size);
  std::vector<model::Interface> interfaces;
  capture::Diagnostics diag;
  capture::parse_proc_net_dev(text, "proc/net/dev", interfaces, diag);
  capture::parse_proc_net_if_inet6(text, "proc/net/if_inet6", interfaces, diag);
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_proc_net_dev)
