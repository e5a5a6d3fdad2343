#include "netsnap/model/socket_names.h"

namespace netsnap::model {

std::string_view inet_protocol_name(InetProtocol protocol) {
  switch (protocol) {
    case InetProtocol::kTcp:
      return "tcp";
    case InetProtocol::kUdp:
      return "udp";
    case InetProtocol::kUdpLite:
      return "udplite";
    case InetProtocol::kRaw:
      return "raw";
  }
  return "unknown";
}

std::string inet_state_name(uint8_t state) {
  static constexpr std::string_view kNames[] = {
      "",      "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",   "TIME_WAIT",
      "CLOSE", "CLOSE_WAIT",  "LAST_ACK", "LISTEN",   "CLOSING",   "NEW_SYN_RECV"};
  if (state > 0 && state < std::size(kNames)) return std::string(kNames[state]);
  return std::to_string(state);
}

std::string unix_state_name(const UnixSocket& socket) {
  // __SO_ACCEPTCON marks a listener, which the kernel leaves UNCONNECTED; netstat says LISTENING.
  if (socket.flags & 0x10000) return "LISTENING";
  static constexpr std::string_view kNames[] = {"FREE", "UNCONNECTED", "CONNECTING", "CONNECTED",
                                                "DISCONNECTING"};
  if (socket.state < std::size(kNames)) return std::string(kNames[socket.state]);
  return std::to_string(socket.state);
}

std::string unix_type_name(uint32_t type) {
  static constexpr std::string_view kNames[] = {"", "STREAM", "DGRAM", "RAW", "RDM", "SEQPACKET"};
  if (type > 0 && type < std::size(kNames)) return std::string(kNames[type]);
  return std::to_string(type);
}

std::string process_program(const Process& process) {
  if (process.cmdline.empty() || process.cmdline[0] == '\0') return process.comm;
  return std::string(program_name_of(process.cmdline));
}

SocketOwners::SocketOwners(const Snapshot& snapshot) {
  for (const Process& process : snapshot.processes) {
    std::string program = process_program(process);
    for (const SocketHandle& socket : process.sockets) {
      if (socket.inode == 0) continue;
      auto& holders = owners_[socket.inode];
      // A process holding one socket on several fds is one owner.
      if (holders.empty() || holders.back().pid != process.pid)
        holders.push_back({process.pid, program});
    }
  }
}

const std::vector<SocketOwner>& SocketOwners::all(uint64_t inode) const {
  static const std::vector<SocketOwner> kNone;
  auto it = owners_.find(inode);
  return it == owners_.end() ? kNone : it->second;
}

const SocketOwner* SocketOwners::first(uint64_t inode) const {
  const auto& holders = all(inode);
  return holders.empty() ? nullptr : &holders.front();
}

}  // namespace netsnap::model
