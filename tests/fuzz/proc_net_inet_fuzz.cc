// /proc/net/{tcp,udp,udplite,raw}[6]: the input is parsed as each of the eight files.
#include "fuzz/fuzz_targets.h"
#include "netsnap/capture/proc_parsers.h"
#include "netsnap/model/socket_names.h"

namespace netsnap::fuzz {

int fuzz_proc_net_inet(const uint8_t* data, size_t size) {
  for (const auto& file : model::kInetSocketFiles) {
    std::vector<model::InetSocket> sockets;
    capture::Diagnostics diag;
    capture::parse_proc_net_inet(as_text(data, size), file.path, file.protocol, file.ipv6, sockets,
                                 diag);
  }
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_proc_net_inet)
