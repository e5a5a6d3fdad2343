#include "report_options.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

#include "commands.h"

namespace netsnap::cli {

void add_filter_option(CLI::App& command, std::vector<std::string>& expressions) {
  command
      .add_option("--filter", expressions,
                  "Only sockets (and NAT flows) matching EXPR, e.g. 'state established and "
                  "dport = :443' (see README, Filters); repeat to require several")
      ->allow_extra_args(false)
      ->type_name("EXPR");
}

analysis::SocketFilter parse_filters(const std::vector<std::string>& expressions) {
  std::vector<analysis::SocketFilter> filters;
  for (const std::string& expression : expressions) {
    try {
      filters.push_back(analysis::SocketFilter::parse(expression));
    } catch (const analysis::FilterError& e) {
      throw UsageError(std::string(e.what()) + " in --filter '" + expression + "'");
    }
  }
  return analysis::SocketFilter::all_of(std::move(filters));
}

void add_when_option(CLI::App& command, const std::string& name, std::string& when,
                     const std::string& what) {
  command.add_option(name, when, what + ": auto (on a terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
}

bool for_terminal(const std::string& when) {
  if (when == "always") return true;
  if (when == "never") return false;
  const char* term = std::getenv("TERM");
  if (std::getenv("NO_COLOR") || (term && std::string(term) == "dumb")) return false;
  return isatty(STDOUT_FILENO);
}

size_t terminal_width() {
  if (const char* columns = std::getenv("COLUMNS")) {
    long n = std::strtol(columns, nullptr, 10);
    if (n > 0) return static_cast<size_t>(n);
  }
  winsize size{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 80;
}

}  // namespace netsnap::cli
