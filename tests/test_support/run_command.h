// Runs the netsnap binary (or any command) and captures what it printed.
#pragma once

#include <string>
#include <vector>

namespace netsnap::testing {

struct CommandResult {
  int exit_status = -1;
  std::string out;
  std::string err;
};

CommandResult run_command(const std::vector<std::string>& argv);
CommandResult run_netsnap(std::vector<std::string> args);

}  // namespace netsnap::testing
