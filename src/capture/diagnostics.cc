#include "netsnap/capture/diagnostics.h"

namespace netsnap::capture {

void Diagnostics::malformed(std::string_view path, uint32_t line, std::string message) {
  warnings_.push_back(
      {model::WarningKind::kMalformedLine, std::string(path), line, std::move(message)});
}

void Diagnostics::unreadable(std::string_view path, std::string message) {
  warnings_.push_back({model::WarningKind::kUnreadable, std::string(path), 0, std::move(message)});
}

}  // namespace netsnap::capture
