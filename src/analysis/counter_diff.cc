// Counters between two snapshots: the delta/rate/reset/wrap rule, protocol statistics as nstat
// names them, and the interface counters of /proc/net/dev.
#include <array>
#include <string_view>
#include <utility>

#include "keyed_match.h"
#include "netsnap/analysis/snapshot_diff.h"

namespace netsnap::analysis {
namespace {

constexpr uint64_t kTwoTo32 = uint64_t{1} << 32;
// A wrapped delta of half a 32-bit turn or more is likelier a reset than a wrap.
constexpr uint64_t kMostPlausibleWrap = uint64_t{1} << 31;

std::optional<double> rate(uint64_t delta, std::optional<double> elapsed_seconds) {
  if (!elapsed_seconds) return std::nullopt;
  return static_cast<double>(delta) / *elapsed_seconds;
}

// A counter in a snapshot's statistics, under its nstat name.
struct NamedCounter {
  std::string section;
  std::string name;
  uint64_t value = 0;
};

// /proc/net/snmp and /proc/net/netstat hold "Title: keys" pairs whose keys nstat prefixes with the
// title; snmp6 and sctp/snmp keys already carry theirs.
bool keys_carry_prefix(std::string_view path) {
  return path != "proc/net/snmp" && path != "proc/net/netstat";
}

std::vector<NamedCounter> named_counters(const model::Snapshot& snapshot) {
  std::vector<NamedCounter> counters;
  for (const model::StatSection& section : snapshot.statistics) {
    bool prefixed = keys_carry_prefix(section.path);
    for (const model::StatCounter& counter : section.counters) {
      counters.push_back(
          {section.name, prefixed ? counter.name : section.name + counter.name, counter.value});
    }
  }
  return counters;
}

std::optional<CounterDelta> statistic_delta(const NamedCounter& before, const NamedCounter& after,
                                            std::optional<double> elapsed_seconds, bool rebooted) {
  if (!is_gauge_statistic(after.name))
    return counter_delta(after.name, before.value, after.value, elapsed_seconds, rebooted);
  if (before.value == after.value) return std::nullopt;
  CounterDelta delta;
  delta.name = after.name;
  delta.change = CounterChange::kGauge;
  delta.before = before.value;
  delta.after = after.value;
  return delta;
}

StatisticDelta only_in_one(const NamedCounter& counter, CounterChange change) {
  CounterDelta delta;
  delta.name = counter.name;
  delta.change = change;
  (change == CounterChange::kAppeared ? delta.after : delta.before) = counter.value;
  return {counter.section, std::move(delta)};
}

}  // namespace

std::optional<CounterDelta> counter_delta(std::string name, uint64_t before, uint64_t after,
                                          std::optional<double> elapsed_seconds, bool rebooted) {
  if (before == after) return std::nullopt;
  CounterDelta delta{std::move(name), CounterChange::kIncreased, before, after, 0, std::nullopt};
  if (after > before) {
    delta.delta = after - before;
  } else if (rebooted) {
    delta.change = CounterChange::kRebooted;
  } else if (before < kTwoTo32 && after + kTwoTo32 - before < kMostPlausibleWrap) {
    delta.change = CounterChange::kWrapped;
    delta.delta = after + kTwoTo32 - before;
  } else {
    delta.change = CounterChange::kReset;
  }
  if (delta.delta != 0) delta.per_second = rate(delta.delta, elapsed_seconds);
  return delta;
}

bool is_gauge_statistic(std::string_view nstat_name) {
  // nstat's useless_numbers, plus SCTP's count of established associations.
  static constexpr std::array<std::string_view, 8> kGauges = {
      "IpForwarding", "IpDefaultTTL", "TcpRtoAlgorithm", "TcpRtoMin",
      "TcpRtoMax",    "TcpMaxConn",   "TcpCurrEstab",    "SctpCurrEstab"};
  for (std::string_view gauge : kGauges)
    if (gauge == nstat_name) return true;
  return false;
}

std::vector<StatisticDelta> diff_statistics(const model::Snapshot& before,
                                            const model::Snapshot& after,
                                            std::optional<double> elapsed_seconds, bool rebooted) {
  std::vector<NamedCounter> old_counters = named_counters(before);
  std::vector<NamedCounter> new_counters = named_counters(after);
  KeyedMatch match =
      match_by_key(old_counters, new_counters, [](const NamedCounter& c) { return c.name; });
  // In after's order: matched counters and new ones interleave as the kernel lists them.
  std::vector<std::optional<size_t>> before_of(new_counters.size());
  for (auto [i, j] : match.matched) before_of[j] = i;
  std::vector<StatisticDelta> deltas;
  for (size_t j = 0; j < new_counters.size(); ++j) {
    const NamedCounter& counter = new_counters[j];
    if (!before_of[j]) {
      deltas.push_back(only_in_one(counter, CounterChange::kAppeared));
    } else if (auto delta = statistic_delta(old_counters[*before_of[j]], counter, elapsed_seconds,
                                            rebooted)) {
      deltas.push_back({counter.section, std::move(*delta)});
    }
  }
  for (size_t i : match.before_only)
    deltas.push_back(only_in_one(old_counters[i], CounterChange::kGone));
  return deltas;
}

std::vector<CounterDelta> interface_counter_deltas(const model::InterfaceCounters& before,
                                                   const model::InterfaceCounters& after,
                                                   std::optional<double> elapsed_seconds,
                                                   bool rebooted) {
  using C = model::InterfaceCounters;
  static constexpr std::pair<const char*, uint64_t C::*> kFields[] = {
      {"rx_bytes", &C::rx_bytes},
      {"rx_packets", &C::rx_packets},
      {"rx_errors", &C::rx_errors},
      {"rx_dropped", &C::rx_dropped},
      {"rx_fifo", &C::rx_fifo},
      {"rx_frame", &C::rx_frame},
      {"rx_compressed", &C::rx_compressed},
      {"rx_multicast", &C::rx_multicast},
      {"tx_bytes", &C::tx_bytes},
      {"tx_packets", &C::tx_packets},
      {"tx_errors", &C::tx_errors},
      {"tx_dropped", &C::tx_dropped},
      {"tx_fifo", &C::tx_fifo},
      {"tx_collisions", &C::tx_collisions},
      {"tx_carrier", &C::tx_carrier},
      {"tx_compressed", &C::tx_compressed}};
  std::vector<CounterDelta> deltas;
  for (auto [name, field] : kFields) {
    if (auto delta = counter_delta(name, before.*field, after.*field, elapsed_seconds, rebooted))
      deltas.push_back(std::move(*delta));
  }
  return deltas;
}

}  // namespace netsnap::analysis
