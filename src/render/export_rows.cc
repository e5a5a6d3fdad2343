// The socket table of netsnap export: one flat row per inet or unix socket of a snapshot.
#include <string_view>
#include <unordered_map>

#include "netsnap/render/export.h"

namespace netsnap::render {
namespace {

// Names rather than numbers, so a database query can say state = 'LISTEN'. The kernel keeps udp and
// raw sockets in the same TCP_* states (1 ESTABLISHED when connected, 7 CLOSE otherwise), so one
// table serves every inet protocol. Unknown numbers are exported as their decimal text.
std::string inet_state_name(uint8_t state) {
  static constexpr std::string_view kNames[] = {
      "",      "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",   "TIME_WAIT",
      "CLOSE", "CLOSE_WAIT",  "LAST_ACK", "LISTEN",   "CLOSING",   "NEW_SYN_RECV"};
  if (state > 0 && state < std::size(kNames)) return std::string(kNames[state]);
  return std::to_string(state);
}

std::string unix_state_name(const model::UnixSocket& s) {
  // __SO_ACCEPTCON marks a listener, which the kernel leaves UNCONNECTED; netstat says LISTENING.
  if (s.flags & 0x10000) return "LISTENING";
  static constexpr std::string_view kNames[] = {"FREE", "UNCONNECTED", "CONNECTING", "CONNECTED",
                                                "DISCONNECTING"};
  if (s.state < std::size(kNames)) return std::string(kNames[s.state]);
  return std::to_string(s.state);
}

std::string unix_type_name(uint32_t type) {
  static constexpr std::string_view kNames[] = {"", "STREAM", "DGRAM", "RAW", "RDM", "SEQPACKET"};
  if (type > 0 && type < std::size(kNames)) return std::string(kNames[type]);
  return std::to_string(type);
}

std::string protocol_name(model::InetProtocol protocol) {
  switch (protocol) {
    case model::InetProtocol::kTcp:
      return "tcp";
    case model::InetProtocol::kUdp:
      return "udp";
    case model::InetProtocol::kUdpLite:
      return "udplite";
    case model::InetProtocol::kRaw:
      return "raw";
  }
  return "unknown";
}

// Unlike netstat -p (render/program_table.cc), the name is neither truncated nor cleaned of control
// characters: an export keeps the data, and the JSON/CSV libraries make any bytes safe.
std::string program_of(const model::Process& process) {
  // Kernel threads and zombies have no argv: their comm names them.
  if (process.cmdline.empty() || process.cmdline[0] == '\0') return process.comm;
  return std::string(model::program_name_of(process.cmdline));
}

struct Owner {
  uint32_t pid = 0;
  std::string program;
};

// Socket inode -> owner. A socket shared by several processes (a forking server's listener) gets
// the first in /proc order, as netstat -p shows it.
std::unordered_map<uint64_t, Owner> socket_owners(const model::Snapshot& snapshot) {
  std::unordered_map<uint64_t, Owner> owners;
  for (const model::Process& process : snapshot.processes) {
    for (const model::SocketHandle& socket : process.sockets) {
      if (!owners.contains(socket.inode))
        owners.emplace(socket.inode, Owner{process.pid, program_of(process)});
    }
  }
  return owners;
}

void set_owner(SocketRow& row, const std::unordered_map<uint64_t, Owner>& owners) {
  if (row.inode == 0) return;  // TIME_WAIT and request sockets: no file, so no owner
  auto it = owners.find(row.inode);
  if (it == owners.end()) return;
  row.pid = it->second.pid;
  row.program = it->second.program;
}

SocketRow inet_row(const model::InetSocket& s) {
  SocketRow row;
  row.family = s.ipv6 ? "inet6" : "inet";
  row.protocol = protocol_name(s.protocol);
  row.local_address = s.local_address.to_string();
  row.local_port = s.local_port;  // raw sockets: the IP protocol number, as the kernel reports it
  row.remote_address = s.remote_address.to_string();
  row.remote_port = s.remote_port;
  row.state = inet_state_name(s.state);
  row.recv_q = s.rx_queue;
  row.send_q = s.tx_queue;
  row.uid = s.uid;
  row.inode = s.inode;
  return row;
}

SocketRow unix_row(const model::UnixSocket& s) {
  SocketRow row;
  row.family = "unix";
  row.protocol = "unix";
  row.state = unix_state_name(s);
  row.inode = s.inode;
  row.unix_type = unix_type_name(s.type);
  row.unix_path = s.path;
  return row;
}

}  // namespace

std::vector<SocketRow> socket_rows(const model::Snapshot& snapshot) {
  auto owners = socket_owners(snapshot);
  std::vector<SocketRow> rows;
  rows.reserve(snapshot.inet_sockets.size() + snapshot.unix_sockets.size());
  for (const model::InetSocket& s : snapshot.inet_sockets) rows.push_back(inet_row(s));
  for (const model::UnixSocket& s : snapshot.unix_sockets) rows.push_back(unix_row(s));
  for (SocketRow& row : rows) set_owner(row, owners);
  return rows;
}

const std::vector<std::string>& socket_row_columns() {
  static const std::vector<std::string> kColumns = {
      "frame",      "time",           "host",        "family",  "protocol",  "local_address",
      "local_port", "remote_address", "remote_port", "state",   "recv_q",    "send_q",
      "uid",        "inode",          "pid",         "program", "unix_type", "unix_path"};
  return kColumns;
}

}  // namespace netsnap::render
