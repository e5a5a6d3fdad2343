// /proc/net/nf_conntrack (and ip_conntrack, same parser) and /proc/net/ip_masquerade: the input
// is parsed as both.
#include "fuzz/fuzz_targets.h"
#include "netsnap/capture/proc_parsers.h"

namespace netsnap::fuzz {

int fuzz_proc_net_conntrack(const uint8_t* data, size_t size) {
  std::string_view text = as_text(data, size);
  capture::Diagnostics diag;
  std::vector<model::ConntrackFlow> flows;
  capture::parse_proc_net_nf_conntrack(text, "proc/net/nf_conntrack", flows, diag);
  std::vector<model::MasqueradeEntry> masquerade;
  capture::parse_proc_net_ip_masquerade(text, "proc/net/ip_masquerade", masquerade, diag);
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_proc_net_conntrack)
