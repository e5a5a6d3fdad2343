// Which names a snapshot needs: the lookups netstat's modes would make on its data.
#include <algorithm>

#include "netsnap/capture/name_resolver.h"

namespace netsnap::capture {
namespace {

using model::IpAddress;

template <typename T>
void sort_unique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

// netstat looks up IPv4 0.x.y.z as a network, other non-zero addresses as hosts.
void add_inet_address(NameKeys& keys, const IpAddress& a) {
  if (a.family() == IpAddress::Family::kNone || a.is_unspecified()) return;
  if (a.is_v6()) {
    keys.hosts6.push_back(a);
  } else if (a.data()[0] == 0) {
    keys.networks4.push_back(a);
  } else {
    keys.hosts4.push_back(a);
  }
}

const char* service_protocol(model::InetProtocol p) {
  switch (p) {
    case model::InetProtocol::kTcp:
      return "tcp";
    case model::InetProtocol::kUdp:
    case model::InetProtocol::kUdpLite:
      return "udp";
    case model::InetProtocol::kRaw:
      return "raw";
  }
  return "tcp";
}

void add_sockets(NameKeys& keys, const model::Snapshot& s) {
  for (const auto& sock : s.inet_sockets) {
    add_inet_address(keys, sock.local_address);
    add_inet_address(keys, sock.remote_address);
    const char* proto = service_protocol(sock.protocol);
    for (uint16_t port : {sock.local_port, sock.remote_port}) {
      if (port == 0) continue;
      keys.services.emplace_back(port, proto);
      if (sock.protocol == model::InetProtocol::kRaw) keys.protocols.push_back(port);
    }
    keys.users.push_back(sock.uid);
  }
  for (const auto& ep : s.sctp_endpoints) {
    for (const auto& a : ep.local_addresses) add_inet_address(keys, a.address);
    keys.users.push_back(ep.uid);
  }
  for (const auto& as : s.sctp_associations) {
    for (const auto& a : as.local_addresses) add_inet_address(keys, a.address);
    for (const auto& a : as.remote_addresses) add_inet_address(keys, a.address);
    keys.users.push_back(as.uid);
  }
}

// Route destinations are names of hosts or of networks (Route4::destination_is_host).
void add_routes(NameKeys& keys, const model::Snapshot& s) {
  for (const auto& r : s.routes4) {
    if (!r.destination.is_unspecified())
      (r.destination_is_host() ? keys.hosts4 : keys.networks4).push_back(r.destination);
    if (r.gateway.is_v4() && !r.gateway.is_unspecified()) keys.hosts4.push_back(r.gateway);
  }
  // The cache's addresses are resolved like connection addresses.
  for (const auto& c : s.route_cache) {
    for (const auto* a : {&c.source, &c.destination, &c.gateway, &c.specific_destination})
      add_inet_address(keys, *a);
  }
  for (const auto& r : s.routes6) {
    add_inet_address(keys, r.destination);
    add_inet_address(keys, r.next_hop);
  }
}

void add_flow_endpoints(NameKeys& keys, const IpAddress& a, uint16_t port, const char* proto) {
  add_inet_address(keys, a);
  if (port != 0) keys.services.emplace_back(port, proto);
}

void add_nat(NameKeys& keys, const model::Snapshot& s) {
  for (const auto& m : s.masquerade) {
    std::string proto = m.protocol == "TCP" ? "tcp" : "udp";
    add_flow_endpoints(keys, m.source, m.source_port, proto.c_str());
    add_flow_endpoints(keys, m.destination, m.destination_port, proto.c_str());
    if (m.masquerade_port != 0) keys.services.emplace_back(m.masquerade_port, proto);
  }
  for (const auto& f : s.conntrack) {
    const char* proto = f.protocol == "tcp" ? "tcp" : "udp";
    for (const auto* t : {&f.original, &f.reply}) {
      add_flow_endpoints(keys, t->source, t->source_port, proto);
      add_flow_endpoints(keys, t->destination, t->destination_port, proto);
    }
  }
}

}  // namespace

NameKeys collect_name_keys(const model::Snapshot& s) {
  NameKeys keys;
  add_sockets(keys, s);
  add_routes(keys, s);
  add_nat(keys, s);
  for (const auto& g : s.multicast) add_inet_address(keys, g.group);
  for (const auto& p : s.processes) keys.users.push_back(p.uid);
  sort_unique(keys.hosts4);
  sort_unique(keys.networks4);
  sort_unique(keys.hosts6);
  sort_unique(keys.services);
  sort_unique(keys.protocols);
  sort_unique(keys.users);
  return keys;
}

}  // namespace netsnap::capture
