// diff_json(): the diff as one JSON object, built with nlohmann::json so it always parses.
// Addresses are numeric text, counters raw numbers, unknown rates null.
#include <nlohmann/json.hpp>

#include "netsnap/render/diff_report.h"

namespace netsnap::render {
namespace {

using analysis::CounterChange;
using analysis::CounterDelta;
using analysis::DiffSocket;
// Keys in the order the object is documented in (diff_report.h), not sorted.
using json = nlohmann::ordered_json;

json endpoint_json(const model::IpAddress& address, uint16_t port) {
  return {{"address", address.to_string()}, {"port", port}};
}

json owners_json(const std::vector<model::SocketOwner>& owners) {
  json list = json::array();
  for (const auto& owner : owners) list.push_back({{"pid", owner.pid}, {"program", owner.program}});
  return list;
}

json socket_json(const DiffSocket& s) {
  json j = {{"protocol", s.protocol}};
  if (s.family == analysis::SocketFamily::kUnix) {
    j["type"] = s.type;
    j["path"] = s.path;
  } else {
    j["ipv6"] = s.ipv6;
    j["local"] = endpoint_json(s.local_address, s.local_port);
    j["remote"] = endpoint_json(s.remote_address, s.remote_port);
    j["rx_queue"] = s.rx_queue;
    j["tx_queue"] = s.tx_queue;
  }
  j["state"] = s.state;
  j["inode"] = s.inode;
  j["owners"] = owners_json(s.owners);
  return j;
}

json changed_socket_json(const analysis::Change<DiffSocket>& c) {
  json changes = json::array();
  if (c.before.state_differs(c.after)) changes.push_back("state");
  if (c.before.queues_differ(c.after)) changes.push_back("queues");
  if (c.before.owners_differ(c.after)) changes.push_back("owners");
  if (c.before.inode != c.after.inode) changes.push_back("inode");
  return {{"before", socket_json(c.before)}, {"after", socket_json(c.after)}, {"changes", changes}};
}

json sockets_json(const analysis::SocketDiff& diff) {
  json opened = json::array(), closed = json::array(), changed = json::array();
  for (const auto& s : diff.added) opened.push_back(socket_json(s));
  for (const auto& s : diff.removed) closed.push_back(socket_json(s));
  for (const auto& c : diff.changed) changed.push_back(changed_socket_json(c));
  return {{"opened", opened}, {"closed", closed}, {"changed", changed}};
}

json route_json(const model::Route4& r) {
  return {{"destination", r.destination.to_string()},
          {"mask", r.mask.to_string()},
          {"gateway", r.gateway.to_string()},
          {"interface", r.interface_name},
          {"flags", r.flags},
          {"metric", r.metric},
          {"mtu", r.mtu},
          {"window", r.window},
          {"irtt", r.irtt}};
}

json route_json(const model::Route6& r) {
  return {{"destination", r.destination.to_string()},
          {"destination_prefix", r.destination_prefix},
          {"source", r.source.to_string()},
          {"source_prefix", r.source_prefix},
          {"next_hop", r.next_hop.to_string()},
          {"device", r.device},
          {"metric", r.metric},
          {"flags", r.flags}};
}

json group_json(const model::MulticastGroup& g) {
  return {{"ipv6", g.ipv6},
          {"device", g.device},
          {"interface_index", g.interface_index},
          {"group", g.group.to_string()},
          {"users", g.users}};
}

json tuple_json(const model::ConntrackTuple& t) {
  return {{"source", t.source.to_string()},
          {"destination", t.destination.to_string()},
          {"source_port", t.source_port},
          {"destination_port", t.destination_port},
          {"extra", t.extra}};
}

json flow_json(const model::ConntrackFlow& f) {
  return {{"protocol", f.protocol},
          {"protocol_number", f.protocol_number},
          {"ipv6", f.ipv6},
          {"state", f.state},
          {"zone", f.zone},
          {"mark", f.mark},
          {"timeout_seconds", f.timeout_seconds},
          {"original", tuple_json(f.original)},
          {"reply", tuple_json(f.reply)},
          {"flags", f.flags}};
}

// {"added_key": [...], "removed_key": [...], "changed": [{"before", "after"}]}.
template <typename T, typename ToJson>
json list_json(const analysis::ListDiff<T>& diff, const char* added_key, const char* removed_key,
               ToJson to_json) {
  json added = json::array(), removed = json::array(), changed = json::array();
  for (const auto& x : diff.added) added.push_back(to_json(x));
  for (const auto& x : diff.removed) removed.push_back(to_json(x));
  for (const auto& c : diff.changed)
    changed.push_back({{"before", to_json(c.before)}, {"after", to_json(c.after)}});
  return {{added_key, added}, {removed_key, removed}, {"changed", changed}};
}

const char* change_name(CounterChange change) {
  switch (change) {
    case CounterChange::kIncreased:
      return "increased";
    case CounterChange::kWrapped:
      return "wrapped";
    case CounterChange::kReset:
      return "reset";
    case CounterChange::kRebooted:
      return "reset_reboot";
    case CounterChange::kGauge:
      return "gauge";
    case CounterChange::kAppeared:
      return "new";
    case CounterChange::kGone:
      return "gone";
  }
  return "unknown";
}

json counter_json(const CounterDelta& c) {
  bool counted = c.change == CounterChange::kIncreased || c.change == CounterChange::kWrapped;
  json j = {{"name", c.name}, {"change", change_name(c.change)}};
  j["before"] = c.change == CounterChange::kAppeared ? json(nullptr) : json(c.before);
  j["after"] = c.change == CounterChange::kGone ? json(nullptr) : json(c.after);
  j["delta"] = counted ? json(c.delta) : json(nullptr);
  j["per_second"] = c.per_second ? json(*c.per_second) : json(nullptr);
  return j;
}

json interface_json(const model::Interface& i) {
  json j = {{"name", i.name}, {"index", i.index}};
  j["mtu"] = i.mtu ? json(*i.mtu) : json(nullptr);
  j["flags"] = i.flags ? json(*i.flags) : json(nullptr);
  j["flag_names"] = i.flags ? json(analysis::interface_flag_names(*i.flags)) : json::array();
  json v4 = json::array(), v6 = json::array();
  for (const auto& a : i.addresses4)
    v4.push_back({{"address", a.address.to_string()}, {"netmask", a.netmask.to_string()}});
  for (const auto& a : i.addresses6)
    v6.push_back({{"address", a.address.to_string()}, {"prefix_length", a.prefix_length}});
  j["ipv4"] = v4;
  j["ipv6"] = v6;
  return j;
}

json addresses_json(const std::vector<analysis::InterfaceAddress>& addresses) {
  json list = json::array();
  for (const auto& a : addresses)
    list.push_back({{"address", a.address.to_string()}, {"prefix_length", a.prefix_length}});
  return list;
}

json interface_change_json(const analysis::InterfaceChange& c) {
  json j = {{"name", c.name}};
  j["mtu"] = c.mtu ? json{{"before", c.mtu->before}, {"after", c.mtu->after}} : json(nullptr);
  j["flags"] = c.flags ? json{{"before", c.flags->before},
                              {"after", c.flags->after},
                              {"set", c.flags_set},
                              {"cleared", c.flags_cleared}}
                       : json(nullptr);
  j["addresses_added"] = addresses_json(c.addresses_added);
  j["addresses_removed"] = addresses_json(c.addresses_removed);
  json counters = json::array();
  for (const auto& counter : c.counters) counters.push_back(counter_json(counter));
  j["counters"] = counters;
  return j;
}

json interfaces_json(const analysis::InterfaceDiff& diff) {
  json added = json::array(), removed = json::array(), changed = json::array();
  for (const auto& i : diff.added) added.push_back(interface_json(i));
  for (const auto& i : diff.removed) removed.push_back(interface_json(i));
  for (const auto& c : diff.changed) changed.push_back(interface_change_json(c));
  return {{"added", added}, {"removed", removed}, {"changed", changed}};
}

json statistics_json(const std::vector<analysis::StatisticDelta>& statistics) {
  json list = json::array();
  for (const auto& s : statistics) {
    json j = counter_json(s.counter);
    j["section"] = s.section;
    list.push_back(j);
  }
  return list;
}

}  // namespace

std::string diff_json(const analysis::SnapshotDiff& diff, const DiffLabels& labels) {
  json j = {{"from", labels.from}, {"to", labels.to}};
  j["elapsed_seconds"] = diff.elapsed_seconds ? json(*diff.elapsed_seconds) : json(nullptr);
  j["rebooted"] = diff.rebooted;
  j["sockets_only"] = diff.sockets_only;
  j["sockets"] = sockets_json(diff.sockets);
  auto route4 = [](const model::Route4& r) { return route_json(r); };
  auto route6 = [](const model::Route6& r) { return route_json(r); };
  j["routes"] = {{"ipv4", list_json(diff.routes.ipv4, "added", "removed", route4)},
                 {"ipv6", list_json(diff.routes.ipv6, "added", "removed", route6)}};
  j["interfaces"] = interfaces_json(diff.interfaces);
  j["multicast"] = list_json(diff.multicast, "joined", "left", group_json);
  j["nat"] = list_json(diff.nat, "appeared", "gone", flow_json);
  j["statistics"] = statistics_json(diff.statistics);
  j["differs"] = !diff.empty();
  return j.dump(2);
}

}  // namespace netsnap::render
