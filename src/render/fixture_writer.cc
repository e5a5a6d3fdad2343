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
#include <cstdarg>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "fixture_tree.h"

namespace netsnap::render {
namespace fixture {
namespace {

[[noreturn]] void fail(const std::string& path, int error) {
  throw std::runtime_error(path + ": " + std::strerror(error));
}

void make_dirs(const std::string& path) {
  std::error_code ec;
  std::filesystem::create_directories(path, ec);
  if (ec) throw std::runtime_error(path + ": " + ec.message());
}

}  // namespace

std::string FixtureTree::absolute(std::string_view relative) const {
  return root_ + "/" + std::string(relative);
}

void FixtureTree::write(std::string_view relative, std::string_view bytes, mode_t mode) const {
  std::string path = absolute(relative);
  make_dirs(std::filesystem::path(path).parent_path().string());
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail(path, errno);
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int error = errno;
      ::close(fd);
      fail(path, error);
    }
    done += static_cast<size_t>(n);
  }
  // fchmod after writing: the mode may forbid what open() needed.
  if (::fchmod(fd, mode) != 0 || ::close(fd) != 0) fail(path, errno);
}

void FixtureTree::make_dir(std::string_view relative, mode_t mode) const {
  std::string path = absolute(relative);
  make_dirs(path);
  if (::chmod(path.c_str(), mode) != 0) fail(path, errno);
}

void FixtureTree::symlink(std::string_view target, std::string_view relative) const {
  std::string path = absolute(relative);
  make_dirs(std::filesystem::path(path).parent_path().string());
  if (::symlink(std::string(target).c_str(), path.c_str()) != 0) fail(path, errno);
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

std::string strprintf(const char* format, ...) {
  va_list args;
  va_start(args, format);
  va_list again;
  va_copy(again, args);
  int size = std::vsnprintf(nullptr, 0, format, args);
  va_end(args);
  std::string out(static_cast<size_t>(size > 0 ? size : 0), '\0');
  std::vsnprintf(out.data(), out.size() + 1, format, again);
  va_end(again);
  return out;
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

void check_target(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  auto status = fs::symlink_status(dir, ec);
  if (ec || status.type() == fs::file_type::not_found) {
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
  check_target(dir);
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
