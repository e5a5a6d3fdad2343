#include <gtest/gtest.h>

#include "netsnap/capture/proc_parsers.h"

namespace netsnap::capture {
namespace {

using model::MulticastGroup;

constexpr std::string_view kIgmpHeader =
    "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n";

// The fxg fixture of NETSTAT-FORMAT.md §11.
TEST(ProcNetIgmpTest, ParsesFixtureGroupsUnderTheirDevices) {
  std::string text(kIgmpHeader);
  text += "1\tlo        :     1      V3\n";
  text += "\t\t\t\t010000E0     1 0:00000000\t\t0\n";
  text += "4\teth0      :     3      V2\n";
  text += "\t\t\t\tFB0000E0     2 1:0000012C\t\t1\n";
  text += "\t\t\t\t010000E0     1 0:00000000\t\t0\n";
  text += "5\taverylongname15:     1      V3\n";
  text += "\t\t\t\t010000E0     1 0:00000000\t\t0\n";
  text += "6\tabcdefghijkl:     1      V3\n";
  text += "\t\t\t\t0A0B0CEF     7 0:00000000\t\t0\n";
  std::vector<MulticastGroup> out;
  Diagnostics diag;
  parse_proc_net_igmp(text, "proc/net/igmp", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 5u);
  EXPECT_FALSE(out[0].ipv6);
  EXPECT_EQ(out[0].interface_index, 1u);
  EXPECT_EQ(out[0].device, "lo");
  EXPECT_EQ(out[0].group.to_string(), "224.0.0.1");
  EXPECT_EQ(out[0].users, 1u);
  const MulticastGroup& g = out[1];
  EXPECT_EQ(g.interface_index, 4u);
  EXPECT_EQ(g.device, "eth0");
  EXPECT_EQ(g.group.to_string(), "224.0.0.251");
  EXPECT_EQ(g.users, 2u);
  EXPECT_EQ(g.timer_running, 1u);
  EXPECT_EQ(g.timer, 0x12Cu);
  EXPECT_EQ(g.reporter, 1u);
  EXPECT_EQ(out[2].device, "eth0");
  EXPECT_EQ(out[2].timer_running, 0u);
  EXPECT_EQ(out[3].device, "averylongname15");
  EXPECT_EQ(out[3].interface_index, 5u);
  EXPECT_EQ(out[4].device, "abcdefghijkl");
  EXPECT_EQ(out[4].group.to_string(), "239.12.11.10");
  EXPECT_EQ(out[4].users, 7u);
}

TEST(ProcNetIgmpTest, MalformedLinesAreReportedAndSkipped) {
  std::string text(kIgmpHeader);
  text += "\t\t\t\t010000E0     1 0:00000000\t\t0\n";
  text += "x\teth0      :     1      V3\n";
  text += "\t\t\t\t010000E0     1 0:00000000\t\t0\n";
  text += "2\teth1      :     3      V3\n";
  text += "\t\t\t\tGG0000E0     1 0:00000000\t\t0\n";
  text += "\t\t\t\t010000E0     1 0-00000000\t\t0\n";
  text += "\n";
  text += "\t\t\t\t010000E0     1\n";
  text += "\t\t\t\tFB0000E0     4 0:00000000\t\t0\n";
  std::vector<MulticastGroup> out;
  Diagnostics diag;
  parse_proc_net_igmp(text, "proc/net/igmp", out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].device, "eth1");
  EXPECT_EQ(out[0].interface_index, 2u);
  EXPECT_EQ(out[0].group.to_string(), "224.0.0.251");
  EXPECT_EQ(out[0].users, 4u);
  ASSERT_EQ(diag.warnings().size(), 6u);
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/igmp");
  EXPECT_EQ(diag.warnings()[0].line, 2u);
  EXPECT_EQ(diag.warnings()[1].line, 3u);
  EXPECT_NE(diag.warnings()[1].message.find("'x'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[2].line, 4u);
  EXPECT_EQ(diag.warnings()[3].line, 6u);
  EXPECT_NE(diag.warnings()[3].message.find("'GG0000E0'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[4].line, 7u);
  EXPECT_NE(diag.warnings()[4].message.find("'0-00000000'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[5].line, 9u);
}

TEST(ProcNetIgmpTest, HeaderWithoutDeviceIsReported) {
  std::string text = "something else\n1\tlo        :     1      V3\n\t\t\t\t010000E0 1 0:0\t\t0\n";
  std::vector<MulticastGroup> out;
  Diagnostics diag;
  parse_proc_net_igmp(text, "proc/net/igmp", out, diag);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(diag.warnings().size(), 1u);
  EXPECT_EQ(diag.warnings()[0].line, 1u);
}

TEST(ProcNetIgmp6Test, ParsesFixtureLines) {
  std::string text =
      "1    lo              ff020000000000000000000000000001     1 0000000C 0\n"
      "5    averylongname15 ff0200000000000000000001ff000002    12 00000004 0\n"
      "4    eth0            ff0500000000000000000000000000fb     1 00000004 12345\n";
  std::vector<MulticastGroup> out;
  Diagnostics diag;
  parse_proc_net_igmp6(text, "proc/net/igmp6", out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 3u);
  EXPECT_TRUE(out[0].ipv6);
  EXPECT_EQ(out[0].interface_index, 1u);
  EXPECT_EQ(out[0].device, "lo");
  EXPECT_EQ(out[0].group.to_string(), "ff02::1");
  EXPECT_EQ(out[0].timer_running, 0xCu);
  EXPECT_EQ(out[1].device, "averylongname15");
  EXPECT_EQ(out[1].group.to_string(), "ff02::1:ff00:2");
  EXPECT_EQ(out[1].users, 12u);
  EXPECT_EQ(out[2].interface_index, 4u);
  EXPECT_EQ(out[2].group.to_string(), "ff05::fb");
  EXPECT_EQ(out[2].timer_running, 4u);
  EXPECT_EQ(out[2].timer, 12345u);
  EXPECT_EQ(out[2].reporter, 0u);
}

TEST(ProcNetIgmp6Test, MalformedLinesAreReportedAndSkipped) {
  std::string text =
      "1    lo              ff02000000000000000000000000001     1 0000000C 0\n"
      "1    lo              ff020000000000000000000000000001     1\n"
      "\n"
      "1    lo              ff020000000000000000000000000001 99999999999 0000000C 0\n"
      "2    eth0            ff010000000000000000000000000001     3 00000008 0\n";
  std::vector<MulticastGroup> out;
  Diagnostics diag;
  parse_proc_net_igmp6(text, "proc/net/igmp6", out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].device, "eth0");
  EXPECT_EQ(out[0].group.to_string(), "ff01::1");
  EXPECT_EQ(out[0].users, 3u);
  ASSERT_EQ(diag.warnings().size(), 3u);
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/igmp6");
  EXPECT_EQ(diag.warnings()[0].line, 1u);
  EXPECT_EQ(diag.warnings()[1].line, 2u);
  EXPECT_EQ(diag.warnings()[2].line, 4u);
  EXPECT_NE(diag.warnings()[2].message.find("'99999999999'"), std::string::npos);
}

}  // namespace
}  // namespace netsnap::capture
