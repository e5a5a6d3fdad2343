// Options shared by the commands that report on a timeline (show, diff, summary, export): socket
// filters, and whether output goes to a terminal (colour, charts, width).
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "netsnap/analysis/socket_filter.h"

namespace netsnap::cli {

// Registers --filter EXPR (repeatable; a socket must match every one) on a subcommand.
void add_filter_option(CLI::App& command, std::vector<std::string>& expressions);

// The filters as one; throws UsageError naming the bad expression and where it goes wrong.
analysis::SocketFilter parse_filters(const std::vector<std::string>& expressions);

// Registers --color WHEN (auto, always, never) under `name` ("--color", "--charts").
void add_when_option(CLI::App& command, const std::string& name, std::string& when,
                     const std::string& what);

// Whether stdout gets terminal dressing: "always", "never", or "auto" (stdout is a terminal,
// TERM is not "dumb" and NO_COLOR is unset).
bool for_terminal(const std::string& when);

// Columns of the terminal on stdout ($COLUMNS, else the tty's width, else 80).
size_t terminal_width();

}  // namespace netsnap::cli
