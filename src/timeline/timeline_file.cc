#include "timeline_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include "netsnap/timeline/record_format.h"
#include "netsnap/timeline/timeline.h"

namespace netsnap::timeline {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& what) {
  throw TimelineError(path + ": " + what);
}

[[noreturn]] void fail_errno(const std::string& path, int error) {
  if (error == ELOOP) fail(path, "is a symbolic link; netsnap does not write through links");
  fail(path, std::strerror(error));
}

// The pid /proc/locks gives for a flock on fd's file, when it can be found.
std::optional<long> flock_holder(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::nullopt;
  char id[64];
  std::snprintf(id, sizeof id, "%02x:%02x:%llu", major(st.st_dev), minor(st.st_dev),
                static_cast<unsigned long long>(st.st_ino));
  std::ifstream locks("/proc/locks");
  for (std::string line; std::getline(locks, line);) {
    std::istringstream fields(line);
    std::string number, kind, mode, access, file;
    long pid = 0;
    if (fields >> number >> kind >> mode >> access >> pid >> file && kind == "FLOCK" && file == id)
      return pid;
  }
  return std::nullopt;
}

std::string another_recorder(int fd) {
  auto pid = flock_holder(fd);
  return "another recorder" + (pid ? " (pid " + std::to_string(*pid) + ")" : std::string()) +
         " is writing this timeline";
}

// fd, locked for recording; closed (and `created`, when given, removed) when the lock is refused.
int locked(int fd, const std::string& path, const char* created = nullptr) {
  try {
    lock_for_recording(fd, path);
  } catch (...) {
    ::close(fd);
    if (created) ::unlink(created);
    throw;
  }
  return fd;
}

}  // namespace

std::optional<int> open_regular_file(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) return std::nullopt;
  if (fd < 0) fail_errno(path, errno);
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    fail(path, "not a regular file");
  }
  return fd;
}

void lock_for_recording(int fd, const std::string& path) {
  if (::flock(fd, LOCK_EX | LOCK_NB) == 0) return;
  int error = errno;
  if (error != EWOULDBLOCK) fail(path, std::string("cannot lock: ") + std::strerror(error));
  fail(path, another_recorder(fd) + "; two recorders cannot share one file");
}

int create_timeline_file(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) throw TimelineExists(path + ": already exists");
  if (fd < 0) fail_errno(path, errno);
  return locked(fd, path);
}

int open_timeline_for_append(const std::string& path) {
  auto fd = open_regular_file(path, O_RDWR | O_NOFOLLOW);
  return fd ? locked(*fd, path) : -1;
}

int create_replacement_file(const std::string& path, std::string& temp_path) {
  std::string name = path + ".XXXXXX";
  int fd = ::mkostemp(name.data(), O_CLOEXEC);  // O_EXCL, mode 0600
  if (fd < 0) fail_errno(path, errno);
  temp_path = name;
  return locked(fd, temp_path, temp_path.c_str());
}

void check_replaceable(const std::string& path) {
  auto fd = open_regular_file(path, O_RDONLY | O_NOFOLLOW);
  if (!fd) fail_errno(path, ENOENT);
  std::string header(kFileHeaderSize, '\0');
  header.resize(static_cast<size_t>(std::max<ssize_t>(0, ::pread(*fd, header.data(), 32, 0))));
  std::string busy = ::flock(*fd, LOCK_EX | LOCK_NB) != 0 ? another_recorder(*fd) : "";
  ::close(*fd);
  bool timeline = false;
  try {
    timeline = decode_file_header(header).has_value();
  } catch (const TimelineError&) {
    timeline = true;  // a newer netsnap's timeline
  }
  if (!timeline) fail(path, "not a netsnap timeline; refusing to replace it");
  if (!busy.empty()) fail(path, busy + "; refusing to replace it");
}

}  // namespace netsnap::timeline
