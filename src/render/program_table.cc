#include "program_table.h"

#include "netsnap/render/columns.h"
#include "netsnap/render/safe_text.h"

namespace netsnap::render {
namespace {

// netstat reads /proc/PID/cmdline into a 512-byte buffer it keeps NUL-terminated.
constexpr size_t kCmdlineRead = 511;
// The entry is printed into a 20-byte buffer: "PID/name" keeps at most 19 bytes.
constexpr size_t kEntryWidth = 19;

std::string entry_text(uint32_t pid, std::string_view name) {
  std::string text = std::to_string(pid);
  text += '/';
  text.append(name);
  if (text.size() > kEntryWidth) text.resize(kEntryWidth);
  return text;
}

}  // namespace

std::string program_name(std::string_view cmdline) {
  return printable(model::program_name_of(cmdline.substr(0, kCmdlineRead)));
}

ProgramTable::ProgramTable(const model::Snapshot& snapshot) {
  for (const model::Process& process : snapshot.processes) {
    // Built on the process's first socket, as netstat does. Capture already read the fd links by
    // netstat's rules (capture::socket_inode_from_link).
    std::string entry;
    for (const model::SocketHandle& socket : process.sockets) {
      if (entry.empty()) entry = entry_text(process.pid, program_name(process.cmdline));
      entries_.try_emplace(socket.inode, entry);
    }
  }
}

std::string_view ProgramTable::find(uint64_t inode) const {
  auto it = entries_.find(inode);
  return it == entries_.end() ? std::string_view("-") : std::string_view(it->second);
}

std::string program_table_warning(const model::Snapshot& snapshot, const ProgramTable& table) {
  const model::ProcessScan& scan = snapshot.process_scan;
  if (scan.proc_readable && scan.pids_fd_denied == 0) return "";
  if (scan.proc_readable && !table.empty()) {
    return "(Not all processes could be identified, non-owned process info\n"
           " will not be shown, you would have to be root to see it all.)\n";
  }
  return "(No info could be read for \"-p\": geteuid()=" +
         std::to_string(static_cast<int32_t>(snapshot.host.captured_by_uid)) +
         " but you should be root.)\n";
}

}  // namespace netsnap::render
