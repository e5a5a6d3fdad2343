// netstat's command line: the input is the argument list, one argument per line. Options that
// parse are rendered over the sample snapshots, as `netsnap show` would.
#include "fuzz/fuzz_samples.h"
#include "fuzz/fuzz_targets.h"
#include "netsnap/render/netstat.h"

namespace netsnap::fuzz {
namespace {

std::vector<std::string> arguments(std::string_view text) {
  std::vector<std::string> args;
  while (!text.empty()) {
    size_t end = text.find('\n');
    args.emplace_back(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  }
  return args;
}

}  // namespace

int fuzz_netstat_options(const uint8_t* data, size_t size) {
  render::NetstatCommandLine command =
      render::parse_netstat_command_line(arguments(as_text(data, size)));
  // netstat never stops parsing without saying why (usage, version or an error).
  FUZZ_CHECK(command.options || !command.early.stdout_text().empty() ||
             !command.early.stderr_text().empty());
  if (!command.options) return 0;
  for (const model::Snapshot& sample : sample_snapshots()) {
    render::Output output;
    render::render_netstat(sample, *command.options, 0, output);
  }
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_netstat_options)
