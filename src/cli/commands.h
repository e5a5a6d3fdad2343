// The subcommands, one file each. Each registers its options on the app and returns the function
// that runs it; only this layer prints or picks exit codes.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

namespace netsnap::cli {

using Command = std::function<int()>;

Command add_record_command(CLI::App& app);
Command add_ls_command(CLI::App& app);
Command add_dump_command(CLI::App& app);
Command add_materialize_command(CLI::App& app);
Command add_export_command(CLI::App& app);
Command add_diff_command(CLI::App& app);
Command add_summary_command(CLI::App& app);

// show and netstat take netstat's own command line, which CLI11 cannot parse (getopt clusters,
// abbreviations, permutation); run() hands them their raw arguments.
int run_show_command(std::vector<std::string> args);
int run_netstat_command(std::vector<std::string> args);

// A wrong command line found after CLI11's parse: printed like CLI11's errors, exit status 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace netsnap::cli
