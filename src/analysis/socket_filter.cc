#include "netsnap/analysis/socket_filter.h"

#include "filter_ast.h"
#include "filter_eval.h"
#include "filter_values.h"

namespace netsnap::analysis {
namespace {

using filter::Family;
using filter::FilterSubject;
using filter::SocketEnd;

SocketEnd inet_end(const model::IpAddress& address, uint16_t port) {
  return {true, port, &address, nullptr};
}

SocketEnd sctp_end(const std::vector<model::SctpAddress>& addresses, uint16_t port) {
  return {true, port, nullptr, &addresses};
}

Family inet_family(bool ipv6) { return ipv6 ? Family::kInet6 : Family::kInet; }

// Sockets without an inode (TIME_WAIT, request sockets) belong to no process.
const std::vector<model::SocketOwner>* owners_of(uint64_t inode,
                                                 const model::SocketOwners& owners) {
  return inode == 0 ? nullptr : &owners.all(inode);
}

// A raw socket's local "port" is its IP protocol number; port predicates see it as a port.
FilterSubject subject_of(const model::InetSocket& socket, const model::SocketOwners& owners) {
  FilterSubject subject;
  subject.local = inet_end(socket.local_address, socket.local_port);
  subject.remote = inet_end(socket.remote_address, socket.remote_port);
  subject.protocol = model::inet_protocol_name(socket.protocol);
  subject.family = inet_family(socket.ipv6);
  subject.states = filter::tcp_state_bit(socket.state);
  subject.owners = owners_of(socket.inode, owners);
  subject.uid = socket.uid;
  return subject;
}

FilterSubject subject_of(const model::UnixSocket& socket, const model::SocketOwners& owners) {
  FilterSubject subject;
  subject.protocol = "unix";
  subject.family = Family::kUnix;
  subject.states = filter::unix_state_bits(socket);
  subject.owners = owners_of(socket.inode, owners);
  return subject;
}

// An endpoint is a bound SCTP socket waiting for associations: it counts as listening.
FilterSubject subject_of(const model::SctpEndpoint& endpoint, const model::SocketOwners& owners) {
  FilterSubject subject;
  subject.local = sctp_end(endpoint.local_addresses, endpoint.local_port);
  subject.protocol = "sctp";
  subject.family = inet_family(endpoint.ipv6);
  subject.states = filter::tcp_state_bit(10);  // LISTEN
  subject.owners = owners_of(endpoint.inode, owners);
  subject.uid = endpoint.uid;
  return subject;
}

// Associations count as established whatever their SCTP state: /proc lists live ones.
FilterSubject subject_of(const model::SctpAssociation& association,
                         const model::SocketOwners& owners) {
  FilterSubject subject;
  subject.local = sctp_end(association.local_addresses, association.local_port);
  subject.remote = sctp_end(association.remote_addresses, association.remote_port);
  subject.protocol = "sctp";
  subject.family = inet_family(association.ipv6);
  subject.states = filter::tcp_state_bit(1);  // ESTABLISHED
  subject.owners = owners_of(association.inode, owners);
  subject.uid = association.uid;
  return subject;
}

// The original direction's tuple is the flow's source and destination.
FilterSubject subject_of(const model::ConntrackFlow& flow) {
  FilterSubject subject;
  subject.local = inet_end(flow.original.source, flow.original.source_port);
  subject.remote = inet_end(flow.original.destination, flow.original.destination_port);
  subject.protocol = flow.protocol;
  subject.family = inet_family(flow.ipv6);
  subject.states = filter::conntrack_state_bits(flow.state);
  return subject;
}

}  // namespace

SocketFilter SocketFilter::parse(std::string_view expression) {
  return SocketFilter(filter::parse_expression(expression));
}

SocketFilter SocketFilter::all_of(std::vector<SocketFilter> filters) {
  std::vector<filter::NodePtr> roots;
  for (SocketFilter& each : filters) {
    if (each.root_) roots.push_back(std::move(each.root_));
  }
  if (roots.empty()) return {};
  return SocketFilter(filter::make_group(filter::Node::Kind::kAnd, std::move(roots)));
}

bool SocketFilter::matches(const model::InetSocket& socket,
                           const model::SocketOwners& owners) const {
  return !root_ || filter::evaluate(*root_, subject_of(socket, owners));
}

bool SocketFilter::matches(const model::UnixSocket& socket,
                           const model::SocketOwners& owners) const {
  return !root_ || filter::evaluate(*root_, subject_of(socket, owners));
}

bool SocketFilter::matches(const model::SctpEndpoint& endpoint,
                           const model::SocketOwners& owners) const {
  return !root_ || filter::evaluate(*root_, subject_of(endpoint, owners));
}

bool SocketFilter::matches(const model::SctpAssociation& association,
                           const model::SocketOwners& owners) const {
  return !root_ || filter::evaluate(*root_, subject_of(association, owners));
}

bool SocketFilter::matches(const model::ConntrackFlow& flow) const {
  return !root_ || filter::evaluate(*root_, subject_of(flow));
}

std::string SocketFilter::to_string() const {
  return root_ ? filter::expression_text(*root_) : std::string();
}

void apply_filter(const SocketFilter& filter, model::Snapshot& snapshot) {
  if (filter.matches_everything()) return;
  // Owners come from the processes, which all stay; collect them before any socket goes.
  const model::SocketOwners owners(snapshot);
  auto rejected = [&](const auto& socket) { return !filter.matches(socket, owners); };
  std::erase_if(snapshot.inet_sockets, rejected);
  std::erase_if(snapshot.sctp_endpoints, rejected);
  std::erase_if(snapshot.sctp_associations, rejected);
  std::erase_if(snapshot.unix_sockets, rejected);
  std::erase_if(snapshot.conntrack,
                [&](const model::ConntrackFlow& flow) { return !filter.matches(flow); });
}

}  // namespace netsnap::analysis
