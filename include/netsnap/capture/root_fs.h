// Reads files below a root directory ("/" live, the fixture root otherwise), telling an expected
// absence (ENOENT) from a real failure, the way kj's tryOpenFile() does.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace netsnap::capture {

struct ReadResult {
  enum class State { kPresent, kAbsent, kUnreadable } state = State::kAbsent;
  int error_number = 0;
  // Why it is unreadable, for warnings: strerror, or "not a regular file (a FIFO)".
  std::string reason;
  std::string text;
  bool ok() const { return state == State::kPresent; }
};

// The one place files of a root (and the name databases of a fixture root) are opened: the whole
// file, at most max_bytes. Only regular files are read: a FIFO, socket or device (which could
// block the capture or never end) is kUnreadable, without blocking, as a file that cannot be read.
// Symlinks are followed: live /proc and fixture roots use them.
ReadResult read_file(const std::string& path, size_t max_bytes = 1 << 30);

struct DirEntry {
  std::string name;
  bool is_dir = false;  // as readdir reports it (DT_UNKNOWN counts as a directory)
};

class RootFs {
 public:
  explicit RootFs(std::string root);  // "/" for the live host

  const std::string& root() const { return root_; }
  std::string absolute(std::string_view relative) const;

  // Whole file (procfs files report size 0, so this reads until EOF). At most max_bytes.
  ReadResult read(std::string_view relative, size_t max_bytes = 1 << 30) const;
  // Directory entries in readdir order, without "." and ".."; errno in error_number on failure.
  std::optional<std::vector<DirEntry>> list(std::string_view relative, int* error_number) const;
  std::optional<std::string> read_link(std::string_view relative) const;

 private:
  std::string root_;
};

}  // namespace netsnap::capture
