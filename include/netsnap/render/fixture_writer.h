// Materializes a recorded frame as a fixture root (fixtures/README.md): the kernel's and the
// system's text files that, captured again, give back the same snapshot, and that the real
// netstat (../shared/tools/netstat-oracle) prints exactly as `netsnap show` prints the frame.
//
// What cannot be written back (see fixture_writer.cc for the reasons): interfaces' IPv4
// addresses and device maps (ioctl-only), sources recorded unreadable (written as mode-000
// empty files), /proc fd directories that were denied, and the readdir order of /proc and of
// sys/class/net, which the file system decides.
#pragma once

#include <string>

#include "netsnap/model/snapshot.h"

namespace netsnap::render {

// Writes the fixture root into dir, which must not exist (it is created, with any missing
// parents) or be an empty directory, not a symlink. Nothing is written outside dir: files are
// created relative to it without following symlinks, and a name from the snapshot that cannot be
// a file name (UnsafeFileName, safe_text.h) stops the writer before it writes anything. Throws
// std::runtime_error naming the path on any I/O error or when dir is not empty.
void write_fixture_root(const model::Snapshot& snapshot, const std::string& dir);

}  // namespace netsnap::render
