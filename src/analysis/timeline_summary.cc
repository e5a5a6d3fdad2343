#include "netsnap/analysis/timeline_summary.h"

#include <algorithm>

#include "netsnap/model/socket_names.h"

namespace netsnap::analysis {
namespace {

constexpr uint8_t kTcpListen = 10;

bool is_tcp(SocketKind kind) { return kind == SocketKind::kTcp || kind == SocketKind::kTcp6; }

// ::ffff:a.b.c.d is an IPv4 peer reached through a tcp6/udp6 socket: one peer, one row.
model::IpAddress unmapped(const model::IpAddress& address) {
  if (!address.is_v4_mapped()) return address;
  const uint8_t* b = address.data();
  return model::IpAddress::v4({b[12], b[13], b[14], b[15]});
}

// Keeps the first frame that reached the highest count; a key seen for the first time starts at
// whatever it has now, even 0.
template <class Peaks, class Key>
void raise_peak(Peaks& peaks, const Key& key, const Peak& now) {
  auto [it, inserted] = peaks.try_emplace(key, now);
  if (!inserted && now.count > it->second.count) it->second = now;
}

// Highest peak first; ties go to the earlier peak, then keep the rows' (key) order.
template <class Row>
std::vector<Row> ranked(std::vector<Row> rows, size_t top) {
  std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.peak.count != b.peak.count) return a.peak.count > b.peak.count;
    return a.peak.frame < b.peak.frame;
  });
  if (top != 0 && rows.size() > top) rows.resize(top);
  return rows;
}

FrameCounts count_frame(uint64_t frame, int64_t time_ns, const model::Snapshot& snapshot) {
  FrameCounts counts{model::count_sockets(snapshot)};
  counts.frame = frame;
  counts.time_ns = time_ns;
  return counts;
}

}  // namespace

std::vector<SocketKind> TimelineSummary::kinds_seen() const {
  std::vector<SocketKind> seen;
  for (size_t k = 0; k < kSocketKindCount; ++k) {
    if (std::any_of(frames.begin(), frames.end(), [k](const auto& f) { return f.by_kind[k]; }))
      seen.push_back(static_cast<SocketKind>(k));
  }
  return seen;
}

std::vector<size_t> TimelineSummary::tcp_state_slots_seen() const {
  std::vector<size_t> seen;
  // Slot 0 (unknown numbers) goes last: it is the odd one out, not the first state.
  for (size_t i = 1; i <= kTcpStateSlots; ++i) {
    size_t slot = i % kTcpStateSlots;
    if (std::any_of(frames.begin(), frames.end(),
                    [slot](const auto& f) { return f.by_tcp_state[slot]; }))
      seen.push_back(slot);
  }
  return seen;
}

void SummaryBuilder::add_frame(uint64_t frame, int64_t capture_time_ns,
                               const model::Snapshot& snapshot) {
  frames_.push_back(count_frame(frame, capture_time_ns, snapshot));
  FrameStamp at{frame, capture_time_ns};
  add_port_activity(snapshot, at);
  add_remote_activity(snapshot, at);
  add_process_activity(snapshot, at);
}

void SummaryBuilder::add_port_activity(const model::Snapshot& snapshot, FrameStamp at) {
  // Only ports with a listener count: a client's ephemeral port would otherwise rank as a port
  // with one connection.
  std::map<PortKey, uint32_t> connected;
  for (const model::InetSocket& socket : snapshot.inet_sockets) {
    SocketKind kind = socket_kind_of(socket);
    if (is_tcp(kind) && socket.state == kTcpListen)
      connected.try_emplace({kind, socket.local_port});
  }
  for (const model::InetSocket& socket : snapshot.inet_sockets) {
    if (socket.state == kTcpListen) continue;
    auto it = connected.find({socket_kind_of(socket), socket.local_port});
    if (it != connected.end()) ++it->second;
  }
  for (const auto& [key, count] : connected) raise_peak(ports_, key, {count, at.frame, at.time_ns});
}

void SummaryBuilder::add_remote_activity(const model::Snapshot& snapshot, FrameStamp at) {
  size_t next = 0;  // where in previous_peers_ this socket would be, had nothing changed
  auto known = [&](const model::IpAddress& peer, size_t at) {
    return at < previous_peers_.size() && previous_peers_[at].first == peer;
  };
  peers_.clear();
  for (const model::InetSocket& socket : snapshot.inet_sockets) {
    const model::IpAddress& remote = socket.remote_address;
    if (remote.family() == model::IpAddress::Family::kNone || remote.is_unspecified()) continue;
    model::IpAddress peer = unmapped(remote);
    size_t slot;
    if (known(peer, next)) {
      slot = previous_peers_[next++].second;
    } else if (known(peer, next + 1)) {  // the socket before it went away
      slot = previous_peers_[next + 1].second;
      next += 2;
    } else {  // new here
      auto [it, added] = remote_slots_.try_emplace(peer, remote_peaks_.size());
      if (added) remote_peaks_.push_back({peer, {}}), remote_counts_.push_back(0);
      slot = it->second;
    }
    peers_.emplace_back(peer, slot);
    if (remote_counts_[slot]++ == 0) remotes_touched_.push_back(slot);
  }
  std::swap(peers_, previous_peers_);
  for (size_t touched : remotes_touched_) {
    Peak now{remote_counts_[touched], at.frame, at.time_ns};
    Peak& peak = remote_peaks_[touched].second;
    if (peak.count == 0 || now.count > peak.count) peak = now;  // first seen: starts at now
    remote_counts_[touched] = 0;
  }
  remotes_touched_.clear();
}

void SummaryBuilder::add_process_activity(const model::Snapshot& snapshot, FrameStamp at) {
  // Process::sockets also lists netlink, packet and other sockets; only inet and unix count.
  frame_inodes_.start(snapshot.inet_sockets.size() + snapshot.unix_sockets.size());
  for (const auto& socket : snapshot.inet_sockets) frame_inodes_.insert(socket.inode);
  for (const auto& socket : snapshot.unix_sockets) frame_inodes_.insert(socket.inode);
  std::vector<uint64_t> held;
  for (const model::Process& process : snapshot.processes) {
    held.clear();
    for (const model::SocketHandle& handle : process.sockets)  // TIME_WAIT sockets: inode 0
      if (handle.inode != 0 && frame_inodes_.contains(handle.inode)) held.push_back(handle.inode);
    // A process holding only other sockets gets no row; a count falling to 0 lowers no peak.
    if (held.empty()) continue;
    std::sort(held.begin(), held.end());  // one socket under two fds counts once
    auto distinct = std::unique(held.begin(), held.end()) - held.begin();
    ProcessKey key{process.pid, model::process_program(process)};
    raise_peak(processes_, key, {static_cast<uint32_t>(distinct), at.frame, at.time_ns});
  }
}

void SummaryBuilder::FrameInodes::start(size_t count) {
  if (slots_.size() < 2 * count + 2) {
    size_t size = 16;
    while (size < 2 * count + 2) size *= 2;
    slots_.assign(size, {0, 0});
    stamp_ = 0;
  }
  if (++stamp_ == 0) {  // after 2^32 frames: stamps would repeat
    std::fill(slots_.begin(), slots_.end(), std::pair<uint64_t, uint32_t>{0, 0});
    stamp_ = 1;
  }
}

size_t SummaryBuilder::FrameInodes::find(uint64_t inode) const {
  size_t mask = slots_.size() - 1;
  size_t i = static_cast<size_t>(inode * 0x9e3779b97f4a7c15u >> 20) & mask;
  while (slots_[i].second == stamp_ && slots_[i].first != inode) i = (i + 1) & mask;
  return i;
}

void SummaryBuilder::FrameInodes::insert(uint64_t inode) { slots_[find(inode)] = {inode, stamp_}; }

bool SummaryBuilder::FrameInodes::contains(uint64_t inode) const {
  return slots_[find(inode)].second == stamp_;
}

TimelineSummary SummaryBuilder::finish(size_t top) && {
  TimelineSummary summary;
  summary.frames = std::move(frames_);
  std::vector<PortActivity> ports;
  for (const auto& [key, peak] : ports_) ports.push_back({key.first, key.second, peak});
  summary.busiest_local_ports = ranked(std::move(ports), top);
  std::vector<RemoteActivity> remotes;
  for (const auto& [address, peak] : remote_peaks_) remotes.push_back({address, peak});
  std::sort(remotes.begin(), remotes.end(),  // key order, so that ties rank as before
            [](const auto& a, const auto& b) { return a.address < b.address; });
  summary.busiest_remote_addresses = ranked(std::move(remotes), top);
  std::vector<ProcessActivity> processes;
  for (const auto& [key, peak] : processes_) processes.push_back({key.first, key.second, peak});
  summary.processes = ranked(std::move(processes), top);
  return summary;
}

}  // namespace netsnap::analysis
