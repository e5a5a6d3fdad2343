// The words people use for sockets: protocol, state and type names, and which processes own a
// socket. Shared by export, filters, diff and summary; netstat's own (quirky) names stay in render.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "netsnap/model/snapshot.h"

namespace netsnap::model {

// The kernel files inet sockets are read from, in the order Snapshot::inet_sockets keeps them.
struct InetSocketFile {
  std::string_view path;  // "proc/net/tcp6"
  InetProtocol protocol;
  bool ipv6;
};
inline constexpr InetSocketFile kInetSocketFiles[] = {
    {"proc/net/tcp", InetProtocol::kTcp, false},
    {"proc/net/tcp6", InetProtocol::kTcp, true},
    {"proc/net/udp", InetProtocol::kUdp, false},
    {"proc/net/udp6", InetProtocol::kUdp, true},
    {"proc/net/udplite", InetProtocol::kUdpLite, false},
    {"proc/net/udplite6", InetProtocol::kUdpLite, true},
    {"proc/net/raw", InetProtocol::kRaw, false},
    {"proc/net/raw6", InetProtocol::kRaw, true},
};

// "tcp", "udp", "udplite", "raw".
std::string_view inet_protocol_name(InetProtocol protocol);

// The kernel's TCP_* state name (ESTABLISHED, LISTEN, TIME_WAIT, ...; NEW_SYN_RECV). udp and raw
// sockets use the same numbers (1 when connected, 7 otherwise). Unknown numbers give their decimal
// text.
std::string inet_state_name(uint8_t state);

// LISTENING for a listener (__SO_ACCEPTCON), else FREE, UNCONNECTED, CONNECTING, CONNECTED or
// DISCONNECTING; unknown numbers give their decimal text.
std::string unix_state_name(const UnixSocket& socket);

// STREAM, DGRAM, RAW, RDM, SEQPACKET; unknown numbers give their decimal text.
std::string unix_type_name(uint32_t type);

struct SocketOwner {
  uint32_t pid = 0;
  std::string program;  // argv[0] (basename when absolute), or comm when argv is empty
  bool operator==(const SocketOwner&) const = default;
};

// The name a process goes by: its program_name_of(cmdline), or its comm when it has no argv
// (kernel threads, zombies). Not cleaned of control characters.
std::string process_program(const Process& process);

// Socket inode -> the processes holding it, in /proc order (a forking server's listener is held
// by several). Sockets without an inode (TIME_WAIT, request sockets) have no owner.
class SocketOwners {
 public:
  explicit SocketOwners(const Snapshot& snapshot);
  // Every holder, in /proc order; empty when none.
  const std::vector<SocketOwner>& all(uint64_t inode) const;
  // The first holder, as netstat -p shows it; nullptr when none.
  const SocketOwner* first(uint64_t inode) const;

 private:
  std::unordered_map<uint64_t, std::vector<SocketOwner>> owners_;
};

}  // namespace netsnap::model
