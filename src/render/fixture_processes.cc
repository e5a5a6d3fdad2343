// Socket owners: proc/PID/{cmdline,comm,status} and proc/PID/fd/N -> socket:[INODE], for the
// processes the frame recorded (those holding sockets), plus stand-ins so that the scan counts
// come out the same.
#include <algorithm>
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

// Processes without sockets are only counted; the stand-ins get unused PIDs above the highest
// recorded one, with an empty fd directory (or, for the denied ones, one nobody but root can
// open, which root still can: as root the denied count comes back as 0).
void write_stand_ins(const model::Snapshot& s, const FixtureTree& tree) {
  const model::ProcessScan& scan = s.process_scan;
  uint32_t pid = 1;
  for (const auto& p : s.processes) pid = std::max(pid, p.pid + 1);
  uint32_t recorded = static_cast<uint32_t>(s.processes.size());
  uint32_t idle = scan.pids_seen > recorded + scan.pids_fd_denied
                      ? scan.pids_seen - recorded - scan.pids_fd_denied
                      : 0;
  for (uint32_t n = 0; n < idle; ++n) tree.make_dir(strprintf("proc/%u/fd", pid++));
  for (uint32_t n = 0; n < scan.pids_fd_denied; ++n)
    tree.make_dir(strprintf("proc/%u/fd", pid++), 0);
}

}  // namespace

void write_processes(const model::Snapshot& s, const FixtureTree& tree) {
  for (const auto& p : s.processes) write_process(tree, p);
  write_stand_ins(s, tree);
}

}  // namespace netsnap::render::fixture
