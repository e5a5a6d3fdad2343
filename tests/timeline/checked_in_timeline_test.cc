// tests/data/minimal-v1.nsnap was written by netsnap 0.1.0 (format version 1) from
// fixtures/minimal. Every later netsnap must keep reading it: never regenerate it.
#include <gtest/gtest.h>

#include "netsnap/timeline/timeline.h"

namespace netsnap::timeline {
namespace {

TEST(CheckedInTimelineTest, Version1FileStaysReadable) {
  TimelineReader reader(std::string(NETSNAP_SOURCE_DIR) + "/tests/data/minimal-v1.nsnap");
  EXPECT_TRUE(reader.used_index());
  EXPECT_TRUE(reader.recovery_notes().empty());
  ASSERT_EQ(reader.frames().size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    model::Snapshot s = reader.read_frame(i);
    EXPECT_EQ(s.host.hostname, "minimal");
    EXPECT_EQ(s.host.origin, model::Origin::kFixture);
    EXPECT_EQ(s.host.netsnap_version, "0.1.0");
    ASSERT_EQ(s.inet_sockets.size(), 2u);
    const auto& established = s.inet_sockets[1];
    EXPECT_EQ(established.local_address.to_string(), "192.168.1.10");
    EXPECT_EQ(established.remote_address.to_string(), "192.168.1.20");
    EXPECT_EQ(established.remote_port, 51234);
    EXPECT_EQ(established.state, 1);
    EXPECT_EQ(established.tx_queue, 36u);
    EXPECT_EQ(established.inode, 12346u);
    EXPECT_EQ(established.slow_start_threshold, -1);
    EXPECT_EQ(s.find_source("proc/net/tcp6")->state, model::SourceState::kAbsent);
  }
}

}  // namespace
}  // namespace netsnap::timeline
