// Writes a day of recording of a busy host quickly, through netsnap's own timeline writer, for the
// seek benchmark (tools/bench/seek.sh):
//
//   make_day_timeline ROOT OUT FRAMES SOCKETS [N OUT_N]...
//
// The first frame is ROOT (a fixture root) captured once, with its TCP sockets replaced by SOCKETS
// established connections to port 443 from clients of 10.1.0.0/16, held by the root's first
// process that holds a socket, a third of them with keepalive timers. Frame k follows frame k-1 by
// one second: 1% of the connections close and as many new ones open (new port, peer, inode and
// fd), timers count down, the statistics counters and interface counters grow. Each (N, OUT_N)
// pair also writes frame N alone, as a one-frame timeline, to OUT_N. Prints the keyframe numbers.
#include <cstdio>
#include <cstdlib>
#include <map>
#include <random>
#include <string>

#include "netsnap/capture/snapshot_source.h"
#include "netsnap/timeline/timeline.h"

namespace {

using netsnap::model::InetSocket;
using netsnap::model::IpAddress;
using netsnap::model::Snapshot;

struct Day {
  std::mt19937_64 rng{42};
  uint64_t next_inode = 500000;
  uint32_t next_fd = 100;

  InetSocket connection() {
    InetSocket s;
    s.local_address = IpAddress::v4({10, 0, 0, 1});
    s.local_port = 443;
    s.remote_address = IpAddress::v4(
        {10, 1, static_cast<uint8_t>(rng() % 256), static_cast<uint8_t>(1 + rng() % 254)});
    s.remote_port = static_cast<uint16_t>(32768 + rng() % 28000);
    s.state = 1;
    s.inode = next_inode++;
    s.ref_count = 1;
    s.uid = 33;
    s.retransmit_timeout_ticks = 20;
    s.ack_timeout_ticks = 4;
    s.send_congestion_window = 10;
    s.slow_start_threshold = -1;
    if (rng() % 3 == 0) s.timer_kind = 2, s.timer_expires_ticks = 7200 * 100 - rng() % 100000;
    return s;
  }

  // A socket enters at a random place of the kernel's hash order.
  void open(Snapshot& s, size_t first, netsnap::model::Process& owner) {
    InetSocket c = connection();
    auto at = s.inet_sockets.begin() +
              static_cast<long>(first + rng() % (s.inet_sockets.size() - first + 1));
    s.inet_sockets.insert(at, c);
    owner.sockets.push_back({next_fd++, c.inode});
  }

  void next_second(Snapshot& s, size_t first, size_t connections, netsnap::model::Process& owner) {
    s.host.capture_time_ns += 1'000'000'000;
    s.host.monotonic_time_ns += 1'000'000'000;
    for (size_t n = connections / 100; n > 0; --n) {
      size_t victim = first + rng() % (s.inet_sockets.size() - first);
      uint64_t inode = s.inet_sockets[victim].inode;
      s.inet_sockets.erase(s.inet_sockets.begin() + static_cast<long>(victim));
      std::erase_if(owner.sockets, [&](const auto& h) { return h.inode == inode; });
      open(s, first, owner);
    }
    for (auto& socket : s.inet_sockets)
      if (socket.timer_kind == 2 && socket.timer_expires_ticks >= 100)
        socket.timer_expires_ticks -= 100;
    for (auto& section : s.statistics)
      for (auto& counter : section.counters) counter.value += rng() % 50;
    for (auto& interface : s.interfaces)
      if (interface.counters) {
        interface.counters->rx_bytes += 1'000'000 + rng() % 100000;
        interface.counters->tx_bytes += 2'000'000 + rng() % 100000;
        interface.counters->rx_packets += 1000 + rng() % 100;
        interface.counters->tx_packets += 1500 + rng() % 100;
      }
    for (size_t i = 0; i < s.inet_sockets.size(); ++i) s.inet_sockets[i].slot = uint32_t(i);
  }
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5 || argc % 2 == 0) {
    std::fprintf(stderr, "usage: make_day_timeline ROOT OUT FRAMES SOCKETS [N OUT_N]...\n");
    return 2;
  }
  uint64_t frames = std::strtoull(argv[3], nullptr, 10);
  size_t sockets = std::strtoull(argv[4], nullptr, 10);
  std::map<uint64_t, std::string> singles;
  for (int i = 5; i + 1 < argc; i += 2) singles[std::strtoull(argv[i], nullptr, 10)] = argv[i + 1];

  Snapshot s = netsnap::capture::make_fixture_source(argv[1])->capture();
  if (s.processes.empty()) return std::fprintf(stderr, "the root has no process\n"), 1;
  Day day;
  std::erase_if(s.inet_sockets, [](const InetSocket& x) {
    return x.protocol == netsnap::model::InetProtocol::kTcp && !x.ipv6;
  });
  InetSocket listener = day.connection();
  listener.remote_address = IpAddress::v4({0, 0, 0, 0});
  listener.remote_port = 0;
  listener.state = 10;
  listener.timer_kind = 0;
  s.inet_sockets.insert(s.inet_sockets.begin(), listener);
  auto& owner = s.processes.front();
  owner.sockets.push_back({day.next_fd++, listener.inode});
  size_t first = 1;  // connections go after the listener, among the other tcp sockets' files
  for (size_t i = 1; i < sockets; ++i) day.open(s, first, owner);
  s.host.monotonic_time_ns = 1'000'000'000'000;

  netsnap::timeline::TimelineWriter writer(argv[2],
                                           netsnap::timeline::TimelineWriter::Mode::kReplace);
  for (uint64_t k = 0; k < frames; ++k) {
    if (k > 0) day.next_second(s, first, sockets - 1, owner);
    writer.write_frame(s);
    if (auto single = singles.find(k); single != singles.end()) {
      netsnap::timeline::TimelineWriter one(single->second,
                                            netsnap::timeline::TimelineWriter::Mode::kReplace);
      one.write_frame(s);
    }
  }
  writer.close();
  return 0;
}
