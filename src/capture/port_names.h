// Service and protocol names as netstat tables them: the whole database read once, the last
// entry for a number winning (private to src/capture; both resolvers fill one).
#pragma once

#include <map>
#include <string>
#include <utility>

#include "netsnap/capture/name_resolver.h"

namespace netsnap::capture {

class PortNames {
 public:
  void add_service(uint16_t port, const std::string& protocol, const std::string& name) {
    services_[{port, protocol}] = name;
  }
  void add_protocol(uint32_t number, const std::string& name) { protocols_[number] = name; }

  // Adds the names of keys' services and protocols to table.
  void resolve(const NameKeys& keys, model::NameTable& table) const {
    for (const auto& key : keys.services)
      if (auto it = services_.find(key); it != services_.end())
        table.services.push_back({key.first, key.second, it->second});
    for (uint32_t n : keys.protocols)
      if (auto it = protocols_.find(n); it != protocols_.end())
        table.protocols.push_back({n, it->second});
  }

 private:
  std::map<std::pair<uint16_t, std::string>, std::string> services_;
  std::map<uint32_t, std::string> protocols_;
};

}  // namespace netsnap::capture
