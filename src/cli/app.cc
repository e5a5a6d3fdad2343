#include "netsnap/cli/app.h"

#include <iostream>

#include "commands.h"
#include "netsnap/timeline/record_format.h"

namespace netsnap::cli {

namespace {

// Registered for `netsnap --help` only: run() dispatches these before CLI11 parses anything.
void describe_raw_commands(CLI::App& app) {
  app.add_subcommand("show",
                     "Print a recorded moment exactly as netstat 2.10 printed it: show FILE "
                     "[--frame N] [--to M] [NETSTAT OPTIONS...]")
      ->allow_extras();
  app.add_subcommand("netstat",
                     "Capture this host now and print it as netstat 2.10 does: netstat "
                     "[NETSTAT OPTIONS...]")
      ->allow_extras();
}

int run_raw_command(int argc, char** argv) {
  std::string name = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  try {
    return name == "show" ? run_show_command(std::move(args))
                          : run_netstat_command(std::move(args));
  } catch (const UsageError& e) {
    std::cerr << "netsnap: " << e.what() << " (see netsnap " << name << " --help)\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "netsnap: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

int run(int argc, char** argv) {
  if (argc >= 2 && (std::string(argv[1]) == "show" || std::string(argv[1]) == "netstat"))
    return run_raw_command(argc, argv);
  CLI::App app{"netsnap: record a Linux host's network state, replay it as netstat would show it"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("netsnap ") + NETSNAP_VERSION);
  Command record = add_record_command(app);
  Command ls = add_ls_command(app);
  Command dump = add_dump_command(app);
  Command materialize = add_materialize_command(app);
  Command export_frames = add_export_command(app);
  describe_raw_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "netsnap: " << e.what() << " (see netsnap --help)\n";
    return 2;
  }
  try {
    if (app.got_subcommand("record")) return record();
    if (app.got_subcommand("ls")) return ls();
    if (app.got_subcommand("materialize")) return materialize();
    if (app.got_subcommand("export")) return export_frames();
    return dump();
  } catch (const UsageError& e) {
    std::cerr << "netsnap: " << e.what() << " (see netsnap "
              << app.get_subcommands().front()->get_name() << " --help)\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "netsnap: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace netsnap::cli
