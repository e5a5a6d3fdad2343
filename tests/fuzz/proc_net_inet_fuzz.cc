// /proc/net/{tcp,udp,udplite,raw}[6]: the input's first byte picks which of the eight files the
// rest is parsed as (its value modulo 8, in the order of model::kInetSocketFiles: the seeds start
// with '0' for tcp ... '7' for raw6). One parse an input, not eight, keeps the harness near the
// others' speed.
#include "fuzz/fuzz_targets.h"
#include "netsnap/capture/proc_parsers.h"
#include "netsnap/model/socket_names.h"

namespace netsnap::fuzz {

int fuzz_proc_net_inet(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  constexpr size_t kFiles = std::size(model::kInetSocketFiles);
  const auto& file = model::kInetSocketFiles[data[0] % kFiles];
  std::vector<model::InetSocket> sockets;
  capture::Diagnostics diag;
  capture::parse_proc_net_inet(as_text(data + 1, size - 1), file.path, file.protocol, file.ipv6, sockets,
                               diag);
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_proc_net_inet)
