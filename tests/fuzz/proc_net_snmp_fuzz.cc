// /proc/net/snmp and /proc/net/netstat (one format), /proc/net/snmp6 and /proc/net/sctp/snmp:
// the input is parsed as each, into one statistics list as capture does.
#include "fuzz/fuzz_targets.h"
#include "netsnap/capture/proc_parsers.h"

namespace netsnap::fuzz {

int fuzz_proc_net_snmp(const uint8_t* data, size_t size) {
  std::string_view text = as_text(data, size);
  std::vector<model::StatSection> sections;
  capture::Diagnostics diag;
  capture::parse_proc_net_snmp(text, "proc/net/snmp", sections, diag);
  capture::parse_proc_net_snmp6(text, "proc/net/snmp6", sections, diag);
  capture::parse_proc_net_sctp_snmp(text, "proc/net/sctp/snmp", sections, diag);
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_proc_net_snmp)
