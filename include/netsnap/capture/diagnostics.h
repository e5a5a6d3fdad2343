// Where capture reports what it could not read: warnings that travel inside the snapshot.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "netsnap/model/snapshot.h"

namespace netsnap::capture {

class Diagnostics {
 public:
  void malformed(std::string_view path, uint32_t line, std::string message);
  void unreadable(std::string_view path, std::string message);
  void add(model::CaptureWarning warning) { warnings_.push_back(std::move(warning)); }

  const std::vector<model::CaptureWarning>& warnings() const { return warnings_; }
  std::vector<model::CaptureWarning> take() { return std::move(warnings_); }

 private:
  std::vector<model::CaptureWarning> warnings_;
};

}  // namespace netsnap::capture
