// The counter rule (delta, rate, wrap, reset, reboot), protocol statistics as nstat names them,
// and the elapsed time rates are taken over.
#include <gtest/gtest.h>

#include "netsnap/analysis/snapshot_diff.h"

namespace netsnap::analysis {
namespace {

using model::Snapshot;

constexpr uint64_t kTwoTo32 = uint64_t{1} << 32;

TEST(CounterDiffTest, UnchangedCounterIsNoDelta) {
  EXPECT_FALSE(counter_delta("x", 7, 7, 1.0, false));
}

TEST(CounterDiffTest, IncreaseGivesDeltaAndRate) {
  auto d = counter_delta("rx_bytes", 1000, 4000, 2.0, false);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->name, "rx_bytes");
  EXPECT_EQ(d->change, CounterChange::kIncreased);
  EXPECT_EQ(d->delta, 3000u);
  EXPECT_DOUBLE_EQ(*d->per_second, 1500.0);
}

TEST(CounterDiffTest, NoRateWithoutElapsedTime) {
  auto d = counter_delta("x", 1, 2, std::nullopt, false);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->delta, 1u);
  EXPECT_FALSE(d->per_second);
}

TEST(CounterDiffTest, SmallDecreaseBelow2To32IsAWrap) {
  auto d = counter_delta("x", kTwoTo32 - 100, 50, 10.0, false);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->change, CounterChange::kWrapped);
  EXPECT_EQ(d->delta, 150u);
  EXPECT_DOUBLE_EQ(*d->per_second, 15.0);
}

TEST(CounterDiffTest, ImplausibleWrapIsAReset) {
  auto d = counter_delta("x", 1'000'000, 10, 10.0, false);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->change, CounterChange::kReset);
  EXPECT_EQ(d->delta, 0u);
  EXPECT_FALSE(d->per_second);
  EXPECT_EQ(d->before, 1'000'000u);
  EXPECT_EQ(d->after, 10u);
}

TEST(CounterDiffTest, DecreaseFromBeyond32BitsIsAReset) {
  auto d = counter_delta("x", kTwoTo32 + 5, 3, 10.0, false);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->change, CounterChange::kReset);
}

TEST(CounterDiffTest, DecreaseAcrossARebootIsNeverAWrap) {
  auto d = counter_delta("x", kTwoTo32 - 100, 50, 10.0, true);
  ASSERT_TRUE(d);
  EXPECT_EQ(d->change, CounterChange::kRebooted);
  EXPECT_FALSE(d->per_second);
}

// The kernel files as capture records them: snmp and netstat by title, snmp6 and sctp with the
// prefix in the key.
Snapshot statistics(uint64_t active_opens, uint64_t curr_estab, uint64_t listen_drops,
                    uint64_t ip6_in) {
  Snapshot s;
  s.host.boot_id = "boot-a";
  s.host.capture_time_ns = 1'000'000'000'000;
  s.statistics = {{"proc/net/snmp",
                   "Tcp",
                   {{"RtoMin", 200}, {"ActiveOpens", active_opens}, {"CurrEstab", curr_estab}}},
                  {"proc/net/netstat", "TcpExt", {{"ListenDrops", listen_drops}}},
                  {"proc/net/snmp6", "Ip6", {{"Ip6InReceives", ip6_in}}},
                  {"proc/net/sctp/snmp", "Sctp", {{"SctpCurrEstab", 0}}}};
  return s;
}

TEST(CounterDiffTest, StatisticsAreNamedAsNstatNamesThem) {
  Snapshot before = statistics(10, 3, 0, 100), after = statistics(22, 3, 5, 160);
  after.host.capture_time_ns += 4'000'000'000;
  auto deltas = diff_statistics(before, after, 4.0, false);
  ASSERT_EQ(deltas.size(), 3u);
  EXPECT_EQ(deltas[0].section, "Tcp");
  EXPECT_EQ(deltas[0].counter.name, "TcpActiveOpens");
  EXPECT_EQ(deltas[0].counter.delta, 12u);
  EXPECT_DOUBLE_EQ(*deltas[0].counter.per_second, 3.0);
  EXPECT_EQ(deltas[1].counter.name, "TcpExtListenDrops");
  EXPECT_EQ(deltas[1].section, "TcpExt");
  EXPECT_EQ(deltas[2].counter.name, "Ip6InReceives");
  EXPECT_EQ(deltas[2].counter.delta, 60u);
}

TEST(CounterDiffTest, GaugesShowBeforeAndAfterWithoutRates) {
  Snapshot before = statistics(10, 3, 0, 0), after = statistics(10, 1, 0, 0);
  after.statistics[0].counters[0].value = 1000;  // TcpRtoMin
  after.statistics[3].counters[0].value = 2;     // SctpCurrEstab
  auto deltas = diff_statistics(before, after, 1.0, false);
  ASSERT_EQ(deltas.size(), 3u);
  EXPECT_EQ(deltas[0].counter.name, "TcpRtoMin");
  EXPECT_EQ(deltas[0].counter.change, CounterChange::kGauge);
  EXPECT_EQ(deltas[1].counter.name, "TcpCurrEstab");
  EXPECT_EQ(deltas[1].counter.change, CounterChange::kGauge);  // went down, but not a reset
  EXPECT_EQ(deltas[1].counter.before, 3u);
  EXPECT_EQ(deltas[1].counter.after, 1u);
  EXPECT_FALSE(deltas[1].counter.per_second);
  EXPECT_EQ(deltas[2].counter.name, "SctpCurrEstab");
  EXPECT_EQ(deltas[2].counter.change, CounterChange::kGauge);
}

TEST(CounterDiffTest, GaugeNames) {
  for (const char* name : {"IpForwarding", "IpDefaultTTL", "TcpRtoAlgorithm", "TcpRtoMin",
                           "TcpRtoMax", "TcpMaxConn", "TcpCurrEstab"})
    EXPECT_TRUE(is_gauge_statistic(name)) << name;
  EXPECT_FALSE(is_gauge_statistic("TcpActiveOpens"));
  EXPECT_FALSE(is_gauge_statistic("Ip6InReceives"));
  EXPECT_FALSE(is_gauge_statistic("IcmpInMsgs"));
}

TEST(CounterDiffTest, CountersNewAndGoneAreListed) {
  Snapshot before = statistics(1, 0, 0, 0), after = statistics(1, 0, 0, 0);
  before.statistics[1].counters.push_back({"OldThing", 3});
  after.statistics[1].counters.insert(after.statistics[1].counters.begin(), {"NewThing", 5});
  auto deltas = diff_statistics(before, after, 1.0, false);
  ASSERT_EQ(deltas.size(), 2u);
  EXPECT_EQ(deltas[0].counter.name, "TcpExtNewThing");
  EXPECT_EQ(deltas[0].counter.change, CounterChange::kAppeared);
  EXPECT_EQ(deltas[0].counter.after, 5u);
  EXPECT_EQ(deltas[1].counter.name, "TcpExtOldThing");
  EXPECT_EQ(deltas[1].counter.change, CounterChange::kGone);
  EXPECT_EQ(deltas[1].counter.before, 3u);
}

TEST(CounterDiffTest, DifferentBootIdsMakeDecreasesReboots) {
  Snapshot before = statistics(5000, 3, 0, 0), after = statistics(12, 3, 0, 0);
  after.host.boot_id = "boot-b";
  after.host.capture_time_ns += 60'000'000'000;
  after.host.monotonic_time_ns = 5'000'000'000;  // a new boot's clock: not comparable
  SnapshotDiff diff = diff_snapshots(before, after, {});
  EXPECT_TRUE(diff.rebooted);
  ASSERT_TRUE(diff.elapsed_seconds);
  EXPECT_DOUBLE_EQ(*diff.elapsed_seconds, 60.0);
  ASSERT_EQ(diff.statistics.size(), 1u);
  EXPECT_EQ(diff.statistics[0].counter.change, CounterChange::kRebooted);
}

TEST(CounterDiffTest, ElapsedPrefersTheMonotonicClockWithinOneBoot) {
  model::HostInfo before, after;
  before.boot_id = after.boot_id = "boot-a";
  before.capture_time_ns = 1'000'000'000'000;
  after.capture_time_ns = 1'030'000'000'000;  // NTP stepped the wall clock by 20 s
  before.monotonic_time_ns = 100'000'000'000;
  after.monotonic_time_ns = 110'000'000'000;
  EXPECT_DOUBLE_EQ(*elapsed_seconds(before, after), 10.0);
  after.monotonic_time_ns = 0;  // not recorded: the wall clock is all there is
  EXPECT_DOUBLE_EQ(*elapsed_seconds(before, after), 30.0);
  after.boot_id = "boot-b";
  after.monotonic_time_ns = 110'000'000'000;
  EXPECT_DOUBLE_EQ(*elapsed_seconds(before, after), 30.0);
  EXPECT_TRUE(rebooted_between(before, after));
}

TEST(CounterDiffTest, NoElapsedTimeMeansNoRates) {
  Snapshot before = statistics(10, 3, 0, 0), after = statistics(20, 3, 0, 0);
  after.host.capture_time_ns = before.host.capture_time_ns - 1;  // backwards
  SnapshotDiff diff = diff_snapshots(before, after, {});
  EXPECT_FALSE(diff.elapsed_seconds);
  ASSERT_EQ(diff.statistics.size(), 1u);
  EXPECT_EQ(diff.statistics[0].counter.delta, 10u);
  EXPECT_FALSE(diff.statistics[0].counter.per_second);
}

TEST(CounterDiffTest, UnknownBootIdsAreNotAReboot) {
  model::HostInfo before, after;
  after.boot_id = "boot-b";
  EXPECT_FALSE(rebooted_between(before, after));
}

TEST(CounterDiffTest, AllSixteenInterfaceCountersAreCompared) {
  model::InterfaceCounters before, after{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  auto deltas = interface_counter_deltas(before, after, 1.0, false);
  ASSERT_EQ(deltas.size(), 16u);
  EXPECT_EQ(deltas.front().name, "rx_bytes");
  EXPECT_EQ(deltas[7].name, "rx_multicast");
  EXPECT_EQ(deltas.back().name, "tx_compressed");
}

}  // namespace
}  // namespace netsnap::analysis
