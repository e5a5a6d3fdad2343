// /proc/net/igmp and /proc/net/igmp6: the input is parsed as both.
#include "fuzz/fuzz_targets.h"
#include "netsnap/capture/proc_parsers.h"

namespace netsnap::fuzz {

int fuzz_proc_net_igmp(const uint8_t* data, size_t size) {
  std::string_view text = as_text(data, size);
  std::vector<model::MulticastGroup> groups;
  capture::Diagnostics diag;
  capture::parse_proc_net_igmp(text, "proc/net/igmp", groups, diag);
  capture::parse_proc_net_igmp6(text, "proc/net/igmp6", groups, diag);
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_proc_net_igmp)
