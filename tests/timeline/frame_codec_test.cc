// The version-2 frame codec: keyframes and deltas give back exactly the snapshot written, deltas
// cost little for what did not change, and damaged columns are refused.
#include <gtest/gtest.h>

#include "netsnap/capture/snapshot_source.h"
#include "netsnap/timeline/record_format.h"
#include "test_support/fixture_roots.h"
#include "test_support/sample_snapshot.h"
#include "timeline/frame_codec.h"

namespace netsnap::timeline {
namespace {

constexpr uint64_t kBudget = uint64_t{1} << 30;

StoredFrame decode(StoredFrame* base, std::string_view columns, const std::string& where,
                   uint64_t budget = kBudget) {
  return decode_frame(base, columns, where, budget);
}

model::Snapshot keyframe_round_trip(const model::Snapshot& s) {
  StoredFrame stored = to_stored(s, nullptr);
  std::string columns = encode_frame(nullptr, stored);
  return from_stored(decode(nullptr, columns, "test"));
}

// Encodes b against a, decodes it against a, and returns the result with the delta's size.
std::pair<model::Snapshot, size_t> delta_round_trip(const model::Snapshot& a,
                                                    const model::Snapshot& b) {
  StoredFrame base = to_stored(a, nullptr);
  StoredFrame next = to_stored(b, &base);
  std::string columns = encode_frame(&base, next);
  StoredFrame base_copy = base;
  return {from_stored(decode(&base_copy, columns, "test")), columns.size()};
}

TEST(FrameCodecTest, KeyframeGivesBackEveryField) {
  for (int variant : {0, 1, 2}) {
    model::Snapshot s = testing::sample_snapshot(variant);
    EXPECT_TRUE(keyframe_round_trip(s) == s) << "variant " << variant;
  }
  model::Snapshot empty;
  EXPECT_TRUE(keyframe_round_trip(empty) == empty);
}

TEST(FrameCodecTest, EveryFixtureRootRoundTripsAsKeyframeAndAsDeltaOnEveryOther) {
  std::vector<model::Snapshot> snapshots;
  for (const auto& root : testing::fixture_roots())
    snapshots.push_back(capture::make_fixture_source(root.string())->capture());
  ASSERT_GE(snapshots.size(), 5u);
  for (size_t i = 0; i < snapshots.size(); ++i) {
    EXPECT_TRUE(keyframe_round_trip(snapshots[i]) == snapshots[i]) << i;
    for (size_t j = 0; j < snapshots.size(); ++j)
      EXPECT_TRUE(delta_round_trip(snapshots[i], snapshots[j]).first == snapshots[j])
          << i << " -> " << j;
  }
}

TEST(FrameCodecTest, DeltaBetweenVariantsGivesBackTheSecond) {
  model::Snapshot a = testing::sample_snapshot(0);
  model::Snapshot b = testing::sample_snapshot(1);
  EXPECT_TRUE(delta_round_trip(a, b).first == b);
  EXPECT_TRUE(delta_round_trip(b, a).first == a);
}

// A host of many sockets where a few come, go and change between two frames.
model::Snapshot many_sockets(size_t count, uint32_t first_port) {
  model::Snapshot s = testing::sample_snapshot(0);
  s.inet_sockets.clear();
  for (size_t i = 0; i < count; ++i) {
    model::InetSocket socket;
    socket.slot = static_cast<uint32_t>(i);
    socket.local_address = model::IpAddress::v4({127, 0, 0, 1});
    socket.remote_address = model::IpAddress::v4({127, 0, 0, 1});
    socket.local_port = 8080;
    socket.remote_port = static_cast<uint16_t>(first_port + i * 7);
    socket.state = 1;
    socket.timer_kind = 2;
    socket.timer_expires_ticks = 60000 + i;
    socket.inode = 100000 + i * 3;
    socket.uid = 1000;
    s.inet_sockets.push_back(socket);
  }
  return s;
}

TEST(FrameCodecTest, UnchangedSocketsWithTimersTickingDownCostNearlyNothing) {
  model::Snapshot a = many_sockets(4000, 20000);
  model::Snapshot b = a;
  b.host.capture_time_ns += 1'000'000'000;
  b.host.monotonic_time_ns += 1'000'000'000;
  for (auto& s : b.inet_sockets) s.timer_expires_ticks -= 100;  // one second at 100 Hz
  auto [decoded, size] = delta_round_trip(a, b);
  EXPECT_TRUE(decoded == b);
  // Raw column bytes (zstd takes them to a few dozen): version 3 spends a few more than version
  // 2's 92 on the small lists that do change, each copied run stored apart.
  EXPECT_LT(size, 120u) << "4,000 sockets whose timers only ticked down";
}

// The kernel prints each line at its own jiffy and rounds to clock ticks: a countdown read one
// or two ticks off keeps the deadline the frame before had, anything further is taken as read.
TEST(FrameCodecTest, TimerReadATickOrTwoOffKeepsItsDeadline) {
  model::Snapshot a = many_sockets(8, 20000);
  a.host.origin = model::Origin::kLive;
  model::Snapshot b = a;
  b.host.monotonic_time_ns += 1'000'000'000;
  const int64_t off[] = {0, -1, 1, -2, 2, -3, 3, 0};
  for (size_t i = 0; i < 8; ++i)
    b.inet_sockets[i].timer_expires_ticks = a.inet_sockets[i].timer_expires_ticks - 100 + off[i];
  b.inet_sockets[7].timer_kind = 1;  // another timer now: taken as read
  model::Snapshot wanted = b;
  for (size_t i : {1, 2, 3, 4}) wanted.inet_sockets[i].timer_expires_ticks -= off[i];
  EXPECT_TRUE(delta_round_trip(a, b).first == wanted);

  model::Snapshot overdue = a;  // a countdown the kernel clamped to 0 stays 0
  overdue.inet_sockets[0].timer_expires_ticks = 0;
  overdue.host.monotonic_time_ns += 599'990'000'000;  // a's first countdown was 60,000 ticks
  EXPECT_EQ(delta_round_trip(a, overdue).first.inet_sockets[0].timer_expires_ticks, 0u);

  model::Snapshot fixture = b;  // a fixture root's text is exact: taken as read
  fixture.host.origin = model::Origin::kFixture;
  EXPECT_TRUE(delta_round_trip(a, fixture).first == fixture);
  model::Snapshot rebooted = b;  // deadlines of another boot mean nothing here
  rebooted.host.boot_id = "another boot";
  EXPECT_TRUE(delta_round_trip(a, rebooted).first == rebooted);
}

TEST(FrameCodecTest, ReplacedSocketsAreInsertedWhereTheyStand) {
  model::Snapshot a = many_sockets(1000, 20000);
  model::Snapshot b = a;
  b.inet_sockets.erase(b.inet_sockets.begin() + 500);  // gone
  b.inet_sockets[10].rx_queue = 42;                    // changed
  model::InetSocket added = b.inet_sockets[20];
  added.remote_port = 9;
  added.inode = 7;
  b.inet_sockets.insert(b.inet_sockets.begin() + 300, added);  // new
  std::swap(b.inet_sockets[700], b.inet_sockets[800]);         // moved
  for (size_t i = 0; i < b.inet_sockets.size(); ++i) b.inet_sockets[i].slot = uint32_t(i);
  auto [decoded, size] = delta_round_trip(a, b);
  EXPECT_TRUE(decoded == b);
  size_t keyframe = encode_frame(nullptr, to_stored(b, nullptr)).size();
  EXPECT_LT(size * 50, keyframe) << "four changed sockets out of 1,000: " << size << " bytes";
}

TEST(FrameCodecTest, DamagedColumnsAreRefusedWithTheirPlace) {
  StoredFrame stored = to_stored(testing::sample_snapshot(0), nullptr);
  std::string columns = encode_frame(nullptr, stored);
  for (size_t cut : {size_t{0}, size_t{1}, columns.size() / 2, columns.size() - 1}) {
    try {
      decode(nullptr, columns.substr(0, cut), "file.nsnap: frame 3");
      ADD_FAILURE() << "a frame cut to " << cut << " bytes decoded";
    } catch (const TimelineError& e) {
      EXPECT_NE(std::string(e.what()).find("file.nsnap: frame 3: frame columns: "),
                std::string::npos)
          << e.what();
    }
  }
  EXPECT_THROW(decode(nullptr, columns + "x", "f"), TimelineError);
  EXPECT_THROW(decode(nullptr, columns, "f", 1000), TimelineError);  // over the budget
}

TEST(FrameCodecTest, DeltaOnTheWrongFrameIsRefused) {
  model::Snapshot a = testing::sample_snapshot(0);
  model::Snapshot b = a;
  b.host.capture_time_ns += 1'000'000'007;
  StoredFrame base = to_stored(a, nullptr);
  StoredFrame next = to_stored(b, &base);
  std::string columns = encode_frame(&base, next);
  StoredFrame other = to_stored(b, nullptr);
  EXPECT_THROW(decode(&other, columns, "f"), TimelineError);
}

}  // namespace
}  // namespace netsnap::timeline
