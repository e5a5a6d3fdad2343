#include "netsnap/capture/process_scan.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
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

std::optional<uint64_t> socket_inode_from_link(std::string_view link) {
  if (link.size() > 9 && link.substr(0, 8) == "socket:[" && link.back() == ']')
    return parse_dec(link.substr(8, link.size() - 9));
  if (link.size() > 7 && link.substr(0, 7) == "[0000]:") return parse_dec(link.substr(7));
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
