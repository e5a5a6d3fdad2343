// netsnap export: frames as JSON documents, or one row per socket as JSON Lines or CSV, for loading
// into databases and scripts. Escaping is left to libraries: Cap'n Proto's JsonCodec for whole
// snapshots, nlohmann-json for JSON Lines, libcsv for CSV fields (through csv_text_field, which
// first makes control characters '?': CSV cells never hold them; json and jsonl keep every byte).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "netsnap/model/snapshot.h"

namespace netsnap::render {

enum class ExportFormat { kJson, kJsonl, kCsv };

// "json", "jsonl", "csv"; nullopt for anything else.
std::optional<ExportFormat> parse_export_format(std::string_view name);

// One frame to export: its number in the timeline, its capture time already formatted (ISO 8601
// UTC, milliseconds), and its snapshot.
struct ExportFrame {
  uint64_t number = 0;
  std::string time;
  const model::Snapshot* snapshot = nullptr;
};

// Writes frames one at a time, so a long timeline never has to be held in memory.
class FrameExporter {
 public:
  virtual ~FrameExporter() = default;
  virtual void write_frame(const ExportFrame& frame) = 0;
  // Writes whatever closes the document (the JSON array's "]"); call once, after the last frame.
  virtual void finish() = 0;
};

// json: one JSON array of {"frame", "time", "snapshot"} objects, the snapshot in the field names
// of schema/snapshot.capnp. jsonl and csv: one row per socket (socket_rows), csv with a header.
std::unique_ptr<FrameExporter> make_exporter(ExportFormat format, std::ostream& out);

// The snapshot as one JSON object (Cap'n Proto's JSON mapping of schema/snapshot.capnp), with
// addresses as numeric text ("10.0.0.1") rather than byte arrays; see export_json.cc.
std::string snapshot_to_json(const model::Snapshot& snapshot);

// One inet (tcp, udp, udplite, raw; v4 and v6) or unix socket, flattened for a table. Columns that
// do not apply to a socket's family are nullopt / empty (null in JSON, empty in CSV).
struct SocketRow {
  std::string family;                         // "inet", "inet6" (from the IPv6 file) or "unix"
  std::string protocol;                       // "tcp", "udp", "udplite", "raw" or "unix"
  std::string local_address, remote_address;  // numeric; empty for unix
  std::optional<uint16_t> local_port, remote_port;
  std::string state;  // kernel state name (ESTABLISHED, LISTEN, CLOSE, ...; unix: CONNECTED, ...)
  std::optional<uint64_t> recv_q, send_q;
  std::optional<uint32_t> uid;
  uint64_t inode = 0;
  std::optional<uint32_t> pid;  // the first process (in /proc order) holding the socket
  std::string program;          // its argv[0] (basename if absolute), else its comm
  std::string unix_type;        // STREAM, DGRAM, SEQPACKET, ...; empty for inet
  std::string unix_path;        // verbatim as the kernel printed it; empty for inet
};

// Every inet socket (file order), then every unix socket (file order).
std::vector<SocketRow> socket_rows(const model::Snapshot& snapshot);

// The column names of jsonl objects and of the CSV header, in order.
const std::vector<std::string>& socket_row_columns();

}  // namespace netsnap::render
