// netsnap export as a user runs it: frame selection, each format loadable, one-line errors.
// Needs add_export_command wired into src/cli/app.cc.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_support/run_command.h"
#include "test_support/temp_dir.h"

namespace netsnap::cli {
namespace {

using netsnap::testing::run_netsnap;
using netsnap::testing::TempDir;

class ExportCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto rec =
        run_netsnap({"record", "--root", std::string(NETSNAP_SOURCE_DIR) + "/fixtures/minimal",
                     "--count", "3", "--interval", "0.05", "-o", file_});
    ASSERT_EQ(rec.exit_status, 0) << rec.err;
  }
  TempDir tmp_;
  std::string file_ = tmp_.path("t.nsnap");
};

std::vector<nlohmann::json> parse_lines(const std::string& text) {
  std::vector<nlohmann::json> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(nlohmann::json::parse(line));
  return lines;
}

TEST_F(ExportCliTest, JsonExportsEveryFrameByDefault) {
  auto r = run_netsnap({"export", file_, "--format", "json"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  auto doc = nlohmann::json::parse(r.out);
  ASSERT_EQ(doc.size(), 3u);
  EXPECT_EQ(doc[2]["frame"], 2);
  EXPECT_EQ(doc[0]["snapshot"]["inetSockets"][1]["localAddress"], "192.168.1.10");
}

TEST_F(ExportCliTest, JsonlRangeHasOneLinePerSocketPerFrame) {
  auto r = run_netsnap({"export", file_, "--format", "jsonl", "--from", "1", "--to", "2"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  auto lines = parse_lines(r.out);
  ASSERT_EQ(lines.size(), 4u);  // the fixture has two tcp sockets
  EXPECT_EQ(lines[0]["frame"], 1);
  EXPECT_EQ(lines[3]["frame"], 2);
  EXPECT_EQ(lines[0]["state"], "LISTEN");
  EXPECT_EQ(lines[1]["remote_address"], "192.168.1.20");
  EXPECT_EQ(lines[1]["remote_port"], 51234);
}

TEST_F(ExportCliTest, CsvOfTheLastFrameHasAHeader) {
  auto r = run_netsnap({"export", file_, "--format", "csv", "--frame", "-1"});
  ASSERT_EQ(r.exit_status, 0) << r.err;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3);
  EXPECT_EQ(r.out.rfind("\"frame\",\"time\",\"host\",", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("\n2,\""), std::string::npos) << r.out;
}

TEST_F(ExportCliTest, BadSelectionsAreOneLineErrors) {
  EXPECT_EQ(run_netsnap({"export", file_, "--format", "xml"}).exit_status, 2);
  EXPECT_EQ(
      run_netsnap({"export", file_, "--format", "csv", "--frame", "0", "--to", "1"}).exit_status,
      2);
  auto r = run_netsnap({"export", file_, "--format", "csv", "--frame", "7"});
  EXPECT_EQ(r.exit_status, 1);
  EXPECT_NE(r.err.find("no frame 7"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace netsnap::cli
