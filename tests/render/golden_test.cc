// The real netstat's output for every checked-in fixture (tests/golden/FIXTURE/CASE.*, written by
// tools/oracle/update_goldens.sh through netstat-oracle) against netsnap's: capture the fixture,
// parse the same netstat command line, render, and compare stdout, stderr and the exit status byte
// for byte. One test per fixture and case, named Golden_<fixture>.<case>.
//
// Skipped, with the reason: cases listed in tests/golden/deviations.txt, and the -p cases of a
// fixture whose proc/ is now listed in another readdir order than when the goldens were made
// (netstat names the first PID readdir returns for a shared socket; on-disk order differs
// between filesystems).
#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <sstream>
#include <tuple>

#include "netsnap/capture/snapshot_source.h"
#include "netsnap/render/netstat.h"
#include "netsnap/render/netstat_options.h"
#include "test_support/temp_dir.h"

namespace netsnap::render {
namespace {

namespace fs = std::filesystem;
using netsnap::testing::read_file;

struct GoldenCase {
  std::string fixture;  // directory name under fixtures/ and tests/golden/
  std::string name;     // file stem of CASE.{args,stdout,stderr,status}
};

fs::path golden_root() { return fs::path(NETSNAP_SOURCE_DIR) / "tests" / "golden"; }
fs::path fixture_root(const std::string& fixture) {
  return fs::path(NETSNAP_SOURCE_DIR) / "fixtures" / fixture;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string joined(const std::vector<std::string>& args) {
  std::string text = "netstat";
  for (const auto& a : args) text += " " + a;
  return text;
}

// The PID entries of dir in readdir order (what netstat -p walks).
std::vector<std::string> pids_in_readdir_order(const fs::path& dir) {
  std::vector<std::string> pids;
  DIR* d = opendir(dir.c_str());
  if (!d) return pids;
  while (dirent* e = readdir(d)) {
    std::string name = e->d_name;
    if (!name.empty() && std::all_of(name.begin(), name.end(), ::isdigit)) pids.push_back(name);
  }
  closedir(d);
  return pids;
}

// tests/golden/deviations.txt: "FIXTURE/CASE reason..." lines, '#' comments.
std::optional<std::string> listed_deviation(const GoldenCase& c) {
  static const std::map<std::string, std::string> deviations = [] {
    std::map<std::string, std::string> m;
    fs::path file = golden_root() / "deviations.txt";
    if (!fs::exists(file)) return m;
    for (const auto& line : lines_of(read_file(file.string()))) {
      if (line.empty() || line[0] == '#') continue;
      size_t space = line.find_first_of(" \t");
      if (space == std::string::npos) continue;
      m[line.substr(0, space)] = line.substr(line.find_first_not_of(" \t", space));
    }
    return m;
  }();
  auto it = deviations.find(c.fixture + "/" + c.name);
  if (it == deviations.end()) return std::nullopt;
  return it->second;
}

// One capture per fixture and test process.
const model::Snapshot& captured(const std::string& fixture) {
  static std::map<std::string, model::Snapshot> snapshots;
  auto it = snapshots.find(fixture);
  if (it == snapshots.end())
    it = snapshots
             .emplace(fixture,
                      capture::make_fixture_source(fixture_root(fixture).string())->capture())
             .first;
  return it->second;
}

struct Printed {
  std::string out, err;
  int status = 0;
};

// What `netsnap show` prints for one snapshot: the parser's early output, then one cycle.
Printed render_command_line(const model::Snapshot& snapshot, const NetstatCommandLine& command) {
  Output output;
  output.append(command.early);
  int status = command.exit_code;
  if (command.options) status = render_netstat(snapshot, *command.options, 0, output);
  return {output.stdout_text(), output.stderr_text(), status & 0xFF};
}

// The oracle's veth devices get random hardware addresses; the goldens hold "<MAC>" instead.
std::string mask_macs(const std::string& text) {
  static const std::regex mac(R"(\b(ether|unspec) [0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2})+)");
  return std::regex_replace(text, mac, "$1 <MAC>");
}

class GoldenTest : public ::testing::Test {
 public:
  explicit GoldenTest(GoldenCase c) : case_(std::move(c)) {}

  void TestBody() override {
    fs::path base = golden_root() / case_.fixture / case_.name;
    std::vector<std::string> args = lines_of(read_file(base.string() + ".args"));
    if (auto reason = listed_deviation(case_)) GTEST_SKIP() << "listed deviation: " << *reason;
    NetstatCommandLine command = parse_netstat_command_line(args);
    if (command.options && command.options->programs && !same_proc_order())
      GTEST_SKIP() << "fixtures/" << case_.fixture << "/proc is listed in another readdir order "
                   << "than when the golden was made (tests/golden/" << case_.fixture
                   << "/proc-order), and netstat -p names the first PID it lists";
    Printed got = render_command_line(captured(case_.fixture), command);
    if (command.options && command.options->mode == NetstatMode::kInterfaces) {
      got.out = mask_macs(got.out);
      got.err = mask_macs(got.err);
    }
    SCOPED_TRACE(joined(args) + " on fixtures/" + case_.fixture);
    EXPECT_EQ(got.out, read_file(base.string() + ".stdout")) << "stdout";
    EXPECT_EQ(got.err, read_file(base.string() + ".stderr")) << "stderr";
    EXPECT_EQ(got.status, std::stoi(read_file(base.string() + ".status"))) << "exit status";
  }

 private:
  bool same_proc_order() const {
    std::string recorded = read_file((golden_root() / case_.fixture / "proc-order").string());
    return lines_of(recorded) == pids_in_readdir_order(fixture_root(case_.fixture) / "proc");
  }

  GoldenCase case_;
};

std::vector<GoldenCase> golden_cases() {
  std::vector<GoldenCase> cases;
  if (!fs::is_directory(golden_root())) return cases;
  for (const auto& dir : fs::directory_iterator(golden_root())) {
    if (!dir.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(dir.path()))
      if (file.path().extension() == ".args")
        cases.push_back({dir.path().filename().string(), file.path().stem().string()});
  }
  std::sort(cases.begin(), cases.end(), [](const GoldenCase& a, const GoldenCase& b) {
    return std::tie(a.fixture, a.name) < std::tie(b.fixture, b.name);
  });
  return cases;
}

std::string identifier(std::string text) {
  for (char& c : text)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return text;
}

// Registers Golden_<fixture>.<case> for every golden case, before gtest_main runs the tests.
bool register_golden_tests() {
  for (const GoldenCase& c : golden_cases()) {
    std::string suite = "Golden_" + identifier(c.fixture);
    ::testing::RegisterTest(suite.c_str(), c.name.c_str(), nullptr, nullptr, __FILE__, __LINE__,
                            [c]() -> ::testing::Test* { return new GoldenTest(c); });
  }
  return true;
}

[[maybe_unused]] const bool golden_tests_registered = register_golden_tests();

// Every fixture root has goldens, and every golden case is complete: adding a fixture without
// running update_goldens.sh fails here.
TEST(GoldenFilesTest, EveryFixtureHasCompleteGoldens) {
  int fixtures = 0;
  for (const auto& dir : fs::directory_iterator(fs::path(NETSNAP_SOURCE_DIR) / "fixtures")) {
    if (!fs::is_directory(dir.path() / "proc")) continue;
    ++fixtures;
    std::string name = dir.path().filename().string();
    SCOPED_TRACE(name);
    EXPECT_TRUE(fs::exists(golden_root() / name / "proc-order"));
  }
  EXPECT_GT(fixtures, 0);
  auto cases = golden_cases();
  EXPECT_FALSE(cases.empty());
  for (const GoldenCase& c : cases) {
    fs::path base = golden_root() / c.fixture / c.name;
    for (const char* ext : {".stdout", ".stderr", ".status"})
      EXPECT_TRUE(fs::exists(base.string() + ext)) << base.string() << ext;
  }
}

}  // namespace
}  // namespace netsnap::render
