// netsnap summary's text and JSON reports, from summaries written inline: exact table and ranking
// lines, the row sampling of long timelines, sparklines only when asked for, and the JSON fields.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "netsnap/render/summary_report.h"

namespace netsnap::render {
namespace {

using analysis::FrameCounts;
using analysis::SocketKind;
using analysis::TimelineSummary;
using nlohmann::json;

constexpr int64_t kT0 = 1795239758123000000;  // 2026-11-21T05:42:38.123Z
constexpr uint8_t kEstablished = 1, kListen = 10;

FrameCounts frame(uint64_t number, int64_t time_ns, uint32_t tcp_established, uint32_t unix) {
  FrameCounts f;
  f.frame = number;
  f.time_ns = time_ns;
  f.by_kind[size_t(SocketKind::kTcp)] = tcp_established + 1;
  f.by_kind[size_t(SocketKind::kUnix)] = unix;
  f.by_tcp_state[kEstablished] = tcp_established;
  f.by_tcp_state[kListen] = 1;
  f.total = tcp_established + 1 + unix;
  return f;
}

TimelineSummary tiny_summary() {
  TimelineSummary s;
  s.frames = {frame(7, kT0, 2, 2), frame(8, kT0 + 1'500'000'000, 9, 2)};
  s.busiest_local_ports = {{SocketKind::kTcp, 8080, {9, 8, kT0 + 1'500'000'000}}};
  s.processes = {{42, "ng\x01x", {3, 7, kT0}}};
  return s;
}

// n frames whose ESTABLISHED count is its number mod 10, except one spike of 500 at `spike`.
TimelineSummary long_summary(size_t n, size_t spike) {
  TimelineSummary s;
  for (size_t i = 0; i < n; ++i)
    s.frames.push_back(frame(i, kT0 + int64_t(i) * 1'000'000'000, i == spike ? 500 : i % 10, 0));
  return s;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The lines that are table rows: a right-aligned frame number, then its time.
std::vector<std::string> table_rows(const std::string& text) {
  static const std::regex kRow(R"( *[0-9]+  [0-9]{4}-.*)");
  std::vector<std::string> rows;
  for (const auto& line : lines_of(text))
    if (std::regex_match(line, kRow)) rows.push_back(line);
  return rows;
}

size_t code_points(std::string_view text) {
  size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

TEST(SummaryReportTest, TextTableAndRankings) {
  EXPECT_EQ(summary_text(tiny_summary(), {}),
            "frame  time                      total  tcp  unix  ESTABLISHED  LISTEN\n"
            "    7  2026-11-21T05:42:38.123Z      5    3     2            2       1\n"
            "    8  2026-11-21T05:42:39.623Z     12   10     2            9       1\n"
            "\n"
            "Busiest local ports (non-LISTEN tcp sockets on a listening port, peak in a frame)\n"
            "  proto  port  peak  frame  time\n"
            "  tcp    8080     9      8  2026-11-21T05:42:39.623Z\n"
            "\n"
            "Busiest remote addresses (inet sockets connected to it, peak in a frame)\n"
            "  (none)\n"
            "\n"
            "Processes with most sockets (inet and unix sockets held, peak in a frame)\n"
            "  pid  program  peak  frame  time\n"
            "   42  ng?x        3      7  2026-11-21T05:42:38.123Z\n");
}

TEST(SummaryReportTest, EmptySummarySaysSo) {
  EXPECT_EQ(summary_text({}, {}), "No frames to summarise.\n");
}

TEST(SummaryReportTest, ChartsAddOneSparklinePerColumn) {
  std::string text = summary_text(tiny_summary(), {.charts = true});
  std::string trends =
      "\nTrends (2 frames; one mark per frame)\n"
      "  total        ▁█  min  5  max 12\n"
      "  tcp          ▁█  min  3  max 10\n"
      "  unix         ▁▁  min  2  max  2\n"
      "  ESTABLISHED  ▁█  min  2  max  9\n"
      "  LISTEN       ▁▁  min  1  max  1\n";
  size_t at = text.find(trends);
  ASSERT_NE(at, std::string::npos) << text;
  EXPECT_LT(at, text.find("Busiest local ports")) << "Trends follow the table";
}

TEST(SummaryReportTest, PlainTextHasNoChartCharacters) {
  std::string text = summary_text(long_summary(300, 150), {});
  for (unsigned char c : text) ASSERT_LT(c, 0x80) << text;
  EXPECT_EQ(text.find("Trends"), std::string::npos);
}

TEST(SummaryReportTest, LongTimelinesShowEvenlySpacedRowsWithANote) {
  std::string text = summary_text(long_summary(120, 0), {});
  std::vector<std::string> rows = table_rows(text);
  ASSERT_EQ(rows.size(), 50u) << text;
  EXPECT_EQ(rows.front().substr(0, 5), "    0");
  EXPECT_EQ(rows.back().substr(0, 5), "  119");
  EXPECT_NE(text.find("\n(showing 50 of 120 frames; --all for every frame)\n"), std::string::npos);

  std::string all = summary_text(long_summary(120, 0), {.all_frames = true});
  EXPECT_EQ(table_rows(all).size(), 120u);
  EXPECT_EQ(all.find("(showing"), std::string::npos);
}

TEST(SummaryReportTest, SampledRowsIncludeFirstAndLastAndSpreadEvenly) {
  std::vector<std::string> rows = table_rows(summary_text(long_summary(5, 99), {.max_rows = 3}));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].substr(0, 5), "    0");
  EXPECT_EQ(rows[1].substr(0, 5), "    2");
  EXPECT_EQ(rows[2].substr(0, 5), "    4");
}

TEST(SummaryReportTest, SparklinesFitTheWidthAndKeepSpikes) {
  // Frame 620 lies inside a mark's slice of frames, not at its start: only a max keeps it.
  std::string text = summary_text(long_summary(1000, 620), {.charts = true, .width = 80});
  EXPECT_NE(text.find("Trends (1000 frames; each mark is the highest of up to "),
            std::string::npos);
  bool found = false;
  for (const auto& line : lines_of(text)) {
    if (line.rfind("  ESTABLISHED  ", 0) != 0) continue;
    found = true;
    EXPECT_LE(code_points(line), 80u) << line;
    EXPECT_GE(code_points(line), 70u) << "the width is used: " << line;
    EXPECT_NE(line.find("█"), std::string::npos) << "the one-frame spike survives: " << line;
    EXPECT_NE(line.find("min   0  max 500"), std::string::npos) << line;
  }
  EXPECT_TRUE(found) << text;
}

TEST(SummaryReportTest, JsonHasEveryFrameAndRanking) {
  TimelineSummary summary = tiny_summary();
  summary.busiest_remote_addresses = {{*model::IpAddress::parse("10.0.0.9"), {4, 8, kT0}}};
  json doc = json::parse(summary_json(summary));

  ASSERT_EQ(doc["frames"].size(), 2u);
  const json& f = doc["frames"][1];
  EXPECT_EQ(f["frame"], 8);
  EXPECT_EQ(f["time"], "2026-11-21T05:42:39.623Z");
  EXPECT_EQ(f["total"], 12);
  EXPECT_EQ(f["protocols"], json({{"tcp", 10}, {"unix", 2}}));
  EXPECT_EQ(f["states"], json({{"ESTABLISHED", 9}, {"LISTEN", 1}}));

  EXPECT_EQ(doc["busiest_local_ports"],
            json::parse(R"([{"protocol": "tcp", "port": 8080, "peak": 9, "frame": 8,
                              "time": "2026-11-21T05:42:39.623Z"}])"));
  EXPECT_EQ(doc["busiest_remote_addresses"][0]["address"], "10.0.0.9");
  EXPECT_EQ(doc["busiest_remote_addresses"][0]["peak"], 4);
  EXPECT_EQ(doc["processes"][0]["pid"], 42);
  EXPECT_EQ(doc["processes"][0]["program"], "ng\x01x");
  EXPECT_EQ(doc["processes"][0]["frame"], 7);
}

TEST(SummaryReportTest, JsonSurvivesProgramNamesThatAreNotUtf8) {
  TimelineSummary summary = tiny_summary();
  summary.processes[0].program = "bad\xff";
  json doc = json::parse(summary_json(summary));
  EXPECT_EQ(doc["processes"][0]["program"], "bad\xEF\xBF\xBD");
  EXPECT_EQ(doc["busiest_remote_addresses"], json::array());
}

}  // namespace
}  // namespace netsnap::render
