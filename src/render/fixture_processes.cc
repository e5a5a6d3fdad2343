// Socket owners: proc/PID/{cmdline,comm,status} and proc/PID/fd/N -> socket:[INODE], for the
// processes the frame recorded (those holding sockets), plus stand-ins so that the scan counts
// come out the same.
#include <algorithm>
#include <stdexcept>
#include <string>

#include "fixture_tree.h"

namespace netsnap::render::fixture {
namespace {

// Only Uid: is read back; Name, Pid and Gid keep the file recognisable to other tools.
std::string status_text(const model::Process& p) {
  return strprintf("Name:\t%s\nPid:\t%u\nUid:\t%u\t%u\t%u\t%u\nGid:\t0\t0\t0\t0\n", p.comm.c_str(),
                   p.pid, p.uid, p.uid, p.uid, p.uid);
}

void write_process(const FixtureTree& tree, const model::Process& p) {
  std::string dir = strprintf("proc/%u/", p.pid);
  tree.write(dir + "cmdline", p.cmdline);
  // Capture strips the kernel's trailing newline; an empty comm was a missing file.
  if (!p.comm.empty()) tree.write(dir + "comm", p.comm + "\n");
  tree.write(dir + "status", status_text(p));
  tree.make_dir(dir + "fd");
  for (const auto& h : p.sockets) {
    tree.symlink(strprintf("socket:[%llu]", static_cast<unsigned long long>(h.inode)),
                 strprintf("%sfd/%u", dir.c_str(), h.fd));
  }
}

// How many processes Linux can run at once (PID_MAX_LIMIT on 64-bit kernels).
constexpr uint64_t kPidMaxLimit = 4'194'304;

// Processes that were only counted, without sockets (or without a readable fd directory).
uint64_t idle_count(const model::Snapshot& s) {
  const model::ProcessScan& scan = s.process_scan;
  uint64_t known = s.processes.size() + uint64_t{scan.pids_fd_denied};
  return scan.pids_seen > known ? scan.pids_seen - known : 0;
}

// Processes without sockets are only counted; the stand-ins get unused PIDs above the highest
// recorded one, with an empty fd directory (or, for the denied ones, one nobody but root can
// open, which root still can: as root the denied count comes back as 0).
void write_stand_ins(const model::Snapshot& s, const FixtureTree& tree) {
  uint64_t pid = 1;
  for (const auto& p : s.processes) pid = std::max<uint64_t>(pid, uint64_t{p.pid} + 1);
  auto make = [&](mode_t mode) {
    tree.make_dir(strprintf("proc/%llu/fd", static_cast<unsigned long long>(pid++)), mode);
  };
  for (uint64_t n = idle_count(s); n > 0; --n) make(0755);
  for (uint32_t n = s.process_scan.pids_fd_denied; n > 0; --n) make(0);
}

}  // namespace

void check_process_count(const model::Snapshot& s) {
  uint64_t total = s.processes.size() + idle_count(s) + s.process_scan.pids_fd_denied;
  if (total > kPidMaxLimit)
    throw std::runtime_error("the frame counts " + std::to_string(total) +
                             " processes, more than Linux can run (" +
                             std::to_string(kPidMaxLimit) + "); it cannot be a fixture root");
}

void write_processes(const model::Snapshot& s, const FixtureTree& tree) {
  for (const auto& p : s.processes) write_process(tree, p);
  write_stand_ins(s, tree);
}

}  // namespace netsnap::render::fixture
