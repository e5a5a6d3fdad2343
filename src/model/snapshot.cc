#include "netsnap/model/snapshot.h"

#include <cerrno>

namespace netsnap::model {

const SourceStatus* Snapshot::find_source(std::string_view path) const {
  for (const auto& s : sources)
    if (s.path == path) return &s;
  return nullptr;
}

int Snapshot::open_error(std::string_view path) const {
  const SourceStatus* source = find_source(path);
  if (!source || source->state == SourceState::kAbsent) return ENOENT;
  return source->state == SourceState::kUnreadable ? source->error_number : 0;
}

bool Route4::destination_is_host() const {
  constexpr uint32_t kRtfHost = 0x4;
  if (flags & kRtfHost) return true;
  for (size_t i = 0; i < 4 && mask.is_v4() && destination.is_v4(); ++i)
    if (destination.data()[i] & ~mask.data()[i]) return true;
  return false;
}

std::string_view program_name_of(std::string_view cmdline) {
  std::string_view argv0 = cmdline.substr(0, cmdline.find('\0'));
  if (!argv0.empty() && argv0.front() == '/') argv0.remove_prefix(argv0.rfind('/') + 1);
  return argv0;
}

bool ConntrackFlow::is_nat() const {
  bool mirrored = reply.source == original.destination && reply.destination == original.source &&
                  reply.source_port == original.destination_port &&
                  reply.destination_port == original.source_port;
  return !mirrored;
}

Interface& find_or_add_interface(std::vector<Interface>& interfaces, std::string_view name) {
  for (auto& i : interfaces)
    if (i.name == name) return i;
  Interface& added = interfaces.emplace_back();
  added.name = std::string(name);
  return added;
}

}  // namespace netsnap::model
