// What changed on a host between two snapshots: sockets opened, closed and changed; routes,
// interfaces, multicast memberships and NAT flows added, removed and changed; protocol statistics
// as deltas and rates. `netsnap diff` renders it (render/diff_report.h); nothing here prints.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "netsnap/model/ip_address.h"
#include "netsnap/model/snapshot.h"
#include "netsnap/model/socket_names.h"

namespace netsnap::analysis {

struct DiffOptions {
  // Set when the user gave a socket filter: only sockets and NAT flows are compared.
  bool sockets_only = false;
};

// One value seen in both snapshots.
template <typename T>
struct Change {
  T before;
  T after;
};

// A list compared element by element: `added` holds what only the after snapshot has (sockets
// opened, groups joined, flows appeared), `removed` what only the before snapshot has. Both keep
// their snapshot's order.
template <typename T>
struct ListDiff {
  std::vector<T> added;
  std::vector<T> removed;
  std::vector<Change<T>> changed;
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

// ---- Sockets

enum class SocketFamily : uint8_t { kInet, kUnix };

// A socket as the diff shows it: what identifies it, the fields compared, and its owners in its
// own snapshot. Volatile fields (timers, retransmits, ref counts, kernel addresses) are left out.
struct DiffSocket {
  SocketFamily family = SocketFamily::kInet;
  std::string protocol;                            // "tcp", "udp", "udplite", "raw", "unix"
  bool ipv6 = false;                               // inet: from the "6" file
  model::IpAddress local_address, remote_address;  // inet only
  uint16_t local_port = 0, remote_port = 0;        // inet only
  std::string path;                                // unix only, as the kernel prints it
  std::string type;                                // unix only: STREAM, DGRAM, ...
  std::string state;                               // inet_state_name / unix_state_name
  uint64_t rx_queue = 0, tx_queue = 0;             // inet only
  uint64_t inode = 0;
  std::vector<model::SocketOwner> owners;  // /proc order; empty when none was seen

  bool state_differs(const DiffSocket& other) const { return state != other.state; }
  bool queues_differ(const DiffSocket& other) const {
    return rx_queue != other.rx_queue || tx_queue != other.tx_queue;
  }
  bool owners_differ(const DiffSocket& other) const { return owners != other.owners; }
};

// added = opened, removed = closed. A socket whose inode went to or from 0 (an ESTABLISHED
// connection entering TIME_WAIT loses it) is matched by protocol and addresses alone, so it shows
// as changed rather than closed and opened again.
using SocketDiff = ListDiff<DiffSocket>;

// ---- Counters (protocol statistics and interface counters)

enum class CounterChange : uint8_t {
  kIncreased,  // delta = after - before
  kWrapped,    // went down, plausibly a 32-bit counter wrapping: delta = after + 2^32 - before
  kReset,      // went down for another reason (interface recreated, module reloaded)
  kRebooted,   // went down, and the snapshots come from different boots
  kGauge,      // a level, not a count (TcpCurrEstab): only before -> after means anything
  kAppeared,   // only in the after snapshot (`after` is its value)
  kGone,       // only in the before snapshot (`before` is its value)
};

struct CounterDelta {
  std::string name;  // "rx_bytes"; nstat's name for statistics ("TcpActiveOpens")
  CounterChange change = CounterChange::kIncreased;
  uint64_t before = 0, after = 0;
  uint64_t delta = 0;                // kIncreased and kWrapped only
  std::optional<double> per_second;  // kIncreased and kWrapped, when the elapsed time is known
};

// The rule for a counter seen in both snapshots: nullopt when it did not move; a decrease is
// kRebooted when `rebooted`, else kWrapped when before < 2^32 and the wrapped delta is under
// 2^31 (less than half a turn), else kReset. Rates use elapsed_seconds when it is set.
std::optional<CounterDelta> counter_delta(std::string name, uint64_t before, uint64_t after,
                                          std::optional<double> elapsed_seconds, bool rebooted);

// The /proc/net/dev counters that moved, in file order, named as the model's fields ("rx_bytes").
std::vector<CounterDelta> interface_counter_deltas(const model::InterfaceCounters& before,
                                                   const model::InterfaceCounters& after,
                                                   std::optional<double> elapsed_seconds,
                                                   bool rebooted);

// A protocol counter, named as nstat names it: section + counter ("TcpActiveOpens",
// "TcpExtListenDrops") for /proc/net/snmp and /proc/net/netstat, the counter alone for snmp6 and
// sctp, whose counters carry their prefix ("Ip6InReceives").
struct StatisticDelta {
  std::string section;  // "Tcp", "TcpExt", "Ip6", ...
  CounterDelta counter;
};

// Whether nstat treats the counter (by its nstat name) as a level rather than a count.
bool is_gauge_statistic(std::string_view nstat_name);

// ---- Routes, interfaces, multicast, NAT

// Routes are matched by key (IPv4: destination, mask, metric; IPv6: destination/prefix,
// source/prefix, device, metric); where a key repeats within one snapshot, by the whole route.
// ref_count and use are never compared.
struct RouteDiff {
  ListDiff<model::Route4> ipv4;
  ListDiff<model::Route6> ipv6;
  bool empty() const { return ipv4.empty() && ipv6.empty(); }
};

struct InterfaceAddress {
  model::IpAddress address;
  uint8_t prefix_length = 0;  // IPv4: the netmask's bits
  bool operator==(const InterfaceAddress&) const = default;
  auto operator<=>(const InterfaceAddress&) const = default;
};

// What changed on an interface present in both snapshots (same name).
struct InterfaceChange {
  std::string name;
  std::optional<Change<uint32_t>> mtu;    // when known in both and different
  std::optional<Change<uint32_t>> flags;  // IFF_* bits, when known in both and different
  std::vector<std::string> flags_set;     // names of the bits that came ("UP", "RUNNING")
  std::vector<std::string> flags_cleared;
  std::vector<InterfaceAddress> addresses_added, addresses_removed;  // IPv4, then IPv6
  // The /proc/net/dev counters that moved, in file order; only when both snapshots have them.
  std::vector<CounterDelta> counters;
  bool empty() const;
};

struct InterfaceDiff {
  std::vector<model::Interface> added, removed;
  std::vector<InterfaceChange> changed;
  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

// The names of the IFF_* bits set in `flags` ("UP", "BROADCAST", ...); unknown bits as "0x...".
std::vector<std::string> interface_flag_names(uint32_t flags);

// Memberships keyed by (ipv6, device, group); changed when the users count moved.
using MulticastDiff = ListDiff<model::MulticastGroup>;


// NAT'd flows keyed by (protocol, original tuple, zone); changed when the conntrack state moved.
using NatDiff = ListDiff<model::ConntrackFlow>;

// ---- The whole diff

struct SnapshotDiff {
  // Seconds between the captures (monotonic clock when both share a boot, else wall clock);
  // nullopt when not positive, and then no rates are given.
  std::optional<double> elapsed_seconds;
  bool rebooted = false;  // the snapshots carry different boot ids
  bool sockets_only = false;
  SocketDiff sockets;
  RouteDiff routes;
  InterfaceDiff interfaces;
  MulticastDiff multicast;
  NatDiff nat;
  std::vector<StatisticDelta> statistics;  // after's order, then those gone

  // Nothing differs: `netsnap diff` exits 0, else 1.
  bool empty() const;
};

SnapshotDiff diff_snapshots(const model::Snapshot& before, const model::Snapshot& after,
                            const DiffOptions& options);

// The parts diff_snapshots() puts together, each usable on its own.
SocketDiff diff_sockets(const model::Snapshot& before, const model::Snapshot& after);
RouteDiff diff_routes(const model::Snapshot& before, const model::Snapshot& after);
InterfaceDiff diff_interfaces(const model::Snapshot& before, const model::Snapshot& after,
                              std::optional<double> elapsed_seconds, bool rebooted);
MulticastDiff diff_multicast(const model::Snapshot& before, const model::Snapshot& after);
NatDiff diff_nat(const model::Snapshot& before, const model::Snapshot& after);
std::vector<StatisticDelta> diff_statistics(const model::Snapshot& before,
                                            const model::Snapshot& after,
                                            std::optional<double> elapsed_seconds, bool rebooted);

// Seconds from before to after as SnapshotDiff::elapsed_seconds defines it.
std::optional<double> elapsed_seconds(const model::HostInfo& before, const model::HostInfo& after);
// Both boot ids are known and they differ.
bool rebooted_between(const model::HostInfo& before, const model::HostInfo& after);

}  // namespace netsnap::analysis
