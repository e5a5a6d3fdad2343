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
#include <unordered_map>
#include <utility>
#include <vector>

#include "netsnap/model/ip_address.h"
#include "netsnap/model/snapshot.h"
#include "netsnap/model/socket_counts.h"

namespace netsnap::analysis {

// The kinds and TCP state slots a frame is counted by (model/socket_counts.h).
using model::kSocketKindCount;
using model::kTcpStateSlots;
using model::socket_kind_name;
using model::socket_kind_of;
using model::SocketKind;
using model::tcp_state_slot;
using model::tcp_state_slot_name;

// One frame's socket counts.
struct FrameCounts : model::SocketCounts {
  uint64_t frame = 0;  // position in the timeline
  int64_t time_ns = 0;
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
  struct AddressHash {
    size_t operator()(const model::IpAddress& a) const {
      return std::hash<std::string_view>()(a.bytes()) ^ static_cast<size_t>(a.family());
    }
  };
  // The inodes of one frame's inet and unix sockets: open addressing, emptied for each frame by
  // a new stamp rather than by clearing, so a frame costs a probe per socket and nothing else.
  class FrameInodes {
   public:
    void start(size_t count);  // a new frame of `count` sockets at most
    void insert(uint64_t inode);
    bool contains(uint64_t inode) const;

   private:
    size_t find(uint64_t inode) const;                  // its slot, or the empty slot it would take
    std::vector<std::pair<uint64_t, uint32_t>> slots_;  // inode, stamp of the frame it is of
    uint32_t stamp_ = 0;
  };
  FrameInodes frame_inodes_;
  // Each remote address seen gets a slot for good: a frame counts into slots (no allocation once
  // the addresses are known), then raises the peaks of the slots it touched.
  std::unordered_map<model::IpAddress, size_t, AddressHash> remote_slots_;
  std::vector<std::pair<model::IpAddress, Peak>> remote_peaks_;  // by slot
  std::vector<uint32_t> remote_counts_;                          // by slot, 0 between frames
  std::vector<size_t> remotes_touched_;
  // The frame before's peers and slots in socket order: most sockets are where they were, so
  // most slots are found there, without a lookup in a table that holds the whole day.
  std::vector<std::pair<model::IpAddress, size_t>> previous_peers_, peers_;
  std::map<ProcessKey, Peak> processes_;
};

}  // namespace netsnap::analysis
