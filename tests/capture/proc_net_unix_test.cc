#include <gtest/gtest.h>

#include "netsnap/capture/proc_parsers.h"

namespace netsnap::capture {
namespace {

constexpr std::string_view kHeader = "Num       RefCount Protocol Flags    Type St Inode Path\n";

std::vector<model::UnixSocket> parse(std::string_view body, Diagnostics& diag,
                                     bool* has_inode = nullptr) {
  std::vector<model::UnixSocket> out;
  bool inode_column = false;
  parse_proc_net_unix(std::string(kHeader) + std::string(body), "proc/net/unix", out, inode_column,
                      diag);
  if (has_inode) *has_inode = inode_column;
  return out;
}

TEST(ProcNetUnixTest, ParsesListeningSocketWithPath) {
  Diagnostics diag;
  bool has_inode = false;
  auto out =
      parse("ffff8881047e1c00: 0000000C 00000000 00010000 0001 01 15161 /run/systemd/private\n",
            diag, &has_inode);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(has_inode);
  EXPECT_EQ(out[0].kernel_address, 0u);  // checked, not kept
  EXPECT_EQ(out[0].ref_count, 12u);
  EXPECT_EQ(out[0].flags, 0x10000u);
  EXPECT_EQ(out[0].type, 1u);
  EXPECT_EQ(out[0].state, 1u);
  EXPECT_EQ(out[0].inode, 15161u);
  EXPECT_EQ(out[0].path, "/run/systemd/private");
}

TEST(ProcNetUnixTest, KeepsSpacesAndAbstractNamesVerbatim) {
  Diagnostics diag;
  auto out = parse(
      "0000000000000000: 00000002 00000000 00070000 0003 04 15220 /path with  space\n"
      "0000000000000000: 00000002 00000000 00000000 0001 02 15210 @abstract@with@nul\n"
      "0000000000000000: 00000003 00000000 00000000 0001 03 15190\n"
      "0000000000000000: 00000003 00000000 00000000 0001 03  9999 \n",
      diag);
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0].path, "/path with  space");
  EXPECT_EQ(out[1].path, "@abstract@with@nul");
  EXPECT_EQ(out[2].path, "");
  EXPECT_EQ(out[3].inode, 9999u);
  EXPECT_EQ(out[3].path, "");
  EXPECT_TRUE(diag.warnings().empty());
}

TEST(ProcNetUnixTest, MalformedLinesAreReportedAndSkipped) {
  Diagnostics diag;
  auto out = parse(
      "0000000000000000: 00000002 00000000\n"
      "0000000000000000: 0000000G 00000000 00000000 0001 03 15190 /x\n"
      "0000000000000000: 00000003 00000000 00000000 0001 03 15191 /y\n",
      diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].path, "/y");
  ASSERT_EQ(diag.warnings().size(), 2u);
  EXPECT_EQ(diag.warnings()[0].line, 2u);
  EXPECT_EQ(diag.warnings()[1].line, 3u);
  EXPECT_EQ(diag.warnings()[1].path, "proc/net/unix");
}

TEST(ProcNetUnixTest, HeaderWithoutInodeColumn) {
  std::vector<model::UnixSocket> out;
  bool has_inode = true;
  Diagnostics diag;
  parse_proc_net_unix(
      "Num       RefCount Protocol Flags    Type St Path\n"
      "0000000000000000: 00000002 00000000 00010000 0001 01 /run/old\n",
      "proc/net/unix", out, has_inode, diag);
  EXPECT_FALSE(has_inode);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].path, "/run/old");
  EXPECT_EQ(out[0].inode, 0u);
}

}  // namespace
}  // namespace netsnap::capture
