// The pieces diff_text() is built from, shared by diff_text.cc (the report, sockets, multicast,
// NAT flows) and diff_text_system.cc (routes, interfaces, statistics).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

#include "netsnap/analysis/snapshot_diff.h"
#include "netsnap/model/ip_address.h"

namespace netsnap::render::diff_detail {

// The report under construction: headings and "+ ", "- ", "~ " lines, painted when asked. Lines
// hold names from the timeline (programs, unix paths, interfaces, ...): each goes to the report
// through printable(), here and only here.
class DiffTextReport {
 public:
  explicit DiffTextReport(bool colour) : colour_(colour) {}
  // "Sockets: 2 opened, 1 closed, 3 changed"
  void heading(std::string_view title,
               std::initializer_list<std::pair<size_t, std::string_view>> counts);
  void line(std::string_view text);  // unmarked, as the report's first line
  void added(std::string_view text) { marked('+', "\x1b[32m", text); }
  void removed(std::string_view text) { marked('-', "\x1b[31m", text); }
  void changed(std::string_view text) { marked('~', "\x1b[33m", text); }
  std::string take() { return std::move(text_); }

 private:
  void marked(char mark, std::string_view escape, std::string_view text);
  bool colour_;
  std::string text_;
};

// "10.0.0.1:22", "[fe80::1]:53", "0.0.0.0:*" (port 0 is any port, as netstat shows it).
std::string endpoint_text(const model::IpAddress& address, uint16_t port);

// Every counter kind as one phrase: "+1.2 MiB, 20.5 KiB/s", "wrapped at 2^32, +796, 66.3/s",
// "reset (5000 -> 12)", "4 -> 6", "new, 5", ... `bytes` gives byte counters human units.
std::string counter_text(const analysis::CounterDelta& counter, bool bytes);

// Appends the counter's line under `prefix` ("eth0 ", ""), marked as its kind says.
void write_counter(const analysis::CounterDelta& counter, std::string_view prefix, bool bytes,
                   DiffTextReport& report);

void write_routes(const analysis::RouteDiff& routes, DiffTextReport& report);
void write_interfaces(const analysis::InterfaceDiff& interfaces, DiffTextReport& report);
void write_statistics(const std::vector<analysis::StatisticDelta>& statistics,
                      DiffTextReport& report);

}  // namespace netsnap::render::diff_detail
