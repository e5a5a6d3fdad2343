// The socket table of netsnap export: one flat row per inet or unix socket of a snapshot.
#include "netsnap/model/socket_names.h"
#include "netsnap/render/export.h"

namespace netsnap::render {
namespace {

void set_owner(SocketRow& row, const model::SocketOwners& owners) {
  // Unlike netstat -p (render/program_table.cc), the name is neither truncated nor cleaned of
  // control characters: an export keeps the data, and the JSON/CSV libraries make any bytes safe.
  // A shared socket gets the first holder in /proc order, as netstat -p shows it.
  if (const model::SocketOwner* owner = owners.first(row.inode)) {
    row.pid = owner->pid;
    row.program = owner->program;
  }
}

SocketRow inet_row(const model::InetSocket& s) {
  SocketRow row;
  row.family = s.ipv6 ? "inet6" : "inet";
  row.protocol = model::inet_protocol_name(s.protocol);
  row.local_address = s.local_address.to_string();
  row.local_port = s.local_port;  // raw sockets: the IP protocol number, as the kernel reports it
  row.remote_address = s.remote_address.to_string();
  row.remote_port = s.remote_port;
  row.state = model::inet_state_name(s.state);
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
  row.state = model::unix_state_name(s);
  row.inode = s.inode;
  row.unix_type = model::unix_type_name(s.type);
  row.unix_path = s.path;
  return row;
}

}  // namespace

std::vector<SocketRow> socket_rows(const model::Snapshot& snapshot) {
  model::SocketOwners owners(snapshot);
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
