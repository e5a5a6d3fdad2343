#include "netsnap/capture/process_scan.h"

#include <gtest/gtest.h>

namespace netsnap::capture {
namespace {

TEST(SocketInodeFromLinkTest, ReadsBothLinkForms) {
  EXPECT_EQ(socket_inode_from_link("socket:[12345]"), 12345u);
  EXPECT_EQ(socket_inode_from_link("[0000]:4242"), 4242u);
  EXPECT_EQ(socket_inode_from_link("pipe:[12345]"), std::nullopt);
  EXPECT_EQ(socket_inode_from_link("socket:[12345"), std::nullopt);
}

TEST(SocketInodeFromLinkTest, FollowsNetstatsNumberRules) {
  EXPECT_EQ(socket_inode_from_link("socket:[0xC359]"), 0xC359u);        // strtoul base 0: hex
  EXPECT_EQ(socket_inode_from_link("socket:[0141546]"), 0141546u);      // and octal
  EXPECT_EQ(socket_inode_from_link("socket:[0050018]"), std::nullopt);  // 8 is not octal
  EXPECT_EQ(socket_inode_from_link("socket:[7]"), std::nullopt);        // shorter than 11 bytes
  EXPECT_EQ(socket_inode_from_link("socket:[18446744073709551615]"), std::nullopt);
  // Only 29 bytes of the link are read, so a long one loses its ']'.
  EXPECT_EQ(socket_inode_from_link("socket:[000000000000000000012345]"), std::nullopt);
}

}  // namespace
}  // namespace netsnap::capture
