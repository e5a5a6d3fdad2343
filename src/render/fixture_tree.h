// Private helpers of the fixture writer (render/fixture_writer.h): a directory tree that throws
// on errors with the path named and writes nothing outside its root, and one function per group
// of files, each the inverse of the capture code that
// reads them.
#pragma once

#include <sys/types.h>

#include <string>
#include <string_view>

#include "netsnap/model/snapshot.h"
#include "netsnap/render/strprintf.h"

namespace netsnap::render::fixture {

// The target directory, open: every file and directory is made relative to it (openat, mkdirat,
// symlinkat), one path component at a time, without following symlinks (O_NOFOLLOW) and never
// over an existing file (O_EXCL). So nothing is written outside it, even when a symlink appears
// inside it while the writer runs. Relative paths are made of components that file_name()
// (safe_text.h) accepts; names from the snapshot are checked by the caller, with their kind.
class FixtureTree {
 public:
  // dir must exist; opened without following a symlink.
  explicit FixtureTree(std::string dir);
  ~FixtureTree();
  FixtureTree(const FixtureTree&) = delete;
  FixtureTree& operator=(const FixtureTree&) = delete;
  const std::string& root() const { return root_; }

  // Parent directories are created as needed; the file must not exist yet.
  void write(std::string_view relative, std::string_view bytes, mode_t mode = 0644) const;
  void make_dir(std::string_view relative, mode_t mode = 0755) const;
  void symlink(std::string_view target, std::string_view relative) const;

  // A kernel table as the snapshot recorded its source: present -> the text; absent -> nothing;
  // unreadable -> an empty file no one but root can read (EACCES is how such files fail for
  // the unprivileged readers netstat usually runs as); not recorded -> the text when has_data.
  void write_source(const model::Snapshot& s, std::string_view relative, const std::string& text,
                    bool has_data) const;

 private:
  std::string root_;
  int fd_;
};

// Refuses (UnsafeFileName) a snapshot holding a name that would become a path component and
// cannot be one (file_name()); called before anything is written. Interface names are the only
// such names: process names, unix paths and the rest go into files, not into their paths.
void check_file_names(const model::Snapshot& s);
// Throws unless the frame's processes, with a stand-in directory for each process that was only
// counted, fit in the pids Linux can give.
void check_process_count(const model::Snapshot& s);

// An address as /proc/net/tcp prints it: each 32-bit word of the network-order bytes as this
// machine's %08X of it (the inverse of capture's parse_proc_address).
std::string proc_address(const model::IpAddress& a);
// 32 lowercase hex digits, byte by byte (the kernel's %pi6).
std::string ipv6_hex(const model::IpAddress& a);
// The kernel's %pI4 / %pI6 (eight groups of four hex digits, uncompressed).
std::string kernel_address_text(const model::IpAddress& a);
// Pads a line to width with spaces, as the kernel's seq_pad() does for tcp, udp and route.
std::string padded(std::string line, size_t width);

void write_sockets(const model::Snapshot& s, const FixtureTree& tree);
void write_routes(const model::Snapshot& s, const FixtureTree& tree);
void write_interfaces(const model::Snapshot& s, const FixtureTree& tree);
void write_multicast(const model::Snapshot& s, const FixtureTree& tree);
void write_statistics(const model::Snapshot& s, const FixtureTree& tree);
void write_nat(const model::Snapshot& s, const FixtureTree& tree);
void write_processes(const model::Snapshot& s, const FixtureTree& tree);
void write_names(const model::Snapshot& s, const FixtureTree& tree);

}  // namespace netsnap::render::fixture
