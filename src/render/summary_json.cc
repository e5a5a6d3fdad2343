// netsnap summary as JSON, for scripts: the same numbers as the text report, every frame.
#include <nlohmann/json.hpp>

#include "netsnap/render/summary_report.h"
#include "netsnap/timeline/moment.h"

namespace netsnap::render {
namespace {

// Ordered: keys stay in the order written (frame before time, tcp before udp, states in kernel
// order).
using json = nlohmann::ordered_json;

// Keys are the table's columns, so every frame has the same ones (0 where it has none).
json frame_json(const analysis::FrameCounts& frame, const std::vector<analysis::SocketKind>& kinds,
                const std::vector<size_t>& state_slots) {
  json protocols = json::object(), states = json::object();
  for (auto kind : kinds)
    protocols[std::string(analysis::socket_kind_name(kind))] = frame.count(kind);
  for (size_t slot : state_slots)
    states[analysis::tcp_state_slot_name(slot)] = frame.by_tcp_state[slot];
  return {{"frame", frame.frame},
          {"time", timeline::format_time(frame.time_ns)},
          {"total", frame.total},
          {"protocols", std::move(protocols)},
          {"states", std::move(states)}};
}

// The row's key fields followed by its peak.
json with_peak(json row, const analysis::Peak& peak) {
  row["peak"] = peak.count;
  row["frame"] = peak.frame;
  row["time"] = timeline::format_time(peak.time_ns);
  return row;
}

json frames_json(const analysis::TimelineSummary& summary) {
  auto kinds = summary.kinds_seen();
  auto state_slots = summary.tcp_state_slots_seen();
  json frames = json::array();
  for (const auto& frame : summary.frames) frames.push_back(frame_json(frame, kinds, state_slots));
  return frames;
}

json ports_json(const analysis::TimelineSummary& summary) {
  json rows = json::array();
  for (const auto& port : summary.busiest_local_ports)
    rows.push_back(with_peak(
        {{"protocol", std::string(analysis::socket_kind_name(port.kind))}, {"port", port.port}},
        port.peak));
  return rows;
}

json remotes_json(const analysis::TimelineSummary& summary) {
  json rows = json::array();
  for (const auto& remote : summary.busiest_remote_addresses)
    rows.push_back(with_peak({{"address", remote.address.to_string()}}, remote.peak));
  return rows;
}

json processes_json(const analysis::TimelineSummary& summary) {
  json rows = json::array();
  for (const auto& process : summary.processes)
    rows.push_back(with_peak({{"pid", process.pid}, {"program", process.program}}, process.peak));
  return rows;
}

}  // namespace

std::string summary_json(const analysis::TimelineSummary& summary) {
  json document = json::object();
  document["frames"] = frames_json(summary);
  document["busiest_local_ports"] = ports_json(summary);
  document["busiest_remote_addresses"] = remotes_json(summary);
  document["processes"] = processes_json(summary);
  // Program names are raw bytes; invalid UTF-8 becomes U+FFFD instead of an exception.
  return document.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace netsnap::render
