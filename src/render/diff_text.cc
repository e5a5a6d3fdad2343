// diff_text(): the report's frame, and its sockets, multicast and NAT flow sections.
#include <cstdio>
#include <string>

#include "diff_text_report.h"
#include "netsnap/render/columns.h"
#include "netsnap/render/diff_report.h"
#include "netsnap/render/safe_text.h"

namespace netsnap::render {
namespace diff_detail {

void DiffTextReport::heading(std::string_view title,
                             std::initializer_list<std::pair<size_t, std::string_view>> counts) {
  std::string text(title);
  text += ':';
  for (auto [count, what] : counts)
    text += ' ' + std::to_string(count) + ' ' + std::string(what) + ',';
  text.pop_back();
  // The title is netsnap's own text: only the colour escapes are added to it.
  if (colour_) text = "\x1b[1m" + text + "\x1b[0m";
  text_ += text;
  text_ += '\n';
}

void DiffTextReport::line(std::string_view text) {
  text_ += printable(text);
  text_ += '\n';
}

void DiffTextReport::marked(char mark, std::string_view escape, std::string_view text) {
  if (colour_) text_ += escape;
  text_ += mark;
  text_ += ' ';
  text_ += printable(text);
  if (colour_) text_ += "\x1b[0m";
  text_ += '\n';
}

std::string endpoint_text(const model::IpAddress& address, uint16_t port) {
  std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
  return host + ":" + (port == 0 ? std::string("*") : std::to_string(port));
}

}  // namespace diff_detail

namespace {

using analysis::Change;
using analysis::DiffSocket;
using diff_detail::DiffTextReport;
using diff_detail::endpoint_text;

std::string seconds_text(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f s", seconds);
  return text;
}

// "<from> -> <to> (12.345 s elapsed)", with what else the reader must know about the comparison.
std::string title_line(const analysis::SnapshotDiff& diff, const DiffLabels& labels) {
  std::string line = labels.from + " -> " + labels.to + " (";
  line += diff.elapsed_seconds ? seconds_text(*diff.elapsed_seconds) + " elapsed"
                               : std::string("elapsed time unknown, no rates");
  if (diff.rebooted) line += "; the host rebooted in between";
  if (diff.sockets_only) line += "; sockets and NAT flows only";
  return line + ")";
}

std::string owner_text(const DiffSocket& socket) {
  if (socket.owners.empty()) return "-";
  const model::SocketOwner& owner = socket.owners.front();
  return std::to_string(owner.pid) + "/" + owner.program;
}

// Protocol and where the socket is: "tcp6   [::1]:631   [::]:*" or "unix   STREAM   /run/x".
std::string socket_place(const DiffSocket& s) {
  std::string line;
  if (s.family == analysis::SocketFamily::kUnix) {
    append_left(line, "unix", 7);
    append_left(line, s.type, 10);
    line += ' ';
    line += s.path.empty() ? "-" : s.path;
    return line;
  }
  append_left(line, s.protocol + (s.ipv6 ? "6" : ""), 7);
  line += ' ';
  append_left(line, endpoint_text(s.local_address, s.local_port), 23);
  line += ' ';
  append_left(line, endpoint_text(s.remote_address, s.remote_port), 23);
  return line;
}

std::string socket_line(const DiffSocket& s) {
  std::string line = socket_place(s) + " " + s.state;
  if (s.family == analysis::SocketFamily::kUnix) line += "  inode " + std::to_string(s.inode);
  return line + "  " + owner_text(s);
}

std::string arrow(const std::string& before, const std::string& after) {
  return before + " -> " + after;
}

std::string changed_socket_line(const Change<DiffSocket>& c) {
  const DiffSocket &a = c.before, &b = c.after;
  std::string line = socket_place(b) + " ";
  line += a.state_differs(b) ? arrow(a.state, b.state) : b.state;
  if (a.rx_queue != b.rx_queue)
    line += "  recv-q " + arrow(std::to_string(a.rx_queue), std::to_string(b.rx_queue));
  if (a.tx_queue != b.tx_queue)
    line += "  send-q " + arrow(std::to_string(a.tx_queue), std::to_string(b.tx_queue));
  if (a.inode != b.inode)
    line += "  inode " + arrow(std::to_string(a.inode), std::to_string(b.inode));
  line += "  ";
  line += a.owners_differ(b) ? arrow(owner_text(a), owner_text(b)) : owner_text(b);
  return line;
}

void write_sockets(const analysis::SocketDiff& sockets, DiffTextReport& report) {
  if (sockets.empty()) return;
  report.heading("Sockets", {{sockets.added.size(), "opened"},
                             {sockets.removed.size(), "closed"},
                             {sockets.changed.size(), "changed"}});
  for (const auto& s : sockets.added) report.added(socket_line(s));
  for (const auto& s : sockets.removed) report.removed(socket_line(s));
  for (const auto& c : sockets.changed) report.changed(changed_socket_line(c));
}

std::string group_line(const model::MulticastGroup& g) {
  return g.device + " " + g.group.to_string() + " users " + std::to_string(g.users);
}

void write_multicast(const analysis::MulticastDiff& groups, DiffTextReport& report) {
  if (groups.empty()) return;
  report.heading("Multicast", {{groups.added.size(), "joined"},
                               {groups.removed.size(), "left"},
                               {groups.changed.size(), "changed"}});
  for (const auto& g : groups.added) report.added(group_line(g));
  for (const auto& g : groups.removed) report.removed(group_line(g));
  for (const auto& c : groups.changed) {
    report.changed(c.after.device + " " + c.after.group.to_string() + " users " +
                   arrow(std::to_string(c.before.users), std::to_string(c.after.users)));
  }
}

// "10.0.0.2:40000 -> 8.8.8.8:443"; protocols without ports (icmp) show their keys instead.
std::string tuple_text(const model::ConntrackTuple& t) {
  if (t.source_port == 0 && t.destination_port == 0) {
    std::string text = t.source.to_string() + " -> " + t.destination.to_string();
    return t.extra.empty() ? text : text + " " + t.extra;
  }
  return endpoint_text(t.source, t.source_port) + " -> " +
         endpoint_text(t.destination, t.destination_port);
}

// "tcp 192.168.1.2:40000 -> 8.8.8.8:443 reply 8.8.8.8:443 -> 203.0.113.1:61000", no state.
std::string flow_place(const model::ConntrackFlow& f) {
  std::string line = f.protocol + " " + tuple_text(f.original) + " reply " + tuple_text(f.reply);
  if (f.zone != 0) line += " zone " + std::to_string(f.zone);
  return line;
}

std::string flow_line(const model::ConntrackFlow& f) {
  return f.state.empty() ? flow_place(f) : flow_place(f) + " " + f.state;
}

void write_nat(const analysis::NatDiff& flows, DiffTextReport& report) {
  if (flows.empty()) return;
  report.heading("NAT flows", {{flows.added.size(), "appeared"},
                               {flows.removed.size(), "gone"},
                               {flows.changed.size(), "changed"}});
  for (const auto& f : flows.added) report.added(flow_line(f));
  for (const auto& f : flows.removed) report.removed(flow_line(f));
  for (const auto& c : flows.changed) {
    auto state = [](const std::string& s) { return s.empty() ? std::string("-") : s; };
    report.changed(flow_place(c.after) + " " + arrow(state(c.before.state), state(c.after.state)));
  }
}

}  // namespace

std::string diff_text(const analysis::SnapshotDiff& diff, const DiffLabels& labels, bool colour) {
  if (diff.empty()) return "no differences\n";
  DiffTextReport report(colour);
  report.line(title_line(diff, labels));
  write_sockets(diff.sockets, report);
  diff_detail::write_routes(diff.routes, report);
  diff_detail::write_interfaces(diff.interfaces, report);
  write_multicast(diff.multicast, report);
  write_nat(diff.nat, report);
  diff_detail::write_statistics(diff.statistics, report);
  return report.take();
}

}  // namespace netsnap::render
