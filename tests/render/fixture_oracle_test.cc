// The acceptance check of netsnap materialize against the real netstat: for each checked-in
// fixture, ../shared/tools/netstat-oracle run on the materialized root prints what
// render_netstat (netsnap show) prints for the original snapshot. Needs root and the oracle.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>
#include <sstream>

#include "netsnap/capture/snapshot_source.h"
#include "netsnap/render/fixture_writer.h"
#include "netsnap/render/netstat.h"
#include "netsnap/render/netstat_options.h"
#include "test_support/fixture_roots.h"
#include "test_support/run_command.h"
#include "test_support/temp_dir.h"

namespace netsnap::render {
namespace {

namespace fs = std::filesystem;

std::optional<fs::path> find_oracle() {
  for (fs::path p : {fs::path(NETSNAP_SOURCE_DIR) / "../shared/tools/netstat-oracle",
                     fs::path("/work/shared/tools/netstat-oracle")})
    if (fs::exists(p)) return fs::canonical(p);
  return std::nullopt;
}

// netstat -p names the first PID in readdir order for a socket several processes hold, and
// the materialized proc/ is listed in the file system's order, not the recording's.
bool has_shared_sockets(const model::Snapshot& s) {
  std::set<uint64_t> seen, shared;
  for (const auto& p : s.processes) {
    std::set<uint64_t> own;
    for (const auto& h : p.sockets) own.insert(h.inode);
    for (uint64_t inode : own)
      if (!seen.insert(inode).second) shared.insert(inode);
  }
  return !shared.empty();
}

// The oracle's veth devices get random hardware addresses.
std::string mask_macs(const std::string& text) {
  static const std::regex mac(R"(\b(ether|unspec) [0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2})+)");
  return std::regex_replace(text, mac, "$1 <MAC>");
}

// "FIXTURE/CASE" keys of tests/golden/deviations.txt: where netsnap deliberately differs from
// netstat 2.10, or the oracle cannot reproduce the fixture (its veths' flags, for one).
std::set<std::string> listed_deviations() {
  std::set<std::string> keys;
  std::istringstream in(netsnap::testing::read_file(std::string(NETSNAP_SOURCE_DIR) +
                                                    "/tests/golden/deviations.txt"));
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') keys.insert(line.substr(0, line.find(' ')));
  return keys;
}

struct OracleCase {
  std::vector<std::string> args;
  bool interfaces = false;  // needs ORACLE_IFACES=1
};

TEST(FixtureOracleTest, NetstatOnTheMaterializedRootPrintsWhatShowPrints) {
  auto oracle = find_oracle();
  if (!oracle) GTEST_SKIP() << "no ../shared/tools/netstat-oracle";
  if (geteuid() != 0) GTEST_SKIP() << "the oracle needs root (unshare, bind mounts)";
  if (netsnap::testing::run_command({"/bin/sh", "-c", "command -v netstat"}).exit_status != 0)
    GTEST_SKIP() << "net-tools netstat is not installed";
  const std::vector<OracleCase> cases = {{{"-tanp"}}, {{"-xa"}}, {{"-rn"}},
                                         {{"-s"}},    {{"-g"}},  {{"-i"}, true}};
  const std::set<std::string> deviations = listed_deviations();
  netsnap::testing::TempDir tmp;
  for (const fs::path& fixture : netsnap::testing::fixture_roots()) {
    // The malformed fixture's bad lines are not in the snapshot, so they are not written, and
    // netstat's warnings about them cannot come back.
    std::string name = netsnap::testing::fixture_name(fixture);
    if (name == "malformed") continue;
    model::Snapshot original = capture::make_fixture_source(fixture.string())->capture();
    fs::path root = tmp.dir() / name;
    fs::create_directories(root.parent_path());
    write_fixture_root(original, root.string());
    for (const auto& c : cases) {
      SCOPED_TRACE(name + " netstat " + c.args[0]);
      NetstatCommandLine command = parse_netstat_command_line(c.args);
      ASSERT_TRUE(command.options.has_value());
      if (command.options->programs && has_shared_sockets(original)) continue;
      if (deviations.count(name + "/" + c.args[0].substr(1))) continue;
      Output output;
      int status = render_netstat(original, *command.options, 0, output);
      std::vector<std::string> argv = {"/usr/bin/env",
                                       std::string("ORACLE_IFACES=") + (c.interfaces ? "1" : ""),
                                       oracle->string(), root.string()};
      argv.insert(argv.end(), c.args.begin(), c.args.end());
      auto got = netsnap::testing::run_command(argv);
      std::string want_out = output.stdout_text(), got_out = got.out;
      if (c.interfaces) {
        want_out = mask_macs(want_out);
        got_out = mask_macs(got_out);
      }
      EXPECT_EQ(got_out, want_out);
      EXPECT_EQ(got.err, output.stderr_text());
      EXPECT_EQ(got.exit_status, status & 0xFF);
    }
  }
}

}  // namespace
}  // namespace netsnap::render
