#include "netsnap/cli/app.h"

#include <iostream>
#include <map>
#include <string_view>

#include "commands.h"
#include "netsnap/render/safe_text.h"
#include "netsnap/timeline/record_format.h"
#include "standard_output.h"

namespace netsnap::cli {

namespace {

// Registered for `netsnap --help` only: run() dispatches these before CLI11 parses anything.
void describe_raw_commands(CLI::App& app) {
  app.add_subcommand("show",
                     "Print a recorded moment exactly as netstat 2.10 printed it: show FILE "
                     "[--frame N | --at TIME] [--filter EXPR] [NETSTAT OPTIONS...]")
      ->allow_extras();
  app.add_subcommand("netstat",
                     "Capture this host now and print it as netstat 2.10 does: netstat "
                     "[NETSTAT OPTIONS...]")
      ->allow_extras();
}

// The exit status for trouble: diff's 1 means "something differs", so its trouble is 2 (as for
// diff(1)); every other command's is 1.
int trouble_status(std::string_view command) { return command == "diff" ? 2 : 1; }

// Runs a parsed command; its output is written out before it counts as done, and a write that
// failed is the command's trouble.
int run_command(const std::string& name, const Command& command) {
  try {
    int status = command();
    flush_standard_output();
    return status;
  } catch (const WriteError& e) {
    std::cerr << "netsnap: " << e.what() << "\n";
    return trouble_status(name);
  } catch (const UsageError& e) {
    std::cerr << "netsnap: " << render::printable(e.what()) << " (see netsnap " << name
              << " --help)\n";
    return 2;
  } catch (const std::exception& e) {
    // Messages may quote what a file held.
    std::cerr << "netsnap: " << render::printable(e.what()) << "\n";
    return trouble_status(name);
  }
}

int run_raw_command(int argc, char** argv) {
  std::string name = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  return run_command(name, [&]() {
    return name == "show" ? run_show_command(std::move(args))
                          : run_netstat_command(std::move(args));
  });
}

int run_parsed_command(int argc, char** argv) {
  CLI::App app{"netsnap: record a Linux host's network state, replay it as netstat would show it"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("netsnap ") + NETSNAP_VERSION);
  const std::map<std::string, Command> commands = {
      {"record", add_record_command(app)},   {"ls", add_ls_command(app)},
      {"dump", add_dump_command(app)},       {"materialize", add_materialize_command(app)},
      {"export", add_export_command(app)},   {"diff", add_diff_command(app)},
      {"summary", add_summary_command(app)},
  };
  describe_raw_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return run_command("help", [&]() { return app.exit(e); });
  } catch (const CLI::CallForVersion& e) {
    return run_command("version", [&]() { return app.exit(e); });
  } catch (const CLI::ParseError& e) {
    std::cerr << "netsnap: " << e.what() << " (see netsnap --help)\n";
    return 2;
  }
  std::string name = app.get_subcommands().front()->get_name();
  return run_command(name, commands.at(name));
}

}  // namespace

int run(int argc, char** argv) {
  StandardOutput output;
  if (argc >= 2 && (std::string(argv[1]) == "show" || std::string(argv[1]) == "netstat"))
    return run_raw_command(argc, argv);
  return run_parsed_command(argc, argv);
}

}  // namespace netsnap::cli
