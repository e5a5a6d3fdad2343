#include "netsnap/render/name_lookup.h"
#include "netsnap/render/safe_text.h"

namespace netsnap::render {
namespace {

std::string host_key(const model::IpAddress& a) {
  std::string key(1, static_cast<char>(a.family()));
  key.append(a.bytes());
  return key;
}

template <typename Map, typename Key>
const std::string* find(const Map& map, const Key& key) {
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

// The names are kept printable(): every name a lookup answers goes to the terminal.
NameLookup::NameLookup(const model::NameTable& table) {
  for (const auto& h : table.hosts4) hosts_.emplace(host_key(h.address), printable(h.name));
  for (const auto& h : table.hosts6) hosts_.emplace(host_key(h.address), printable(h.name));
  for (const auto& n : table.networks4)
    networks_.emplace(std::string(n.address.bytes()), printable(n.name));
  for (const auto& s : table.services) {
    auto& map = s.protocol == "tcp"   ? tcp_services_
                : s.protocol == "udp" ? udp_services_
                                      : raw_services_;
    map[s.port] = printable(s.name);
  }
  for (const auto& p : table.protocols) protocols_.emplace(p.number, printable(p.name));
  for (const auto& u : table.users) users_.emplace(u.uid, printable(u.name));
}

const std::string* NameLookup::host(const model::IpAddress& address) const {
  return find(hosts_, host_key(address));
}

const std::string* NameLookup::network(const model::IpAddress& address) const {
  return find(networks_, std::string(address.bytes()));
}

const std::string* NameLookup::service(uint16_t port, std::string_view protocol) const {
  if (protocol == "tcp") return find(tcp_services_, port);
  if (protocol == "udp") return find(udp_services_, port);
  return find(raw_services_, port);
}

const std::string* NameLookup::protocol(uint32_t number) const { return find(protocols_, number); }

const std::string* NameLookup::user(uint32_t uid) const { return find(users_, uid); }

}  // namespace netsnap::render
