// Finds the processes that hold sockets by walking /proc/PID/fd, as netstat -p does.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "netsnap/capture/diagnostics.h"
#include "netsnap/capture/root_fs.h"
#include "netsnap/model/snapshot.h"

namespace netsnap::capture {

// The socket inode a /proc/PID/fd link text names: "socket:[12345]" or the old "[0000]:12345",
// read by netstat's rules (at most 29 bytes of link, the number as C's strtoul base 0 reads it,
// "socket:[N]" at least 11 characters) so that fixture roots replay as netstat saw them.
std::optional<uint64_t> socket_inode_from_link(std::string_view link);

// The real uid from a /proc/PID/status text ("Uid:\t1000\t1000\t1000\t1000").
std::optional<uint32_t> uid_from_status(std::string_view status);

// Processes in /proc directory order; only those holding at least one socket are kept.
void scan_processes(const RootFs& fs, std::vector<model::Process>& processes,
                    model::ProcessScan& scan, Diagnostics& diag);

}  // namespace netsnap::capture
