#include "test_support/run_command.h"

#include <sys/wait.h>
#include <unistd.h>

#include "test_support/temp_dir.h"

namespace netsnap::testing {

CommandResult run_command(const std::vector<std::string>& argv) {
  TempDir tmp;
  std::string out = tmp.path("out"), err = tmp.path("err");
  CommandResult result;
  fflush(stdout);
  fflush(stderr);
  pid_t pid = fork();
  if (pid == 0) {
    freopen(out.c_str(), "w", stdout);
    freopen(err.c_str(), "w", stderr);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = read_file(out);
  result.err = read_file(err);
  return result;
}

CommandResult run_netsnap(std::vector<std::string> args) {
  args.insert(args.begin(), NETSNAP_BINARY);
  return run_command(args);
}

}  // namespace netsnap::testing
