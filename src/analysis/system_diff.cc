// Routes, interfaces, multicast memberships and NAT flows between two snapshots.
#include <bit>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "keyed_match.h"
#include "netsnap/analysis/snapshot_diff.h"

namespace netsnap::analysis {
namespace {

using model::Snapshot;

// Keys that occur more than once in `routes`.
template <typename Route, typename KeyOf>
void add_repeated_keys(const std::vector<Route>& routes, KeyOf key_of,
                       std::set<decltype(key_of(routes.front()))>& repeated) {
  std::map<decltype(key_of(routes.front())), int> seen;
  for (const Route& route : routes)
    if (++seen[key_of(route)] == 2) repeated.insert(key_of(route));
}

// Routes matched by key_of; where a key repeats in either snapshot the key cannot tell the routes
// apart, so those are matched by the whole route (key and rest) and only ever added or removed.
template <typename Route, typename KeyOf, typename RestOf>
ListDiff<Route> diff_route_table(const std::vector<Route>& before, const std::vector<Route>& after,
                                 KeyOf key_of, RestOf rest_of) {
  std::set<decltype(key_of(before.front()))> repeated;
  add_repeated_keys(before, key_of, repeated);
  add_repeated_keys(after, key_of, repeated);
  auto match_key = [&](const Route& r) {
    using Rest = decltype(rest_of(r));
    return std::tuple(key_of(r), repeated.count(key_of(r)) ? rest_of(r) : Rest{});
  };
  KeyedMatch match = match_by_key(before, after, match_key);
  return list_diff(before, after, match,
                   [&](const Route& a, const Route& b) { return rest_of(a) != rest_of(b); });
}

// ---- Interfaces

uint8_t prefix_length_of(const model::IpAddress& netmask) {
  int bits = 0;
  for (size_t i = 0; i < netmask.size(); ++i) bits += std::popcount(netmask.data()[i]);
  return static_cast<uint8_t>(bits);
}

std::vector<InterfaceAddress> addresses_of(const model::Interface& interface) {
  std::vector<InterfaceAddress> addresses;
  for (const auto& a : interface.addresses4)
    addresses.push_back({a.address, prefix_length_of(a.netmask)});
  for (const auto& a : interface.addresses6) addresses.push_back({a.address, a.prefix_length});
  return addresses;
}

void diff_addresses(const model::Interface& before, const model::Interface& after,
                    InterfaceChange& change) {
  std::vector<InterfaceAddress> old_addresses = addresses_of(before);
  std::vector<InterfaceAddress> new_addresses = addresses_of(after);
  KeyedMatch match = match_keys(old_addresses, new_addresses);
  for (size_t j : match.after_only) change.addresses_added.push_back(new_addresses[j]);
  for (size_t i : match.before_only) change.addresses_removed.push_back(old_addresses[i]);
}

void diff_flags(uint32_t before, uint32_t after, InterfaceChange& change) {
  if (before == after) return;
  change.flags = Change<uint32_t>{before, after};
  change.flags_set = interface_flag_names(after & ~before);
  change.flags_cleared = interface_flag_names(before & ~after);
}

InterfaceChange diff_interface(const model::Interface& before, const model::Interface& after,
                               std::optional<double> elapsed_seconds, bool rebooted) {
  InterfaceChange change;
  change.name = after.name;
  if (before.mtu && after.mtu && *before.mtu != *after.mtu)
    change.mtu = Change<uint32_t>{*before.mtu, *after.mtu};
  if (before.flags && after.flags) diff_flags(*before.flags, *after.flags, change);
  diff_addresses(before, after, change);
  if (before.counters && after.counters) {
    change.counters =
        interface_counter_deltas(*before.counters, *after.counters, elapsed_seconds, rebooted);
  }
  return change;
}

std::vector<model::ConntrackFlow> nat_flows(const Snapshot& snapshot) {
  std::vector<model::ConntrackFlow> flows;
  for (const auto& flow : snapshot.conntrack)
    if (flow.is_nat()) flows.push_back(flow);
  return flows;
}

}  // namespace

bool InterfaceChange::empty() const {
  return !mtu && !flags && addresses_added.empty() && addresses_removed.empty() && counters.empty();
}

std::vector<std::string> interface_flag_names(uint32_t flags) {
  static constexpr std::pair<uint32_t, const char*> kNames[] = {
      {0x1, "UP"},           {0x2, "BROADCAST"},   {0x4, "DEBUG"},        {0x8, "LOOPBACK"},
      {0x10, "POINTOPOINT"}, {0x20, "NOTRAILERS"}, {0x40, "RUNNING"},     {0x80, "NOARP"},
      {0x100, "PROMISC"},    {0x200, "ALLMULTI"},  {0x400, "MASTER"},     {0x800, "SLAVE"},
      {0x1000, "MULTICAST"}, {0x2000, "PORTSEL"},  {0x4000, "AUTOMEDIA"}, {0x8000, "DYNAMIC"},
      {0x10000, "LOWER_UP"}, {0x20000, "DORMANT"}, {0x40000, "ECHO"}};
  std::vector<std::string> names;
  for (auto [bit, name] : kNames) {
    if (flags & bit) names.push_back(name);
    flags &= ~bit;
  }
  for (uint32_t bit = 1; bit != 0; bit <<= 1) {
    if (!(flags & bit)) continue;
    char text[16];
    std::snprintf(text, sizeof text, "0x%x", bit);
    names.push_back(text);
  }
  return names;
}

RouteDiff diff_routes(const Snapshot& before, const Snapshot& after) {
  RouteDiff diff;
  diff.ipv4 = diff_route_table(
      before.routes4, after.routes4,
      [](const model::Route4& r) { return std::tuple(r.destination, r.mask, r.metric); },
      [](const model::Route4& r) {
        return std::tuple(r.gateway, r.interface_name, r.flags, r.mtu, r.window, r.irtt);
      });
  diff.ipv6 = diff_route_table(
      before.routes6, after.routes6,
      [](const model::Route6& r) {
        return std::tuple(r.destination, r.destination_prefix, r.source, r.source_prefix, r.device,
                          r.metric);
      },
      [](const model::Route6& r) { return std::tuple(r.next_hop, r.flags); });
  return diff;
}

InterfaceDiff diff_interfaces(const Snapshot& before, const Snapshot& after,
                              std::optional<double> elapsed_seconds, bool rebooted) {
  KeyedMatch match = match_by_key(before.interfaces, after.interfaces,
                                  [](const model::Interface& i) { return i.name; });
  InterfaceDiff diff;
  for (size_t j : match.after_only) diff.added.push_back(after.interfaces[j]);
  for (size_t i : match.before_only) diff.removed.push_back(before.interfaces[i]);
  for (auto [i, j] : match.matched) {
    InterfaceChange change =
        diff_interface(before.interfaces[i], after.interfaces[j], elapsed_seconds, rebooted);
    if (!change.empty()) diff.changed.push_back(std::move(change));
  }
  return diff;
}

MulticastDiff diff_multicast(const Snapshot& before, const Snapshot& after) {
  KeyedMatch match = match_by_key(before.multicast, after.multicast, [](const auto& g) {
    return std::tuple(g.ipv6, g.device, g.group);
  });
  return list_diff(before.multicast, after.multicast, match,
                   [](const auto& a, const auto& b) { return a.users != b.users; });
}

NatDiff diff_nat(const Snapshot& before, const Snapshot& after) {
  std::vector<model::ConntrackFlow> old_flows = nat_flows(before);
  std::vector<model::ConntrackFlow> new_flows = nat_flows(after);
  KeyedMatch match = match_by_key(old_flows, new_flows, [](const model::ConntrackFlow& f) {
    const model::ConntrackTuple& o = f.original;
    return std::tuple(f.protocol_number, f.protocol, o.source, o.source_port, o.destination,
                      o.destination_port, o.extra, f.zone);
  });
  return list_diff(old_flows, new_flows, match,
                   [](const auto& a, const auto& b) { return a.state != b.state; });
}

}  // namespace netsnap::analysis
