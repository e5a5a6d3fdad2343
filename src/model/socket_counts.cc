#include "netsnap/model/socket_counts.h"

#include "netsnap/model/socket_names.h"

namespace netsnap::model {

std::string_view socket_kind_name(SocketKind kind) {
  static constexpr std::string_view kNames[kSocketKindCount] = {
      "tcp", "tcp6", "udp", "udp6", "udplite", "udplite6", "raw", "raw6", "unix"};
  return kNames[static_cast<size_t>(kind)];
}

SocketKind socket_kind_of(const InetSocket& socket) {
  switch (socket.protocol) {
    case InetProtocol::kTcp:
      return socket.ipv6 ? SocketKind::kTcp6 : SocketKind::kTcp;
    case InetProtocol::kUdp:
      return socket.ipv6 ? SocketKind::kUdp6 : SocketKind::kUdp;
    case InetProtocol::kUdpLite:
      return socket.ipv6 ? SocketKind::kUdpLite6 : SocketKind::kUdpLite;
    case InetProtocol::kRaw:
      return socket.ipv6 ? SocketKind::kRaw6 : SocketKind::kRaw;
  }
  return SocketKind::kRaw;
}

size_t tcp_state_slot(uint8_t state) { return state < kTcpStateSlots ? state : 0; }

std::string tcp_state_slot_name(size_t slot) {
  if (slot == 0 || slot >= kTcpStateSlots) return "OTHER";
  return inet_state_name(static_cast<uint8_t>(slot));
}

SocketCounts count_sockets(const Snapshot& snapshot) {
  SocketCounts counts;
  for (const InetSocket& socket : snapshot.inet_sockets) {
    SocketKind kind = socket_kind_of(socket);
    ++counts.by_kind[static_cast<size_t>(kind)];
    if (kind == SocketKind::kTcp || kind == SocketKind::kTcp6)
      ++counts.by_tcp_state[tcp_state_slot(socket.state)];
  }
  counts.by_kind[static_cast<size_t>(SocketKind::kUnix)] =
      static_cast<uint32_t>(snapshot.unix_sockets.size());
  counts.total = static_cast<uint32_t>(snapshot.inet_sockets.size() + snapshot.unix_sockets.size());
  return counts;
}

}  // namespace netsnap::model
