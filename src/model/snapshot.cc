#include "netsnap/model/snapshot.h"

namespace netsnap::model {

const SourceStatus* Snapshot::find_source(std::string_view path) const {
  for (const auto& s : sources)
    if (s.path == path) return &s;
  return nullptr;
}

Interface& find_or_add_interface(std::vector<Interface>& interfaces, std::string_view name) {
  for (auto& i : interfaces)
    if (i.name == name) return i;
  Interface& added = interfaces.emplace_back();
  added.name = std::string(name);
  return added;
}

}  // namespace netsnap::model
