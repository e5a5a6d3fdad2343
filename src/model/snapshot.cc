#include "netsnap/model/snapshot.h"

namespace netsnap::model {

const SourceStatus* Snapshot::find_source(std::string_view path) const {
  for (const auto& s : sources)
    if (s.path == path) return &s;
  return nullptr;
}

}  // namespace netsnap::model
