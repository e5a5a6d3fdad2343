#include "netsnap/capture/process_scan.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include "netsnap/capture/text_scan.h"

namespace netsnap::capture {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(c); });
}

std::string trim_newline(std::string text) {
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

// Fills pid's socket handles; false when the fd directory could not be opened.
bool read_socket_fds(const RootFs& fs, const std::string& pid, model::Process& p, int* error) {
  auto entries = fs.list("proc/" + pid + "/fd", error);
  if (!entries) return false;
  for (const auto& e : *entries) {
    if (!std::isdigit(static_cast<unsigned char>(e.name[0]))) continue;
    auto link = fs.read_link("proc/" + pid + "/fd/" + e.name);
    if (!link) continue;
    auto inode = socket_inode_from_link(*link);
    auto fd = parse_dec(e.name);
    if (inode && fd) p.sockets.push_back({static_cast<uint32_t>(*fd), *inode});
  }
  return true;
}

void read_identity(const RootFs& fs, const std::string& pid, model::Process& p) {
  p.cmdline = fs.read("proc/" + pid + "/cmdline").text;
  p.comm = trim_newline(fs.read("proc/" + pid + "/comm").text);
  p.uid = uid_from_status(fs.read("proc/" + pid + "/status").text).value_or(0);
}

}  // namespace

namespace {

// strtoul(text, &end, 0) over all of text, as netstat reads the number: decimal, 0x hex or 0 octal.
// ULONG_MAX is netstat's "no inode" and never matches.
std::optional<uint64_t> whole_c_number(std::string_view text) {
  std::string copy(text);
  char* end = nullptr;
  unsigned long value = std::strtoul(copy.c_str(), &end, 0);
  if (end != copy.c_str() + copy.size() || value == ULONG_MAX) return std::nullopt;
  return value;
}

}  // namespace

std::optional<uint64_t> socket_inode_from_link(std::string_view link) {
  link = link.substr(0, 29);  // netstat reads links into a 30-byte buffer
  constexpr std::string_view kSocket = "socket:[", kOldForm = "[0000]:";
  if (link.size() >= kSocket.size() + 3 && link.substr(0, kSocket.size()) == kSocket &&
      link.back() == ']')
    return whole_c_number(link.substr(kSocket.size(), link.size() - kSocket.size() - 1));
  if (link.size() >= kOldForm.size() + 1 && link.substr(0, kOldForm.size()) == kOldForm)
    return whole_c_number(link.substr(kOldForm.size()));
  return std::nullopt;
}

std::optional<uint32_t> uid_from_status(std::string_view status) {
  for (auto line : split_lines(status)) {
    if (line.substr(0, 4) != "Uid:") continue;
    auto fields = split_fields(line.substr(4));
    if (fields.empty()) return std::nullopt;
    auto uid = parse_dec(fields[0]);
    if (!uid) return std::nullopt;
    return static_cast<uint32_t>(*uid);
  }
  return std::nullopt;
}

void scan_processes(const RootFs& fs, std::vector<model::Process>& processes,
                    model::ProcessScan& scan, Diagnostics& diag) {
  int error = 0;
  auto entries = fs.list("proc", &error);
  if (!entries) {
    scan.proc_readable = false;
    diag.unreadable("proc", std::string("cannot list: ") + std::strerror(error));
    return;
  }
  for (const auto& e : *entries) {
    if (!all_digits(e.name)) continue;
    ++scan.pids_seen;
    model::Process p;
    p.pid = static_cast<uint32_t>(parse_dec(e.name).value_or(0));
    if (!read_socket_fds(fs, e.name, p, &error)) {
      // A process that exited meanwhile is simply gone; EACCES is what netstat warns about.
      if (error == EACCES) ++scan.pids_fd_denied;
      continue;
    }
    if (p.sockets.empty()) continue;
    read_identity(fs, e.name, p);
    processes.push_back(std::move(p));
  }
}

}  // namespace netsnap::capture
