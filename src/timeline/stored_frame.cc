// The storage form of a snapshot (frame_codec.h): values that move on their own between frames,
// while nothing about the socket changed, are stored so that they stay put.
//
// - A socket's "sl" is its line number in its file: it moves whenever a socket before it comes or
//   goes. Stored: sl minus the line number, 0 for every socket the kernel listed.
// - A running timer is printed as the time left; stored: the time left plus the frame's timer
//   base in the same unit (clock ticks, seconds or centiseconds since an arbitrary origin), i.e.
//   its deadline. The base is chosen from the monotonic clock, then nudged by a tick or two so that
//   as many deadlines as possible match the frame before.
// - A socket's deadline is known to a tick or two only: the kernel prints each line at its own
//   jiffy while the file is read, and rounds jiffies (HZ) down to clock ticks (USER_HZ). So in a
//   live recording (same boot) a socket timer whose deadline is within kTimerJitterTicks of the
//   one the same socket's timer of the same kind had in the frame before keeps that deadline: its
//   countdown prints up to 0.02 s off the text read, and a timer that only ticked down is stored
//   unchanged. A fixture root's text is exact and kept as read.
//
// Apart from that, every transformation is arithmetic modulo 2^64 (2^32 for sl) with the base
// stored in the frame, so from_stored() gives back what to_stored() was given, whatever the values.
#include <array>
#include <map>
#include <unordered_map>

#include "frame_codec.h"

namespace netsnap::timeline {
namespace {

uint64_t clock_units(int64_t monotonic_ns, uint64_t per_second) {
  return static_cast<uint64_t>(static_cast<__int128>(monotonic_ns) * per_second / 1'000'000'000);
}

size_t file_of(const model::InetSocket& s) { return static_cast<size_t>(s.protocol) * 2 + s.ipv6; }

bool timer_runs(const model::InetSocket& s) { return s.timer_kind != 0; }
bool timer_runs(const model::MulticastGroup& g) { return g.timer_running != 0; }

constexpr uint64_t kTimerJitterTicks = 2;

// Whether deadlines read in frames of hosts a and b can differ by jitter alone: both read live
// from one boot's kernel. A fixture root's text is exact, frame after frame.
bool jittery(const model::HostInfo& a, const model::HostInfo& b) {
  return a.origin == model::Origin::kLive && b.origin == model::Origin::kLive &&
         a.boot_id == b.boot_id;
}

// Gives each running socket timer of now (deadlines, counted from tick base `base`) the deadline
// its socket had in previous when the two are within kTimerJitterTicks and that deadline is still
// ahead.
void keep_deadlines(model::Snapshot& now, uint64_t base, const StoredFrame& previous) {
  std::map<SocketKey, const model::InetSocket*> before;
  for (const auto& s : previous.snapshot.inet_sockets)
    if (timer_runs(s)) before.emplace(socket_key(s), &s);
  if (before.empty()) return;
  for (auto& s : now.inet_sockets) {
    if (!timer_runs(s) || s.timer_expires_ticks == base) continue;  // not running, or overdue
    auto it = before.find(socket_key(s));
    if (it == before.end() || it->second->timer_kind != s.timer_kind) continue;
    uint64_t kept = it->second->timer_expires_ticks;
    uint64_t countdown = s.timer_expires_ticks - base;
    uint64_t later = kept - s.timer_expires_ticks, earlier = s.timer_expires_ticks - kept;
    if ((later <= kTimerJitterTicks && countdown <= UINT64_MAX - later) ||
        (earlier <= kTimerJitterTicks && countdown > earlier))
      s.timer_expires_ticks = kept;
  }
}

// The tick base, within a few ticks of the clock's, that leaves most socket deadlines where the
// previous frame had them.
uint64_t matching_tick_base(const model::Snapshot& now, uint64_t clock_base,
                            const StoredFrame& previous) {
  std::unordered_map<uint64_t, uint32_t> deadlines;
  for (const auto& s : previous.snapshot.inet_sockets)
    if (timer_runs(s)) ++deadlines[s.timer_expires_ticks];
  if (deadlines.empty()) return clock_base;
  uint64_t best = clock_base;
  size_t best_hits = 0;
  for (int64_t nudge : {0, -1, 1, -2, 2, -3, 3}) {
    uint64_t base = clock_base + static_cast<uint64_t>(nudge);
    size_t hits = 0;
    for (const auto& s : now.inet_sockets)
      if (timer_runs(s)) hits += deadlines.count(s.timer_expires_ticks + base);
    if (hits > best_hits) best = base, best_hits = hits;
  }
  return best;
}

// Adds (sign +1) or removes (sign -1) the bases and line numbers.
void shift(model::Snapshot& s, const TimerBases& bases, uint64_t sign) {
  std::array<uint32_t, 8> line{};
  for (auto& socket : s.inet_sockets) {
    socket.slot -= static_cast<uint32_t>(sign) * line[file_of(socket)]++;
    if (timer_runs(socket)) socket.timer_expires_ticks += sign * bases.ticks;
  }
  for (auto& group : s.multicast)
    if (timer_runs(group)) group.timer += sign * bases.ticks;
  for (auto& flow : s.conntrack) flow.timeout_seconds += sign * bases.seconds;
  for (auto& entry : s.masquerade) entry.expires_centiseconds += sign * bases.centiseconds;
}

}  // namespace

StoredFrame to_stored(const model::Snapshot& snapshot, const StoredFrame* previous) {
  StoredFrame frame{snapshot, {}};
  const auto& host = snapshot.host;
  uint64_t hz = host.clock_ticks_per_second ? host.clock_ticks_per_second : 100;
  uint64_t ticks = clock_units(host.monotonic_time_ns, hz);
  frame.bases = {previous ? matching_tick_base(snapshot, ticks, *previous) : ticks,
                 clock_units(host.monotonic_time_ns, 1), clock_units(host.monotonic_time_ns, 100)};
  shift(frame.snapshot, frame.bases, 1);
  if (previous && jittery(snapshot.host, previous->snapshot.host))
    keep_deadlines(frame.snapshot, frame.bases.ticks, *previous);
  return frame;
}

model::Snapshot from_stored(StoredFrame frame) {
  shift(frame.snapshot, frame.bases, ~uint64_t{0});  // -1 modulo 2^64
  return std::move(frame.snapshot);
}

}  // namespace netsnap::timeline
