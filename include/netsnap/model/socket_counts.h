// How many sockets of each kind and TCP state a snapshot holds: the numbers `summary` charts and
// the timeline index keeps for every frame (so `ls` needs no frame decoded).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "netsnap/model/snapshot.h"

namespace netsnap::model {

// The kinds of socket a frame is counted by, in column order. "6" marks sockets read from the IPv6
// files (tcp6 also holds IPv4 peers as ::ffff:a.b.c.d, as netstat shows them). SCTP is not counted.
enum class SocketKind : uint8_t {
  kTcp,
  kTcp6,
  kUdp,
  kUdp6,
  kUdpLite,
  kUdpLite6,
  kRaw,
  kRaw6,
  kUnix,
};
inline constexpr size_t kSocketKindCount = 9;

// "tcp", "tcp6", "udp", "udp6", "udplite", "udplite6", "raw", "raw6", "unix".
std::string_view socket_kind_name(SocketKind kind);
SocketKind socket_kind_of(const InetSocket& socket);

// States are counted for tcp and tcp6 only: every unconnected udp or raw socket is CLOSE (7) to
// the kernel, and counting them would drown the TCP CLOSE sockets people look for. Slots 1 to 12
// are the kernel's numbers (ESTABLISHED ... NEW_SYN_RECV); slot 0 counts any other number.
inline constexpr size_t kTcpStateSlots = 13;
size_t tcp_state_slot(uint8_t state);
// inet_state_name() of the slot's state ("ESTABLISHED", "TIME_WAIT", ...); "OTHER" for slot 0.
std::string tcp_state_slot_name(size_t slot);

struct SocketCounts {
  uint32_t total = 0;  // inet (all kinds) + unix
  std::array<uint32_t, kSocketKindCount> by_kind{};
  std::array<uint32_t, kTcpStateSlots> by_tcp_state{};  // indexed by tcp_state_slot()

  uint32_t count(SocketKind kind) const { return by_kind[static_cast<size_t>(kind)]; }
  uint32_t tcp_state_count(uint8_t state) const { return by_tcp_state[tcp_state_slot(state)]; }
  bool operator==(const SocketCounts&) const = default;
};

SocketCounts count_sockets(const Snapshot& snapshot);

}  // namespace netsnap::model
