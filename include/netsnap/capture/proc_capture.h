// The capture steps both sources share: every /proc file netstat reads, below a root.
#pragma once

#include "netsnap/capture/diagnostics.h"
#include "netsnap/capture/root_fs.h"
#include "netsnap/model/snapshot.h"

namespace netsnap::capture {

// Reads all /proc/net tables and the process table into snapshot, recording each file's presence.
void capture_proc_tables(const RootFs& fs, model::Snapshot& snapshot, Diagnostics& diag);

// Interface details from sys/class/net/NAME/ (used for fixture roots), adding interfaces that are
// only known there.
void capture_sys_class_net(const RootFs& fs, model::Snapshot& snapshot, Diagnostics& diag);

// Reads a small text file (hostname, boot id): trimmed, empty when absent.
std::string read_trimmed(const RootFs& fs, std::string_view relative);

}  // namespace netsnap::capture
