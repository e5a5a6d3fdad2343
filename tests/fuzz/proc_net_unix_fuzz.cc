// /proc/net/unix.
#include "fuzz/fuzz_targets.h"
#include "netsnap/capture/proc_parsers.h"

namespace netsnap::fuzz {

int fuzz_proc_net_unix(const uint8_t* data, size_t size) {
  std::vector<model::UnixSocket> sockets;
  bool has_inode_column = false;
  capture::Diagnostics diag;
  capture::parse_proc_net_unix(as_text(data, size), "proc/net/unix", sockets, has_inode_column,
                               diag);
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_proc_net_unix)
