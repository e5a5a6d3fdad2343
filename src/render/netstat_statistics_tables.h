// netstat 2.10's statistics tables (NETSTAT-FORMAT.md §12.4) and its way of searching them.
//
// The tables are kept in the order of netstat's source. netstat binary-searches them although
// they are not sorted, so some rows can never be found and those keys fall back to `Key: value`;
// searching the same rows the same way reproduces that without a list of exceptions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace netsnap::render {

enum class StatKind {
  kNever,            // static entries (DefaultTTL, ...) and entries with an empty text
  kAlways,           // printed even when 0
  kIfNonZero,        // printed only when not 0
  kInputHistogram,   // under "ICMP input histogram:", only when > 0
  kOutputHistogram,  // under "ICMP output histogram:", only when > 0
};

struct StatEntry {
  std::string_view key;
  std::string_view text;  // "{}" stands for the value
  StatKind kind;
};

// The protocol option (-w, -t, -u, -S) that enables a section.
enum class StatFlag { kRaw, kTcp, kUdp, kSctp };

struct StatTable {
  std::string_view title;
  std::span<const StatEntry> entries;
  StatFlag flag;
};

// netstat has one set of tables for /proc/net/snmp, netstat and sctp/snmp, another for snmp6.
enum class StatTableSet { kSnmp, kSnmp6 };

// The table for a section title, or null for a section netstat does not know.
const StatTable* find_stat_table(StatTableSet set, std::string_view title);

// glibc's bsearch() with strcmp() over the table's rows as they are; null when not found.
const StatEntry* find_stat_entry(const StatTable& table, std::string_view key);

// The entry's text with the value in place of "{}".
std::string stat_entry_text(const StatEntry& entry, uint64_t value);

}  // namespace netsnap::render
