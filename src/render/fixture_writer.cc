// netsnap materialize: a recorded frame written back as a fixture root.
//
// Each group of files is written by the inverse of the capture code that reads it, in the
// kernel's own formats, so that capturing the root again gives the same snapshot and the real
// netstat reads what `netsnap show` renders. Limits, all documented in the header:
//  - interfaces' IPv4 addresses and device maps come from ioctls, not files: not written;
//  - unreadable sources become mode-000 empty files: unreadable to non-root readers (EACCES),
//    but root (who bypasses permissions) reads them as empty;
//  - /proc/PID/fd directories that were denied get mode 000 the same way;
//  - the readdir order of proc/ (which decides netstat -p's owner of a socket shared between
//    processes) and of sys/class/net is the file system's, not the recording's.
#include "netsnap/render/fixture_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <utility>
#include <vector>

#include "fixture_tree.h"
#include "netsnap/render/output.h"
#include "netsnap/render/safe_text.h"

namespace netsnap::render {
namespace fixture {
namespace {

[[noreturn]] void fail(const std::string& path, int error) {
  if (error == ELOOP) throw std::runtime_error(path + ": is a symlink (not followed)");
  throw std::runtime_error(path + ": " + std::strerror(error));
}

// An open directory, closed when it goes.
class Directory {
 public:
  explicit Directory(int fd) : fd_(fd) {}
  Directory(Directory&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  Directory& operator=(Directory&& other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  ~Directory() {
    if (fd_ >= 0) ::close(fd_);
  }
  int fd() const { return fd_; }

 private:
  int fd_;
};

// "sys/class/net/lo/" -> sys, class, net, lo: each one a file name (a trailing '/' ends a
// directory's path).
std::vector<std::string> components(std::string_view relative) {
  if (relative.ends_with('/')) relative.remove_suffix(1);
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    size_t slash = std::min(relative.find('/', start), relative.size());
    parts.emplace_back(file_name("path component", relative.substr(start, slash - start)));
    if (slash == relative.size()) return parts;
    start = slash + 1;
  }
}

// The directory `name` in `parent`, made when missing; a symlink or a file in its place is an
// error (O_NOFOLLOW, O_DIRECTORY), never followed.
Directory open_child(const Directory& parent, const std::string& name, const std::string& path) {
  if (::mkdirat(parent.fd(), name.c_str(), 0755) != 0 && errno != EEXIST) fail(path, errno);
  int fd = ::openat(parent.fd(), name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) fail(path, errno);
  return Directory(fd);
}

// What a write below the root works on: the directory holding the last component, that
// component, and the whole path for messages.
struct Place {
  Directory dir;
  std::string name;
  std::string path;
};

Place place_of(int root_fd, const std::string& root, std::string_view relative) {
  std::vector<std::string> parts = components(relative);
  int fd = ::fcntl(root_fd, F_DUPFD_CLOEXEC, 0);
  if (fd < 0) fail(root, errno);
  Place place{Directory(fd), parts.back(), root};
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    place.path += "/" + parts[i];
    place.dir = open_child(place.dir, parts[i], place.path);
  }
  place.path += "/" + place.name;
  return place;
}

void make_parents(const std::string& dir) {
  std::filesystem::path parent = std::filesystem::path(dir).parent_path();
  if (parent.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(parent, ec);
  if (ec) throw std::runtime_error(parent.string() + ": " + ec.message());
}

}  // namespace

FixtureTree::FixtureTree(std::string dir) : root_(std::move(dir)) {
  fd_ = ::open(root_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd_ < 0) fail(root_, errno);
}

FixtureTree::~FixtureTree() { ::close(fd_); }

void FixtureTree::write(std::string_view relative, std::string_view bytes, mode_t mode) const {
  Place place = place_of(fd_, root_, relative);
  int fd = ::openat(place.dir.fd(), place.name.c_str(),
                    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
  if (fd < 0) fail(place.path, errno);
  if (int error = write_fully(fd, bytes)) {
    ::close(fd);
    fail(place.path, error);
  }
  // fchmod after writing: the mode may forbid what open() needed.
  if (::fchmod(fd, mode) != 0 || ::close(fd) != 0) fail(place.path, errno);
}

void FixtureTree::make_dir(std::string_view relative, mode_t mode) const {
  Place place = place_of(fd_, root_, relative);
  Directory dir = open_child(place.dir, place.name, place.path);
  if (::fchmod(dir.fd(), mode) != 0) fail(place.path, errno);
}

void FixtureTree::symlink(std::string_view target, std::string_view relative) const {
  Place place = place_of(fd_, root_, relative);
  if (::symlinkat(std::string(target).c_str(), place.dir.fd(), place.name.c_str()) != 0)
    fail(place.path, errno);
}

void FixtureTree::write_source(const model::Snapshot& s, std::string_view relative,
                               const std::string& text, bool has_data) const {
  const model::SourceStatus* status = s.find_source(relative);
  if (!status) {
    if (has_data) write(relative, text);
    return;
  }
  switch (status->state) {
    case model::SourceState::kPresent:
      write(relative, text);
      break;
    case model::SourceState::kAbsent:
      break;
    case model::SourceState::kUnreadable:
      write(relative, "", 0);
      break;
  }
}

std::string proc_address(const model::IpAddress& a) {
  if (a.size() == 0) return "00000000";
  std::string text;
  for (size_t i = 0; i < a.size(); i += 4) {
    uint32_t word = 0;
    std::memcpy(&word, a.data() + i, 4);
    text += strprintf("%08X", word);
  }
  return text;
}

std::string ipv6_hex(const model::IpAddress& a) {
  std::string text;
  for (size_t i = 0; i < 16; ++i) text += strprintf("%02x", a.is_v6() ? a.data()[i] : 0);
  return text;
}

std::string kernel_address_text(const model::IpAddress& a) {
  if (!a.is_v6()) return a.to_string();
  std::string text;
  for (size_t i = 0; i < 16; i += 2) {
    if (i) text += ':';
    text += strprintf("%02x%02x", a.data()[i], a.data()[i + 1]);
  }
  return text;
}

std::string padded(std::string line, size_t width) {
  if (line.size() < width) line.append(width - line.size(), ' ');
  return line;
}

}  // namespace fixture

namespace {

// Refuses a dir that is not a new or empty directory (a symlink to one included); creates it, and
// its missing parents (as mkdir -p), when it does not exist.
void prepare_target(std::string dir) {
  namespace fs = std::filesystem;
  while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
  std::error_code ec;
  auto status = fs::symlink_status(dir, ec);
  if (ec || status.type() == fs::file_type::not_found) {
    fixture::make_parents(dir);
    if (::mkdir(dir.c_str(), 0755) != 0) fixture::fail(dir, errno);
    return;
  }
  if (status.type() != fs::file_type::directory)
    throw std::runtime_error(dir + ": exists and is not a directory");
  if (!fs::is_empty(dir, ec) || ec)
    throw std::runtime_error(dir +
                             ": directory is not empty (materialize needs a new or empty "
                             "directory)");
}

// read_trimmed() drops trailing newlines: the kernel's one newline gives the value back.
void write_host(const model::HostInfo& host, const fixture::FixtureTree& tree) {
  const std::pair<const char*, const std::string*> files[] = {
      {"proc/sys/kernel/hostname", &host.hostname},
      {"proc/sys/kernel/osrelease", &host.kernel_release},
      {"proc/sys/kernel/random/boot_id", &host.boot_id}};
  for (auto [path, value] : files)
    if (!value->empty()) tree.write(path, *value + "\n");
}

}  // namespace

void write_fixture_root(const model::Snapshot& snapshot, const std::string& dir) {
  fixture::check_file_names(snapshot);
  fixture::check_process_count(snapshot);
  prepare_target(dir);
  fixture::FixtureTree tree(dir);
  tree.make_dir("proc");  // what makes a directory a fixture root
  write_host(snapshot.host, tree);
  fixture::write_sockets(snapshot, tree);
  fixture::write_routes(snapshot, tree);
  fixture::write_interfaces(snapshot, tree);
  fixture::write_multicast(snapshot, tree);
  fixture::write_statistics(snapshot, tree);
  fixture::write_nat(snapshot, tree);
  fixture::write_processes(snapshot, tree);
  fixture::write_names(snapshot, tree);
}

}  // namespace netsnap::render
