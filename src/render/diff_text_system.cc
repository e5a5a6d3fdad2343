// diff_text()'s sections for routes, interfaces and protocol statistics, and how a counter's
// change reads.
#include <cstdio>
#include <string>
#include <vector>

#include "diff_text_report.h"
#include "route_tables.h"

namespace netsnap::render::diff_detail {
namespace {

using analysis::Change;
using analysis::CounterChange;
using analysis::CounterDelta;
using model::IpAddress;

std::string arrow(const std::string& before, const std::string& after) {
  return before + " -> " + after;
}

std::string joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : std::string(separator)) + part;
  return text;
}

// ---- Routes

// netstat -r's letters; "-" for a route with none.
std::string route_flags_text(uint32_t flags, bool ipv6) {
  std::string text = ipv6 ? ipv6_route_flags_text(flags) : ipv4_route_flags_text(flags);
  return text.empty() ? "-" : text;
}

// The mask's length when its bits are contiguous, else -1.
int prefix_length(const IpAddress& mask) {
  int length = 0;
  bool ended = false;
  for (size_t i = 0; i < mask.size(); ++i) {
    for (int bit = 7; bit >= 0; --bit) {
      bool set = (mask.data()[i] >> bit) & 1;
      if (set && ended) return -1;
      if (set) ++length;
      ended = ended || !set;
    }
  }
  return length;
}

std::string prefix_text(const IpAddress& address, int length) {
  if (address.is_unspecified() && length == 0) return "default";
  return address.to_string() + "/" + std::to_string(length);
}

std::string destination_text(const model::Route4& r) {
  int length = prefix_length(r.mask);
  return length < 0 ? r.destination.to_string() + "/" + r.mask.to_string()
                    : prefix_text(r.destination, length);
}

std::string route_line(const model::Route4& r) {
  std::string line = destination_text(r);
  if (!r.gateway.is_unspecified()) line += " via " + r.gateway.to_string();
  line += " dev " + r.interface_name + " metric " + std::to_string(r.metric);
  line += " flags " + route_flags_text(r.flags, false);
  if (r.mtu != 0) line += " mtu " + std::to_string(r.mtu);
  if (r.window != 0) line += " window " + std::to_string(r.window);
  if (r.irtt != 0) line += " irtt " + std::to_string(r.irtt);
  return line;
}

std::string route_line(const model::Route6& r) {
  std::string line = prefix_text(r.destination, r.destination_prefix);
  if (r.source_prefix != 0) line += " from " + prefix_text(r.source, r.source_prefix);
  if (!r.next_hop.is_unspecified()) line += " via " + r.next_hop.to_string();
  line += " dev " + r.device + " metric " + std::to_string(r.metric);
  return line + " flags " + route_flags_text(r.flags, true);
}

std::string changed_route_line(const Change<model::Route4>& c) {
  const model::Route4 &a = c.before, &b = c.after;
  std::vector<std::string> parts;
  auto number = [&](const char* what, auto x, auto y) {
    if (x != y) parts.push_back(what + arrow(std::to_string(x), std::to_string(y)));
  };
  if (a.gateway != b.gateway)
    parts.push_back("gateway " + arrow(a.gateway.to_string(), b.gateway.to_string()));
  if (a.interface_name != b.interface_name)
    parts.push_back("dev " + arrow(a.interface_name, b.interface_name));
  if (a.flags != b.flags)
    parts.push_back("flags " +
                    arrow(route_flags_text(a.flags, false), route_flags_text(b.flags, false)));
  number("mtu ", a.mtu, b.mtu);
  number("window ", a.window, b.window);
  number("irtt ", a.irtt, b.irtt);
  return destination_text(b) + " metric " + std::to_string(b.metric) + ": " + joined(parts, ", ");
}

std::string changed_route_line(const Change<model::Route6>& c) {
  const model::Route6 &a = c.before, &b = c.after;
  std::vector<std::string> parts;
  if (a.next_hop != b.next_hop)
    parts.push_back("next hop " + arrow(a.next_hop.to_string(), b.next_hop.to_string()));
  if (a.flags != b.flags)
    parts.push_back("flags " +
                    arrow(route_flags_text(a.flags, true), route_flags_text(b.flags, true)));
  std::string place = prefix_text(b.destination, b.destination_prefix);
  if (b.source_prefix != 0) place += " from " + prefix_text(b.source, b.source_prefix);
  return place + " dev " + b.device + " metric " + std::to_string(b.metric) + ": " +
         joined(parts, ", ");
}

template <typename Route>
void write_route_table(const analysis::ListDiff<Route>& table, DiffTextReport& report) {
  for (const auto& r : table.added) report.added(route_line(r));
  for (const auto& r : table.removed) report.removed(route_line(r));
  for (const auto& c : table.changed) report.changed(changed_route_line(c));
}

// ---- Interfaces

std::string address_text(const analysis::InterfaceAddress& a) {
  return a.address.to_string() + "/" + std::to_string(a.prefix_length);
}

std::string interface_line(const model::Interface& i) {
  std::string line = i.name;
  if (i.mtu) line += " mtu " + std::to_string(*i.mtu);
  if (i.flags) line += " <" + joined(analysis::interface_flag_names(*i.flags), ",") + ">";
  for (const auto& a : i.addresses4) line += " " + a.address.to_string();
  for (const auto& a : i.addresses6) line += " " + address_text({a.address, a.prefix_length});
  return line;
}

std::string flags_change_text(const analysis::InterfaceChange& c) {
  std::vector<std::string> parts;
  for (const auto& name : c.flags_set) parts.push_back("+" + name);
  for (const auto& name : c.flags_cleared) parts.push_back("-" + name);
  return "flags " + joined(parts, " ");
}

void write_interface_change(const analysis::InterfaceChange& c, DiffTextReport& report) {
  const std::string& name = c.name;
  if (c.mtu)
    report.changed(name + " mtu " +
                   arrow(std::to_string(c.mtu->before), std::to_string(c.mtu->after)));
  if (c.flags) report.changed(name + " " + flags_change_text(c));
  for (const auto& a : c.addresses_added) report.changed(name + " address +" + address_text(a));
  for (const auto& a : c.addresses_removed) report.changed(name + " address -" + address_text(a));
  for (const auto& counter : c.counters)
    write_counter(counter, name + " ", counter.name.ends_with("_bytes"), report);
}

// ---- Counters

std::string human_bytes(double bytes) {
  static constexpr const char* kUnits[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
  size_t unit = 0;
  while (bytes >= 1024 && unit + 1 < std::size(kUnits)) bytes /= 1024, ++unit;
  char text[32];
  std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, kUnits[unit]);
  return text;
}

std::string amount_text(uint64_t amount, std::optional<double> per_second, bool bytes) {
  std::string text =
      "+" + (bytes ? human_bytes(static_cast<double>(amount)) : std::to_string(amount));
  if (!per_second) return text;
  char rate[32];
  std::snprintf(rate, sizeof rate, "%.1f/s", *per_second);
  return text + ", " + (bytes ? human_bytes(*per_second) + "/s" : std::string(rate));
}

// Levels such as TcpMaxConn hold -1 as the kernel's signed value, wrapped to 2^64 - 1.
std::string level_text(uint64_t value) { return std::to_string(static_cast<int64_t>(value)); }

}  // namespace

std::string counter_text(const CounterDelta& c, bool bytes) {
  std::string values = arrow(std::to_string(c.before), std::to_string(c.after));
  switch (c.change) {
    case CounterChange::kIncreased:
      return amount_text(c.delta, c.per_second, bytes);
    case CounterChange::kWrapped:
      return "wrapped at 2^32, " + amount_text(c.delta, c.per_second, bytes);
    case CounterChange::kReset:
      return "reset (" + values + ")";
    case CounterChange::kRebooted:
      return "reset (reboot) (" + values + ")";
    case CounterChange::kGauge:
      return arrow(level_text(c.before), level_text(c.after));
    case CounterChange::kAppeared:
      return "new, " + std::to_string(c.after);
    case CounterChange::kGone:
      return "gone, was " + std::to_string(c.before);
  }
  return values;
}

void write_counter(const CounterDelta& counter, std::string_view prefix, bool bytes,
                   DiffTextReport& report) {
  std::string line = std::string(prefix) + counter.name + " " + counter_text(counter, bytes);
  if (counter.change == CounterChange::kAppeared) {
    report.added(line);
  } else if (counter.change == CounterChange::kGone) {
    report.removed(line);
  } else {
    report.changed(line);
  }
}

void write_routes(const analysis::RouteDiff& routes, DiffTextReport& report) {
  if (routes.empty()) return;
  report.heading("Routes", {{routes.ipv4.added.size() + routes.ipv6.added.size(), "added"},
                            {routes.ipv4.removed.size() + routes.ipv6.removed.size(), "removed"},
                            {routes.ipv4.changed.size() + routes.ipv6.changed.size(), "changed"}});
  write_route_table(routes.ipv4, report);
  write_route_table(routes.ipv6, report);
}

void write_interfaces(const analysis::InterfaceDiff& interfaces, DiffTextReport& report) {
  if (interfaces.empty()) return;
  report.heading("Interfaces", {{interfaces.added.size(), "added"},
                                {interfaces.removed.size(), "removed"},
                                {interfaces.changed.size(), "changed"}});
  for (const auto& i : interfaces.added) report.added(interface_line(i));
  for (const auto& i : interfaces.removed) report.removed(interface_line(i));
  for (const auto& c : interfaces.changed) write_interface_change(c, report);
}

void write_statistics(const std::vector<analysis::StatisticDelta>& statistics,
                      DiffTextReport& report) {
  if (statistics.empty()) return;
  size_t added = 0, gone = 0;
  for (const auto& s : statistics) {
    added += s.counter.change == CounterChange::kAppeared;
    gone += s.counter.change == CounterChange::kGone;
  }
  report.heading("Statistics",
                 {{statistics.size() - added - gone, "changed"}, {added, "new"}, {gone, "gone"}});
  for (const auto& s : statistics)
    write_counter(s.counter, "", s.counter.name.ends_with("Octets"), report);
}

}  // namespace netsnap::render::diff_detail
