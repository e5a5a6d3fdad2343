// netsnap summary's numbers: how many sockets of each kind and TCP state each frame held, and the
// ports, peers and processes that were busiest over the frames summarised.
//
// Streaming: frames are fed one at a time and only their counts are kept (about 100 bytes a
// frame), so a day-long timeline is summarised without holding its snapshots. Which frames to feed
// (a --from/--to range, a filter) is the caller's choice.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "netsnap/model/ip_address.h"
#include "netsnap/model/snapshot.h"

namespace netsnap::analysis {

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
SocketKind socket_kind_of(const model::InetSocket& socket);

// States are counted for tcp and tcp6 only: every unconnected udp or raw socket is CLOSE (7) to
// the kernel, and counting them would drown the TCP CLOSE sockets people look for. Slots 1 to 12
// are the kernel's numbers (ESTABLISHED ... NEW_SYN_RECV); slot 0 counts any other number.
inline constexpr size_t kTcpStateSlots = 13;
size_t tcp_state_slot(uint8_t state);
// inet_state_name() of the slot's state ("ESTABLISHED", "TIME_WAIT", ...); "OTHER" for slot 0.
std::string tcp_state_slot_name(size_t slot);

// One frame's socket counts.
struct FrameCounts {
  uint64_t frame = 0;  // position in the timeline
  int64_t time_ns = 0;
  uint32_t total = 0;  // inet (all kinds) + unix
  std::array<uint32_t, kSocketKindCount> by_kind{};
  std::array<uint32_t, kTcpStateSlots> by_tcp_state{};  // indexed by tcp_state_slot()

  uint32_t count(SocketKind kind) const { return by_kind[static_cast<size_t>(kind)]; }
  uint32_t tcp_state_count(uint8_t state) const { return by_tcp_state[tcp_state_slot(state)]; }
};

// The highest per-frame count something reached, and the first frame that reached it.
struct Peak {
  uint32_t count = 0;
  uint64_t frame = 0;
  int64_t time_ns = 0;
};

// A TCP port with a listener: the peak number of non-LISTEN sockets (ESTABLISHED, TIME_WAIT,
// SYN_RECV, ...) on it as local port, counted in frames where it had a listener of the same kind.
// Listeners that never saw a connection are kept, with a peak of 0.
struct PortActivity {
  SocketKind kind = SocketKind::kTcp;  // kTcp or kTcp6
  uint16_t port = 0;
  Peak peak;
};

// A remote address: the peak number of inet sockets (any protocol and state) connected to it.
// Unspecified addresses (0.0.0.0, ::) are left out; ::ffff:a.b.c.d counts as a.b.c.d.
struct RemoteActivity {
  model::IpAddress address;
  Peak peak;
};

// A process (pid and program, so a reused pid is a new row): the peak number of distinct inet and
// unix sockets it held (several fds on one socket count once).
struct ProcessActivity {
  uint32_t pid = 0;
  std::string program;  // model::process_program(): raw, may hold control characters
  Peak peak;
};

struct TimelineSummary {
  std::vector<FrameCounts> frames;  // in the order fed
  // Each ranked by peak (highest first); ties by earlier peak frame, then by key.
  std::vector<PortActivity> busiest_local_ports;
  std::vector<RemoteActivity> busiest_remote_addresses;
  std::vector<ProcessActivity> processes;

  // The kinds and TCP state slots that are non-zero in some frame, in column order.
  std::vector<SocketKind> kinds_seen() const;
  std::vector<size_t> tcp_state_slots_seen() const;
};

// Feed frames in timeline order, then finish(). Memory grows with the number of frames (counts
// only) and with the distinct ports, remote addresses and processes seen.
class SummaryBuilder {
 public:
  void add_frame(uint64_t frame, int64_t capture_time_ns, const model::Snapshot& snapshot);
  // Keeps the `top` highest of each ranking; top = 0 keeps them all.
  TimelineSummary finish(size_t top = 10) &&;

 private:
  using PortKey = std::pair<SocketKind, uint16_t>;
  using ProcessKey = std::pair<uint32_t, std::string>;
  struct FrameStamp {
    uint64_t frame = 0;
    int64_t time_ns = 0;
  };

  void add_port_activity(const model::Snapshot& snapshot, FrameStamp at);
  void add_remote_activity(const model::Snapshot& snapshot, FrameStamp at);
  void add_process_activity(const model::Snapshot& snapshot, FrameStamp at);

  std::vector<FrameCounts> frames_;
  std::map<PortKey, Peak> ports_;
  std::map<model::IpAddress, Peak> remotes_;
  std::map<ProcessKey, Peak> processes_;
};

}  // namespace netsnap::analysis
