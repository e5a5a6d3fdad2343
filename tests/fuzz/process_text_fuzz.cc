// The texts the process scan parses: a /proc/PID/fd link ("socket:[123]") and /proc/PID/status;
// and the program name netstat -p derives from /proc/PID/cmdline. The input is read as each.
#include "fuzz/fuzz_targets.h"
#include "netsnap/capture/process_scan.h"
#include "netsnap/model/snapshot.h"

namespace netsnap::fuzz {

int fuzz_process_text(const uint8_t* data, size_t size) {
  std::string_view text = as_text(data, size);
  capture::socket_inode_from_link(text);
  capture::uid_from_status(text);
  std::string_view program = model::program_name_of(text);
  // A view into the command line itself, never a copy or a stray pointer.
  FUZZ_CHECK(program.empty() || (program.data() >= text.data() &&
                                 program.data() + program.size() <= text.data() + text.size()));
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_process_text)
