// Name lookups for rendering, answered only from the name table recorded in the frame, never from
// the replaying machine. A null result means the recorded host had no name for the key.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "netsnap/model/snapshot.h"

namespace netsnap::render {

class NameLookup {
 public:
  explicit NameLookup(const model::NameTable& table);

  // gethostbyaddr / getnameinfo: by the address's family.
  const std::string* host(const model::IpAddress& address) const;
  // getnetbyaddr (IPv4 only).
  const std::string* network(const model::IpAddress& address) const;
  // getservbyport semantics of netstat's own table: protocol is "tcp", "udp" or "raw".
  const std::string* service(uint16_t port, std::string_view protocol) const;
  // getprotobynumber.
  const std::string* protocol(uint32_t number) const;
  // getpwuid.
  const std::string* user(uint32_t uid) const;

 private:
  std::unordered_map<std::string, std::string> hosts_;     // key: family byte + address bytes
  std::unordered_map<std::string, std::string> networks_;  // key: address bytes
  std::unordered_map<uint32_t, std::string> tcp_services_, udp_services_, raw_services_;
  std::unordered_map<uint32_t, std::string> protocols_;
  std::unordered_map<uint32_t, std::string> users_;
};

}  // namespace netsnap::render
