#include "netsnap/capture/root_fs.h"

#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

namespace netsnap::capture {

RootFs::RootFs(std::string root) : root_(std::move(root)) {
  while (root_.size() > 1 && root_.back() == '/') root_.pop_back();
}

std::string RootFs::absolute(std::string_view relative) const {
  std::string path = root_;
  if (path.empty() || path.back() != '/') path += '/';
  path += relative;
  return path;
}

ReadResult RootFs::read(std::string_view relative, size_t max_bytes) const {
  ReadResult result;
  int fd = ::open(absolute(relative).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    result.error_number = errno;
    result.state = errno == ENOENT || errno == ENOTDIR ? ReadResult::State::kAbsent
                                                       : ReadResult::State::kUnreadable;
    return result;
  }
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      result.error_number = errno;
      result.state = ReadResult::State::kUnreadable;
      ::close(fd);
      return result;
    }
    if (n == 0) break;
    result.text.append(buf, static_cast<size_t>(n));
    if (result.text.size() >= max_bytes) {
      result.text.resize(max_bytes);
      break;
    }
  }
  ::close(fd);
  result.state = ReadResult::State::kPresent;
  return result;
}

std::optional<std::vector<DirEntry>> RootFs::list(std::string_view relative,
                                                  int* error_number) const {
  DIR* dir = ::opendir(absolute(relative).c_str());
  if (!dir) {
    if (error_number) *error_number = errno;
    return std::nullopt;
  }
  std::vector<DirEntry> entries;
  while (struct dirent* e = ::readdir(dir)) {
    std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    entries.push_back({std::string(name), e->d_type == DT_DIR || e->d_type == DT_UNKNOWN});
  }
  ::closedir(dir);
  return entries;
}

std::optional<std::string> RootFs::read_link(std::string_view relative) const {
  char buf[4096];
  ssize_t n = ::readlink(absolute(relative).c_str(), buf, sizeof buf);
  if (n < 0) return std::nullopt;
  return std::string(buf, static_cast<size_t>(n));
}

}  // namespace netsnap::capture
