// netsnap export's row formats: JSON Lines through nlohmann-json, CSV through csv_text_field
// (safe_text.h, libcsv's quoting). Both write the same columns (socket_row_columns) with the same
// meaning of "no value": null in JSON, an unquoted empty field in CSV (which PostgreSQL's COPY ...
// CSV and others load as NULL, while a quoted "" stays an empty string).
#include <nlohmann/json.hpp>
#include <variant>

#include "export_json.h"
#include "netsnap/render/export.h"
#include "netsnap/render/safe_text.h"

namespace netsnap::render {
namespace {

using Cell = std::variant<std::monostate, uint64_t, std::string>;

template <typename T>
Cell optional_number(const std::optional<T>& value) {
  if (!value) return std::monostate{};
  return static_cast<uint64_t>(*value);
}

// A text column that belongs to one family only is null for the others, so that "" keeps meaning
// "empty" (an unbound unix socket's path) rather than "not applicable".
Cell text_if(bool applies, const std::string& text) {
  if (!applies) return std::monostate{};
  return text;
}

// The cells of one row, in socket_row_columns() order.
std::vector<Cell> row_cells(const ExportFrame& frame, const SocketRow& row) {
  bool is_unix = row.family == "unix";
  return {frame.number,
          frame.time,
          frame.snapshot->host.hostname,
          row.family,
          row.protocol,
          text_if(!is_unix, row.local_address),
          optional_number(row.local_port),
          text_if(!is_unix, row.remote_address),
          optional_number(row.remote_port),
          row.state,
          optional_number(row.recv_q),
          optional_number(row.send_q),
          optional_number(row.uid),
          row.inode,
          optional_number(row.pid),
          text_if(row.pid.has_value(), row.program),
          text_if(is_unix, row.unix_type),
          text_if(is_unix, row.unix_path)};
}

class JsonLinesExporter : public FrameExporter {
 public:
  explicit JsonLinesExporter(std::ostream& out) : out_(out) {}

  void write_frame(const ExportFrame& frame) override {
    const auto& columns = socket_row_columns();
    for (const SocketRow& row : socket_rows(*frame.snapshot)) {
      std::vector<Cell> cells = row_cells(frame, row);
      nlohmann::ordered_json object;
      for (size_t i = 0; i < cells.size(); ++i) object[columns[i]] = to_json(cells[i]);
      // Kernel text (paths, program names) need not be UTF-8; JSON must be, so invalid bytes
      // become U+FFFD rather than aborting the export.
      out_ << object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
  }
  void finish() override { out_.flush(); }

 private:
  static nlohmann::ordered_json to_json(const Cell& cell) {
    if (const auto* n = std::get_if<uint64_t>(&cell)) return *n;
    if (const auto* s = std::get_if<std::string>(&cell)) return *s;
    return nullptr;
  }

  std::ostream& out_;
};

class CsvExporter : public FrameExporter {
 public:
  explicit CsvExporter(std::ostream& out) : out_(out) {
    std::vector<std::string> fields;
    for (const std::string& name : socket_row_columns()) fields.push_back(quoted(name));
    write_record(fields);
  }

  void write_frame(const ExportFrame& frame) override {
    for (const SocketRow& row : socket_rows(*frame.snapshot)) {
      std::vector<std::string> fields;
      for (const Cell& cell : row_cells(frame, row)) fields.push_back(field(cell));
      write_record(fields);
    }
  }
  void finish() override { out_.flush(); }

 private:
  static std::string field(const Cell& cell) {
    if (const auto* n = std::get_if<uint64_t>(&cell)) return std::to_string(*n);  // never quoted
    if (const auto* s = std::get_if<std::string>(&cell)) return quoted(*s);
    return "";  // null: an empty unquoted field
  }

  // Text is always quoted (csv_text_field: embedded quotes doubled, control characters as '?'),
  // so a loader never mistakes it for a number or for NULL, and no field holds a line break.
  static std::string quoted(const std::string& text) { return csv_text_field(text); }

  // RFC 4180 ends records with CRLF; LF is what every common loader accepts and what the other
  // formats use.
  void write_record(const std::vector<std::string>& fields) {
    for (size_t i = 0; i < fields.size(); ++i) out_ << (i ? "," : "") << fields[i];
    out_ << '\n';
  }

  std::ostream& out_;
};

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  if (name == "json") return ExportFormat::kJson;
  if (name == "jsonl") return ExportFormat::kJsonl;
  if (name == "csv") return ExportFormat::kCsv;
  return std::nullopt;
}

std::unique_ptr<FrameExporter> make_exporter(ExportFormat format, std::ostream& out) {
  switch (format) {
    case ExportFormat::kJson:
      return make_json_exporter(out);
    case ExportFormat::kJsonl:
      return std::make_unique<JsonLinesExporter>(out);
    case ExportFormat::kCsv:
      return std::make_unique<CsvExporter>(out);
  }
  return nullptr;
}

}  // namespace netsnap::render
