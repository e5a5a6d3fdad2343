// netsnap export: every format's output is parsed back (nlohmann-json; an independent RFC 4180
// reader for CSV) and checked field by field, including the quoting of hostile text.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "netsnap/render/export.h"
#include "test_support/sample_snapshot.h"

namespace netsnap::render {
namespace {

using nlohmann::json;

// A CSV field and whether it was quoted: an unquoted empty field is NULL, a quoted one is "".
struct CsvField {
  std::string text;
  bool quoted = false;
};
using CsvRecord = std::vector<CsvField>;

// RFC 4180 (LF or CRLF record ends), written for the test so it does not share code with libcsv.
std::vector<CsvRecord> parse_csv(const std::string& text) {
  std::vector<CsvRecord> records;
  CsvRecord record;
  CsvField field;
  bool in_quotes = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_quotes) {
      if (c != '"') {
        field.text += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field.text += '"';
        ++i;
      } else {
        in_quotes = false;
      }
    } else if (c == '"') {
      in_quotes = field.quoted = true;
    } else if (c == ',' || c == '\n') {
      record.push_back(std::exchange(field, {}));
      if (c == '\n') records.push_back(std::exchange(record, {}));
    } else if (c != '\r') {
      field.text += c;
    }
  }
  EXPECT_FALSE(in_quotes) << "unterminated quoted field";
  EXPECT_TRUE(record.empty() && field.text.empty()) << "last record without a line end";
  return records;
}

std::string export_frames(ExportFormat format, const std::vector<model::Snapshot>& snapshots) {
  std::ostringstream out;
  auto exporter = make_exporter(format, out);
  for (size_t i = 0; i < snapshots.size(); ++i)
    exporter->write_frame(
        {i + 10, "2026-11-21T05:42:38.12" + std::to_string(i) + "Z", &snapshots[i]});
  exporter->finish();
  return out.str();
}

std::vector<json> json_lines(const std::string& text) {
  std::vector<json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));  // throws
  return lines;
}

size_t socket_count(const model::Snapshot& s) {
  return s.inet_sockets.size() + s.unix_sockets.size();
}

// Text a naive exporter would break: separators, quotes, line breaks, a non-UTF-8 byte.
model::Snapshot hostile_snapshot() {
  model::Snapshot s = testing::sample_snapshot();
  s.host.hostname = "host,\"one\"";
  s.unix_sockets[0].path = "/run/a,b \"c\"\nd\r\ne";
  s.processes[0].cmdline = std::string("/usr/bin/we,ird \"name\"\nx\0arg\0", 30);
  return s;
}

TEST(ExportJsonTest, SnapshotFollowsTheSchemaWithReadableAddresses) {
  model::Snapshot s = testing::sample_snapshot();
  json doc = json::parse(snapshot_to_json(s));
  const json& tcp = doc["inetSockets"][0];
  EXPECT_EQ(tcp["protocol"], "tcp");
  EXPECT_EQ(tcp["localAddress"], "10.0.0.7");
  EXPECT_EQ(tcp["localPort"], 22);
  EXPECT_EQ(tcp["remoteAddress"], "10.0.0.5");
  EXPECT_EQ(doc["inetSockets"][1]["localAddress"], "::ffff:127.0.0.1");
  EXPECT_EQ(doc["inetSockets"][1]["remoteAddress"], "2001:db8::1");
  EXPECT_EQ(doc["processes"][0]["cmdline"], json({"sshd: root@pts/0", "-x"}));
  EXPECT_EQ(doc["interfaces"][0]["hardwareAddress"], "52:54:00:12:34:56");
  EXPECT_EQ(doc["host"]["hostname"], s.host.hostname);
  // JsonCodec keeps 64-bit integers exact by writing them as strings.
  EXPECT_EQ(doc["host"]["captureTimeNs"], std::to_string(s.host.capture_time_ns));
}

TEST(ExportJsonTest, FramesFormOneArray) {
  std::vector<model::Snapshot> frames = {testing::sample_snapshot(0), testing::sample_snapshot(1)};
  json doc = json::parse(export_frames(ExportFormat::kJson, frames));
  ASSERT_TRUE(doc.is_array());
  ASSERT_EQ(doc.size(), 2u);
  EXPECT_EQ(doc[1]["frame"], 11);
  EXPECT_EQ(doc[1]["time"], "2026-11-21T05:42:38.121Z");
  EXPECT_EQ(doc[1]["snapshot"]["inetSockets"][0]["remotePort"],
            frames[1].inet_sockets[0].remote_port);
  EXPECT_EQ(json::parse(export_frames(ExportFormat::kJson, {})), json::array());
}

TEST(ExportJsonTest, HostileTextStaysValidJson) {
  model::Snapshot s = hostile_snapshot();
  json doc = json::parse(snapshot_to_json(s));
  EXPECT_EQ(doc["unixSockets"][0]["path"], s.unix_sockets[0].path);
  EXPECT_EQ(doc["host"]["hostname"], s.host.hostname);
  EXPECT_EQ(doc["processes"][0]["cmdline"][0], "/usr/bin/we,ird \"name\"\nx");
}

TEST(ExportJsonTest, InvalidUtf8IsReplacedNotPassedThrough) {
  model::Snapshot s = testing::sample_snapshot();
  s.host.hostname = "bad\xff";
  s.processes[0].cmdline = std::string("a\xfe\0", 3);
  json doc = json::parse(snapshot_to_json(s));  // throws on invalid UTF-8
  EXPECT_EQ(doc["host"]["hostname"], "bad\xef\xbf\xbd");
  EXPECT_EQ(doc["processes"][0]["cmdline"], json({"a\xef\xbf\xbd"}));
}

TEST(ExportRowsTest, OneRowPerSocketWithOwners) {
  model::Snapshot s = testing::sample_snapshot();
  std::vector<SocketRow> rows = socket_rows(s);
  ASSERT_EQ(rows.size(), socket_count(s));
  EXPECT_EQ(rows[0].family, "inet");
  EXPECT_EQ(rows[0].protocol, "tcp");
  EXPECT_EQ(rows[0].state, "ESTABLISHED");
  EXPECT_EQ(rows[0].pid, 1234u);
  EXPECT_EQ(rows[0].program, "sshd: root@pts/0");
  EXPECT_EQ(rows[1].family, "inet6");
  EXPECT_EQ(rows[1].protocol, "udplite");
  const SocketRow& listener = rows[s.inet_sockets.size()];
  EXPECT_EQ(listener.family, "unix");
  EXPECT_EQ(listener.state, "LISTENING");
  EXPECT_EQ(listener.unix_type, "STREAM");
  EXPECT_EQ(listener.unix_path, "/run/x y");
  EXPECT_FALSE(listener.uid.has_value());
}

TEST(ExportRowsTest, FirstOwnerWinsAndAbsolutePathsAreCutToTheirBasename) {
  model::Snapshot s = testing::sample_snapshot();
  s.processes.insert(s.processes.begin(),
                     {77, 0, "nginx", std::string("/usr/sbin/nginx\0", 16), {{5, 1003}}});
  s.processes.push_back({78, 0, "kworker", "", {{1, 15161}}});
  std::vector<SocketRow> rows = socket_rows(s);
  EXPECT_EQ(rows[0].pid, 77u);
  EXPECT_EQ(rows[0].program, "nginx");
  EXPECT_EQ(rows[s.inet_sockets.size()].program, "kworker");  // no argv: comm
}

TEST(ExportJsonLinesTest, EveryLineParsesWithTheFramesTimeAndHost) {
  std::vector<model::Snapshot> frames = {testing::sample_snapshot(0), hostile_snapshot()};
  std::vector<json> lines = json_lines(export_frames(ExportFormat::kJsonl, frames));
  ASSERT_EQ(lines.size(), socket_count(frames[0]) + socket_count(frames[1]));
  const json& first = lines[0];
  EXPECT_EQ(first["frame"], 10);
  EXPECT_EQ(first["time"], "2026-11-21T05:42:38.120Z");
  EXPECT_EQ(first["host"], frames[0].host.hostname);
  EXPECT_EQ(first["local_address"], "10.0.0.7");
  EXPECT_EQ(first["local_port"], 22);
  EXPECT_EQ(first["recv_q"], 1);
  EXPECT_EQ(first["send_q"], 36);
  EXPECT_EQ(first["unix_path"], nullptr);
  const json& hostile_unix = lines[socket_count(frames[0]) + frames[1].inet_sockets.size()];
  EXPECT_EQ(hostile_unix["host"], "host,\"one\"");
  EXPECT_EQ(hostile_unix["unix_path"], frames[1].unix_sockets[0].path);
  EXPECT_EQ(hostile_unix["local_address"], nullptr);
  EXPECT_EQ(lines[socket_count(frames[0])]["program"], "we,ird \"name\"\nx");
  // The keys, in the order of the CSV header.
  std::string text = export_frames(ExportFormat::kJsonl, frames);
  nlohmann::ordered_json ordered = nlohmann::ordered_json::parse(text.substr(0, text.find('\n')));
  std::vector<std::string> keys;
  for (const auto& item : ordered.items()) keys.push_back(item.key());
  EXPECT_EQ(keys, socket_row_columns());
}

TEST(ExportJsonLinesTest, InvalidUtf8IsReplacedNotFatal) {
  model::Snapshot s = testing::sample_snapshot();
  s.unix_sockets[0].path = "/tmp/\xff\xfe";
  std::vector<json> lines = json_lines(export_frames(ExportFormat::kJsonl, {s}));
  EXPECT_EQ(lines[s.inet_sockets.size()]["unix_path"], "/tmp/\xef\xbf\xbd\xef\xbf\xbd");
}

// Commas, quotes and the rest are quoted; control characters (the newline, CR) are '?', as on a
// terminal: no cell holds them raw (json and jsonl keep them, escaped).
TEST(ExportCsvTest, HeaderThenOneRecordPerSocketWithHostileTextQuoted) {
  std::vector<model::Snapshot> frames = {testing::sample_snapshot(0), hostile_snapshot()};
  std::vector<CsvRecord> records = parse_csv(export_frames(ExportFormat::kCsv, frames));
  ASSERT_EQ(records.size(), 1 + socket_count(frames[0]) + socket_count(frames[1]));
  const std::vector<std::string>& columns = socket_row_columns();
  ASSERT_EQ(records[0].size(), columns.size());
  for (size_t i = 0; i < columns.size(); ++i) EXPECT_EQ(records[0][i].text, columns[i]);
  for (const CsvRecord& r : records) ASSERT_EQ(r.size(), columns.size());

  auto column = [&](const CsvRecord& r, std::string_view name) {
    return r[std::find(columns.begin(), columns.end(), name) - columns.begin()];
  };
  const CsvRecord& tcp = records[1 + socket_count(frames[0])];
  EXPECT_EQ(column(tcp, "host").text, "host,\"one\"");
  EXPECT_EQ(column(tcp, "program").text, "we,ird \"name\"?x");
  EXPECT_EQ(column(tcp, "local_port").text, "22");
  EXPECT_FALSE(column(tcp, "local_port").quoted);
  EXPECT_EQ(column(tcp, "frame").text, "11");
  const CsvRecord& unix_row = records[1 + socket_count(frames[0]) + frames[1].inet_sockets.size()];
  EXPECT_EQ(column(unix_row, "unix_path").text, "/run/a,b \"c\"?d??e");
  // Not applicable: NULL (unquoted empty), unlike an empty text value.
  EXPECT_EQ(column(unix_row, "local_address").text, "");
  EXPECT_FALSE(column(unix_row, "local_address").quoted);
  EXPECT_TRUE(column(unix_row, "unix_type").quoted);
}

TEST(ExportFormatTest, NamesParse) {
  EXPECT_EQ(parse_export_format("json"), ExportFormat::kJson);
  EXPECT_EQ(parse_export_format("jsonl"), ExportFormat::kJsonl);
  EXPECT_EQ(parse_export_format("csv"), ExportFormat::kCsv);
  EXPECT_EQ(parse_export_format("xml"), std::nullopt);
}

}  // namespace
}  // namespace netsnap::render
