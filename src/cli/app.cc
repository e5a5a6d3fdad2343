#include "netsnap/cli/app.h"

#include <CLI/CLI.hpp>

namespace netsnap::cli {

int run(int argc, char** argv) {
  CLI::App app{"netsnap: record a host's network state, replay it as netstat"};
  app.require_subcommand(1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}

}  // namespace netsnap::cli
