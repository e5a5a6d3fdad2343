#include <gtest/gtest.h>

#include "netsnap/model/snapshot_codec.h"
#include "test_support/sample_snapshot.h"

namespace netsnap::model {
namespace {

TEST(SnapshotCodecTest, EveryFieldSurvivesARoundTrip) {
  Snapshot original = testing::sample_snapshot();
  Snapshot decoded = decode_snapshot(encode_snapshot(original));
  EXPECT_EQ(decoded.host, original.host);
  EXPECT_EQ(decoded.inet_sockets, original.inet_sockets);
  EXPECT_EQ(decoded.interfaces, original.interfaces);
  EXPECT_EQ(decoded.conntrack, original.conntrack);
  EXPECT_EQ(decoded.names, original.names);
  EXPECT_TRUE(decoded == original);
}

TEST(SnapshotCodecTest, EmptySnapshotRoundTrips) {
  Snapshot empty;
  EXPECT_TRUE(decode_snapshot(encode_snapshot(empty)) == empty);
}

TEST(SnapshotCodecTest, GarbageIsRejectedWithAnError) {
  EXPECT_THROW(decode_snapshot("not a message"), std::runtime_error);
  std::string bytes = encode_snapshot(testing::sample_snapshot());
  bytes.resize(bytes.size() / 2);
  EXPECT_THROW(decode_snapshot(bytes), std::runtime_error);
}

TEST(SnapshotCodecTest, TextFormatNamesFieldsAndKeepsAbstractPaths) {
  std::string text = snapshot_message_to_text(encode_snapshot(testing::sample_snapshot()));
  EXPECT_NE(text.find("hostname = \"host-0\""), std::string::npos);
  EXPECT_NE(text.find("@abstract@nul"), std::string::npos);
  EXPECT_NE(text.find("state = absent"), std::string::npos);
}

}  // namespace
}  // namespace netsnap::model
