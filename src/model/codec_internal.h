// Shared pieces of the snapshot codec (private to src/model).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "netsnap/model/snapshot.h"
#include "schema/snapshot.capnp.h"

namespace netsnap::model::codec {

namespace s = ::netsnap::schema;

// --- helpers ------------------------------------------------------------------------------------

inline kj::ArrayPtr<const capnp::byte> bytes_of(std::string_view v) {
  return {reinterpret_cast<const capnp::byte*>(v.data()), v.size()};
}
inline kj::ArrayPtr<const capnp::byte> bytes_of(const IpAddress& a) { return bytes_of(a.bytes()); }
inline std::string_view view(capnp::Data::Reader d) {
  return {reinterpret_cast<const char*>(d.begin()), d.size()};
}
inline IpAddress address(capnp::Data::Reader d) { return IpAddress::from_bytes(view(d)); }
inline std::string text(capnp::Text::Reader t) { return std::string(t.cStr(), t.size()); }
inline kj::StringPtr text_of(const std::string& s) { return kj::StringPtr(s.c_str(), s.size()); }

template <typename T, typename ListBuilder, typename Fn>
void write_list(const std::vector<T>& items, ListBuilder list, Fn fn) {
  for (unsigned i = 0; i < items.size(); ++i) fn(items[i], list[i]);
}

template <typename T, typename ListReader, typename Fn>
std::vector<T> read_list(ListReader list, Fn fn) {
  std::vector<T> out;
  out.reserve(list.size());
  for (auto item : list) out.push_back(fn(item));
  return out;
}

#define INIT_LIST(builder, field, vec) builder.init##field(static_cast<unsigned>((vec).size()))

void write_inet(const InetSocket& v, s::InetSocket::Builder b);
InetSocket read_inet(s::InetSocket::Reader r);
void write_sctp_endpoint(const SctpEndpoint& v, s::SctpEndpoint::Builder b);
SctpEndpoint read_sctp_endpoint(s::SctpEndpoint::Reader r);
void write_sctp_association(const SctpAssociation& v, s::SctpAssociation::Builder b);
SctpAssociation read_sctp_association(s::SctpAssociation::Reader r);
void write_unix(const UnixSocket& v, s::UnixSocket::Builder b);
UnixSocket read_unix(s::UnixSocket::Reader r);
void write_process(const Process& v, s::Process::Builder b);
Process read_process(s::Process::Reader r);

void write_route4(const Route4& v, s::Route4::Builder b);
Route4 read_route4(s::Route4::Reader r);
void write_route_cache_entry(const RouteCacheEntry& v, s::RouteCacheEntry::Builder b);
RouteCacheEntry read_route_cache_entry(s::RouteCacheEntry::Reader r);
void write_route6(const Route6& v, s::Route6::Builder b);
Route6 read_route6(s::Route6::Reader r);
void write_interface(const Interface& v, s::Interface::Builder b);
Interface read_interface(s::Interface::Reader r);
void write_multicast(const MulticastGroup& v, s::MulticastGroup::Builder b);
MulticastGroup read_multicast(s::MulticastGroup::Reader r);
void write_stat_section(const StatSection& v, s::StatSection::Builder b);
StatSection read_stat_section(s::StatSection::Reader r);
void write_conntrack(const ConntrackFlow& v, s::ConntrackFlow::Builder b);
ConntrackFlow read_conntrack(s::ConntrackFlow::Reader r);
void write_masquerade(const MasqueradeEntry& v, s::MasqueradeEntry::Builder b);
MasqueradeEntry read_masquerade(s::MasqueradeEntry::Reader r);

}  // namespace netsnap::model::codec
