// netstat -p's socket owner table (NETSTAT-FORMAT.md §6): socket inode -> "PID/name".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "netsnap/model/snapshot.h"

namespace netsnap::render {

class ProgramTable {
 public:
  // Built from the processes in the order netstat's /proc scan found them: the first process
  // holding a socket names it.
  explicit ProgramTable(const model::Snapshot& snapshot);

  // The column text for a socket: "PID/name" (at most 19 bytes), or "-" when no process holds it.
  std::string_view find(uint64_t inode) const;
  // Whether the scan found at least one socket (netstat's "some process could be identified").
  bool empty() const { return entries_.empty(); }

 private:
  std::unordered_map<uint64_t, std::string> entries_;
};

// What netstat writes to stderr after loading the table: nothing, the "Not all processes could be
// identified" note, or "No info could be read" when /proc or every fd directory was out of reach.
std::string program_table_warning(const model::Snapshot& snapshot, const ProgramTable& table);

// The name netstat shows for a command line (argv[0], basename when absolute, at most 511 bytes
// read), with control characters replaced by '?' (a deliberate deviation, see README).
std::string program_name(std::string_view cmdline);

}  // namespace netsnap::render
