// /proc/net/sctp/{eps,assocs} and their sctp6 twins: the input is parsed as all four.
#include "fuzz/fuzz_targets.h"
#include "netsnap/capture/proc_parsers.h"

namespace netsnap::fuzz {

int fuzz_proc_net_sctp(const uint8_t* data, size_t size) {
  std::string_view text = as_text(data, size);
  for (bool ipv6 : {false, true}) {
    capture::Diagnostics diag;
    std::vector<model::SctpEndpoint> endpoints;
    capture::parse_proc_net_sctp_eps(text, "proc/net/sctp/eps", ipv6, endpoints, diag);
    std::vector<model::SctpAssociation> associations;
    capture::parse_proc_net_sctp_assocs(text, "proc/net/sctp/assocs", ipv6, associations, diag);
  }
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_proc_net_sctp)
