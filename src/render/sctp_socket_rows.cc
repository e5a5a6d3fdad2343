// SCTP endpoint and association rows of the socket listing (NETSTAT-FORMAT.md §4).
#include <algorithm>

#include "netsnap/render/address_text.h"
#include "netsnap/render/columns.h"
#include "socket_listing.h"

namespace netsnap::render {
namespace {

constexpr std::string_view kFamily = "AF INET (sctp)";
constexpr std::string_view kRowIndent = "                    ";  // 20 spaces

// netstat copies each address's text into a 64-byte buffer.
constexpr size_t kAddressBuffer = 63;

// SCTP hands netstat's whole numeric flag set to the resolver: any -n/--numeric-* (or -N)
// makes addresses numeric.
bool numeric_addresses(const NetstatOptions& o) {
  return o.numeric_hosts || o.numeric_ports || o.numeric_users || o.symbolic;
}

std::string address_text(const SocketListing& listing, const model::SctpAddress& a) {
  std::string text =
      inet_host_text(a.address, numeric_addresses(listing.options()), listing.names());
  if (text.size() > kAddressBuffer) text.resize(kAddressBuffer);
  return text;
}

// Ports are never named: "*" for 0, else the number.
std::string port_number(uint16_t port) { return port == 0 ? "*" : std::to_string(port); }

std::string_view socket_state(uint32_t state, std::string& storage) {
  int value = static_cast<int32_t>(state);
  if (value >= 0 && value <= 11) return tcp_state_name(static_cast<uint32_t>(value));
  storage = "UNKNOWN(" + std::to_string(value) + ")";
  return storage;
}

// Endpoint lines never mark a primary address, so netstat does not strip the '*' there: inet_addr
// fails on "*10.0.0.7" and gives INADDR_NONE. (For IPv6 it reads uninitialised memory; the
// address is shown as is.)
model::SctpAddress endpoint_address(const model::SctpAddress& a) {
  if (!a.primary || !a.address.is_v4()) return a;
  return {model::IpAddress::v4({255, 255, 255, 255}), false};
}

void append_endpoint_row(std::string& line, const SocketListing& listing,
                         const model::SctpEndpoint& e) {
  std::string port = port_number(e.local_port);
  std::string state_storage;
  bool first = true;
  for (const model::SctpAddress& a : e.local_addresses) {
    line.append(first ? "sctp                " : "\n                    ");
    std::string text = address_text(listing, endpoint_address(a));
    text += ':';
    text += port;
    append_left(line, text, 47);
    line += ' ';
    append_left(line, first ? socket_state(e.socket_state, state_storage) : "", 11);
    first = false;
  }
  listing.append_tail(line, e.uid, e.inode, "");
}

// One side's column of an association line: the address (with the port on the first line), or
// blanks once that side has no more addresses.
void append_side(std::string& line, const SocketListing& listing,
                 const std::vector<model::SctpAddress>& addresses, size_t i, uint16_t port) {
  if (i >= addresses.size()) {
    line.append(23, ' ');
    return;
  }
  std::string text = address_text(listing, addresses[i]);
  if (i == 0) {
    text += ':';
    text += port_number(port);
  }
  append_left(line, text, 23);
}

void append_association_row(std::string& line, const SocketListing& listing,
                            const model::SctpAssociation& a) {
  size_t lines = std::max(a.local_addresses.size(), a.remote_addresses.size());
  std::string state_storage;
  for (size_t i = 0; i < lines; ++i) {
    if (i == 0) {
      line.append("sctp  ");
      append_right(line, static_cast<uint32_t>(a.rx_queue), 6);
      line += ' ';
      append_right(line, static_cast<uint32_t>(a.tx_queue), 6);
      line += ' ';
    } else {
      line += '\n';
      line.append(kRowIndent);
    }
    append_side(line, listing, a.local_addresses, i, a.local_port);
    line += ' ';
    append_side(line, listing, a.remote_addresses, i, a.remote_port);
    line += ' ';
    append_left(line, i == 0 ? socket_state(a.socket_state, state_storage) : "", 11);
  }
  listing.append_tail(line, a.uid, a.inode, "");
}

int render_endpoints(const SocketListing& listing, Output& output) {
  std::string line;
  constexpr SectionFiles kFiles{"proc/net/sctp/eps", "proc/net/sctp6/eps", kFamily, "sctp eps"};
  return render_file_pair(listing, kFiles, output, [&](bool ipv6) {
    for (const model::SctpEndpoint& e : listing.snapshot().sctp_endpoints) {
      if (e.ipv6 != ipv6) continue;
      line.clear();
      append_endpoint_row(line, listing, e);
      output.out(line);
    }
  });
}

int render_associations(const SocketListing& listing, Output& output) {
  std::string line;
  constexpr SectionFiles kFiles{"proc/net/sctp/assocs", "proc/net/sctp6/assocs", kFamily,
                                "sctp assoc"};
  return render_file_pair(listing, kFiles, output, [&](bool ipv6) {
    for (const model::SctpAssociation& a : listing.snapshot().sctp_associations) {
      if (a.ipv6 != ipv6) continue;
      line.clear();
      append_association_row(line, listing, a);
      output.out(line);
    }
  });
}

}  // namespace

// Endpoints are the servers and associations the connections; there is no per-row filter.
int render_sctp_sockets(const SocketListing& listing, Output& output) {
  const NetstatOptions& o = listing.options();
  int status = 0;
  if (o.all || o.listening) {
    status = render_endpoints(listing, output);
    if (status != 0) return status;
  }
  if (o.all || !o.listening) status = render_associations(listing, output);
  return status;
}

}  // namespace netsnap::render
