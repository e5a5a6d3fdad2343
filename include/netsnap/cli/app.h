// The netsnap command line: one subcommand per file in src/cli/.
#pragma once

namespace netsnap::cli {

// Parses argv, runs the subcommand, returns the process exit status.
int run(int argc, char** argv);

}  // namespace netsnap::cli
