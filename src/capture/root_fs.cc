#include "netsnap/capture/root_fs.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace netsnap::capture {

namespace {

ReadResult failed(ReadResult::State state, int error_number, std::string reason) {
  ReadResult result;
  result.state = state;
  result.error_number = error_number;
  result.reason = std::move(reason);
  return result;
}

ReadResult unreadable(int error_number) {
  return failed(ReadResult::State::kUnreadable, error_number, std::strerror(error_number));
}

// What a file that is not a regular file is, for the warning.
std::string not_regular(mode_t mode) {
  const char* kind = S_ISDIR(mode)    ? "a directory"
                     : S_ISFIFO(mode) ? "a FIFO"
                     : S_ISSOCK(mode) ? "a socket"
                     : S_ISCHR(mode)  ? "a character device"
                     : S_ISBLK(mode)  ? "a block device"
                                      : "of an unknown type";
  return std::string("not a regular file (") + kind + ")";
}

// Reads fd to its end, or max_bytes.
ReadResult read_open_file(int fd, size_t max_bytes) {
  ReadResult result;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return unreadable(errno);
    if (n == 0) break;
    result.text.append(buf, static_cast<size_t>(n));
    if (result.text.size() >= max_bytes) {
      result.text.resize(max_bytes);
      break;
    }
  }
  result.state = ReadResult::State::kPresent;
  return result;
}

}  // namespace

ReadResult read_file(const std::string& path, size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever. It changes
  // nothing for the regular files that are read.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return failed(ReadResult::State::kAbsent, errno, "");
    return unreadable(errno);
  }
  struct stat st {};
  ReadResult result;
  if (::fstat(fd, &st) != 0) {
    result = unreadable(errno);
  } else if (!S_ISREG(st.st_mode)) {
    // A FIFO, a device or a socket could block the capture or never end: refused like an
    // unreadable file. EISDIR is what reading a directory gives; EINVAL stands for the rest.
    result = failed(ReadResult::State::kUnreadable, S_ISDIR(st.st_mode) ? EISDIR : EINVAL,
                    not_regular(st.st_mode));
  } else {
    result = read_open_file(fd, max_bytes);
  }
  ::close(fd);
  return result;
}

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
  return read_file(absolute(relative), max_bytes);
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
