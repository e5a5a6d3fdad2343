// netsnap summary as text: the per-frame table, the three rankings and, on a terminal, sparklines.
#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "netsnap/render/columns.h"
#include "netsnap/render/safe_text.h"
#include "netsnap/render/summary_report.h"
#include "netsnap/timeline/moment.h"

namespace netsnap::render {
namespace {

using analysis::FrameCounts;
using analysis::TimelineSummary;

// A column of a plain table: header and cells, right-aligned unless `left`.
struct TextColumn {
  TextColumn(std::string header, bool left = false)  // implicit: {"pid"}, {"program", true}
      : header(std::move(header)), left(left) {}
  std::string header;
  bool left = false;
  std::vector<std::string> cells;
};

// Columns on a terminal: UTF-8 continuation bytes take none (program names may be non-ASCII).
size_t display_width(std::string_view text) {
  return std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; });
}

size_t column_width(const TextColumn& column) {
  size_t width = display_width(column.header);
  for (const auto& cell : column.cells) width = std::max(width, display_width(cell));
  return width;
}

void append_cell(std::string& line, const TextColumn& column, std::string_view text, size_t width,
                 bool last) {
  if (!column.left) return append_right(line, text, width);
  // The last column is not padded, so no line ends in spaces.
  line.append(text);
  if (!last) line.append(width - display_width(text), ' ');
}

// The columns side by side, two spaces apart, each line starting with `indent`.
std::string format_table(const std::vector<TextColumn>& columns, std::string_view indent) {
  std::vector<size_t> widths;
  for (const auto& column : columns) widths.push_back(column_width(column));
  size_t rows = columns.empty() ? 0 : columns.front().cells.size();
  std::string out;
  for (size_t row = 0; row <= rows; ++row) {  // row 0 is the header
    out.append(indent);
    for (size_t c = 0; c < columns.size(); ++c) {
      if (c) out.append("  ");
      const auto& column = columns[c];
      append_cell(out, column, row ? column.cells[row - 1] : column.header, widths[c],
                  c + 1 == columns.size());
    }
    out.push_back('\n');
  }
  return out;
}

// The frames the table shows: every one, or max_rows evenly spaced, always the first and last.
std::vector<size_t> table_rows(size_t frames, const SummaryTextOptions& options) {
  size_t rows =
      options.all_frames ? frames : std::min(frames, std::max<size_t>(options.max_rows, 2));
  std::vector<size_t> picked;
  for (size_t i = 0; i < rows; ++i)
    picked.push_back(rows == 1 ? 0 : (i * (frames - 1) + (rows - 1) / 2) / (rows - 1));
  return picked;
}

// One labelled series per column the table shows after the time: total, kinds, TCP states.
struct Series {
  std::string label;
  std::vector<uint32_t> values;
};

std::vector<Series> frame_series(const TimelineSummary& summary) {
  std::vector<Series> series;
  auto add = [&](std::string label, auto value_of) {
    Series s{std::move(label), {}};
    for (const FrameCounts& f : summary.frames) s.values.push_back(value_of(f));
    series.push_back(std::move(s));
  };
  add("total", [](const FrameCounts& f) { return f.total; });
  for (auto kind : summary.kinds_seen())
    add(std::string(analysis::socket_kind_name(kind)),
        [kind](const FrameCounts& f) { return f.count(kind); });
  for (size_t slot : summary.tcp_state_slots_seen())
    add(analysis::tcp_state_slot_name(slot),
        [slot](const FrameCounts& f) { return f.by_tcp_state[slot]; });
  return series;
}

std::string frame_table(const TimelineSummary& summary, const SummaryTextOptions& options) {
  std::vector<size_t> rows = table_rows(summary.frames.size(), options);
  std::vector<TextColumn> columns = {{"frame"}, {"time", true}};
  for (size_t row : rows) {
    columns[0].cells.push_back(std::to_string(summary.frames[row].frame));
    columns[1].cells.push_back(timeline::format_time(summary.frames[row].time_ns));
  }
  for (auto& series : frame_series(summary)) {
    TextColumn column{series.label};
    for (size_t row : rows) column.cells.push_back(std::to_string(series.values[row]));
    columns.push_back(std::move(column));
  }
  std::string out = format_table(columns, "");
  if (rows.size() < summary.frames.size())
    out += "(showing " + std::to_string(rows.size()) + " of " +
           std::to_string(summary.frames.size()) + " frames; --all for every frame)\n";
  return out;
}

// A ranking row's peak: its count, frame and time, in the last three columns.
void add_peak_columns(std::vector<TextColumn>& columns, const analysis::Peak& peak) {
  columns[columns.size() - 3].cells.push_back(std::to_string(peak.count));
  columns[columns.size() - 2].cells.push_back(std::to_string(peak.frame));
  columns[columns.size() - 1].cells.push_back(timeline::format_time(peak.time_ns));
}

std::vector<TextColumn> with_peak_columns(std::vector<TextColumn> key_columns) {
  key_columns.push_back({"peak"});
  key_columns.push_back({"frame"});
  key_columns.push_back({"time", true});
  return key_columns;
}

std::string ranking(std::string_view title, const std::vector<TextColumn>& columns) {
  std::string out = "\n";
  out.append(title).append("\n");
  out.append(columns.front().cells.empty() ? "  (none)\n" : format_table(columns, "  "));
  return out;
}

std::string port_ranking(const TimelineSummary& summary) {
  auto columns = with_peak_columns({{"proto", true}, {"port"}});
  for (const auto& port : summary.busiest_local_ports) {
    columns[0].cells.push_back(std::string(analysis::socket_kind_name(port.kind)));
    columns[1].cells.push_back(std::to_string(port.port));
    add_peak_columns(columns, port.peak);
  }
  return ranking(
      "Busiest local ports (non-LISTEN tcp sockets on a listening port, peak in a frame)", columns);
}

std::string remote_ranking(const TimelineSummary& summary) {
  auto columns = with_peak_columns({{"address", true}});
  for (const auto& remote : summary.busiest_remote_addresses) {
    columns[0].cells.push_back(remote.address.to_string());
    add_peak_columns(columns, remote.peak);
  }
  return ranking("Busiest remote addresses (inet sockets connected to it, peak in a frame)",
                 columns);
}

std::string process_ranking(const TimelineSummary& summary) {
  auto columns = with_peak_columns({{"pid"}, {"program", true}});
  for (const auto& process : summary.processes) {
    columns[0].cells.push_back(std::to_string(process.pid));
    columns[1].cells.push_back(printable(process.program));
    add_peak_columns(columns, process.peak);
  }
  return ranking("Processes with most sockets (inet and unix sockets held, peak in a frame)",
                 columns);
}

// The largest value of each of `marks` equal slices of `values`, so a short spike is never lost.
std::vector<uint32_t> bucket_maxima(const std::vector<uint32_t>& values, size_t marks) {
  std::vector<uint32_t> maxima;
  for (size_t b = 0; b < marks; ++b) {
    size_t begin = b * values.size() / marks, end = (b + 1) * values.size() / marks;
    maxima.push_back(*std::max_element(values.begin() + begin, values.begin() + end));
  }
  return maxima;
}

// One block per value, scaled from the series' min (lowest block) to its max (full block).
std::string sparkline(const std::vector<uint32_t>& marks, uint32_t low, uint32_t high) {
  static constexpr std::string_view kBlocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string line;
  for (uint32_t value : marks) {
    uint64_t range = high - low;
    size_t level = range ? ((uint64_t(value) - low) * 7 + range / 2) / range : 0;
    line.append(kBlocks[level]);
  }
  return line;
}

// "  label  <marks>  min N  max N", the label and numbers padded so the marks line up.
std::string trend_line(const Series& s, size_t marks, size_t label_width, size_t number_width) {
  auto [low, high] = std::minmax_element(s.values.begin(), s.values.end());
  std::string line = "  ";
  append_left(line, s.label, label_width);
  line += "  " + sparkline(bucket_maxima(s.values, marks), *low, *high) + "  min ";
  append_right(line, *low, number_width);
  line += "  max ";
  append_right(line, *high, number_width);
  return line + "\n";
}

std::string trends(const TimelineSummary& summary, const SummaryTextOptions& options) {
  std::vector<Series> series = frame_series(summary);
  size_t label_width = 0, number_width = 0;
  for (const auto& s : series) {
    label_width = std::max(label_width, s.label.size());
    number_width = std::max(
        number_width, std::to_string(*std::max_element(s.values.begin(), s.values.end())).size());
  }
  // The marks take what the width leaves; a narrow terminal still gets a few.
  size_t fixed = 2 + label_width + 2 + 2 + 4 + number_width + 2 + 4 + number_width;
  size_t room = options.width > fixed + 8 ? options.width - fixed : 8;
  size_t marks = std::min(summary.frames.size(), room);
  size_t per_mark = (summary.frames.size() + marks - 1) / marks;
  std::string out = "\nTrends (" + std::to_string(summary.frames.size()) + " frames";
  out += per_mark > 1 ? "; each mark is the highest of up to " + std::to_string(per_mark) + ")\n"
                      : "; one mark per frame)\n";
  for (const auto& s : series) out += trend_line(s, marks, label_width, number_width);
  return out;
}

}  // namespace

std::string summary_text(const TimelineSummary& summary, const SummaryTextOptions& options) {
  if (summary.frames.empty()) return "No frames to summarise.\n";
  std::string out = frame_table(summary, options);
  if (options.charts) out += trends(summary, options);
  out += port_ranking(summary);
  out += remote_ranking(summary);
  out += process_ranking(summary);
  return out;
}

}  // namespace netsnap::render
