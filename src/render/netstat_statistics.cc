// netstat -s (NETSTAT-FORMAT.md §12): the counters of /proc/net/snmp, netstat and sctp/snmp, or
// with -6 of snmp6 and the Tcp section of snmp, printed through netstat's tables.
//
// The snapshot's sections are already what netstat's readers see of the files (capture follows
// its parsing, src/capture/proc_net_snmp.cc); what is left here is netstat's printing state
// machine and the order and error handling of its files.
#include <cerrno>
#include <string>

#include "netsnap/render/safe_text.h"
#include "netstat_modes.h"
#include "netstat_statistics_tables.h"

namespace netsnap::render {
namespace {

constexpr std::string_view kSnmp = "proc/net/snmp";
constexpr std::string_view kNetstat = "proc/net/netstat";
constexpr std::string_view kSnmp6 = "proc/net/snmp6";
constexpr std::string_view kSctpSnmp = "proc/net/sctp/snmp";

// Sections enabled by -w, -t, -u, -S (all of them when -s comes without any: netstat's §1.3
// implication, already applied to the options).
struct SectionFlags {
  bool raw = false, tcp = false, udp = false, sctp = false;

  bool enabled(StatFlag flag) const {
    switch (flag) {
      case StatFlag::kRaw:
        return raw;
      case StatFlag::kTcp:
        return tcp;
      case StatFlag::kUdp:
        return udp;
      case StatFlag::kSctp:
        return sctp;
    }
    return false;
  }
};

// statistics.c's printval()/newtable(). `state_` persists across sections and files, as the
// static variable it mirrors does; it decides the indent of fallback lines and whether a
// histogram title is due.
class StatPrinter {
 public:
  StatPrinter(SectionFlags flags, Output& output) : flags_(flags), output_(output) {}

  void print_section(const model::StatSection& section, StatTableSet set) {
    const StatTable* table = find_stat_table(set, section.name);
    // Unknown sections are always shown, with every key through the fallback, and leave the
    // state alone; known ones reset it even when their protocol is not selected.
    bool enabled = table == nullptr || flags_.enabled(table->flag);
    if (enabled) output_.out(printable(section.name) + ":\n");
    if (table != nullptr) state_ = State::kNumber;
    if (!enabled) return;
    for (const auto& counter : section.counters) print_value(table, counter.name, counter.value);
  }

 private:
  enum class State { kNumber, kInputHistogram, kOutputHistogram };

  void print_value(const StatTable* table, std::string_view key, uint64_t value) {
    const StatEntry* entry = table ? find_stat_entry(*table, key) : nullptr;
    if (entry == nullptr) {
      if (value != 0) line(indent(state_), printable(key) + ": " + std::to_string(value));
      return;
    }
    switch (entry->kind) {
      case StatKind::kNever:
        return;
      case StatKind::kAlways:
      case StatKind::kIfNonZero:
        if (entry->kind == StatKind::kAlways || value != 0) {
          line(indent(State::kNumber), stat_entry_text(*entry, value));
        }
        state_ = State::kNumber;
        return;
      case StatKind::kInputHistogram:
      case StatKind::kOutputHistogram:
        print_histogram_value(*entry, value);
        return;
    }
  }

  // The histogram title comes with the indent of the state before it, even for a 0 value.
  void print_histogram_value(const StatEntry& entry, uint64_t value) {
    bool input = entry.kind == StatKind::kInputHistogram;
    State histogram = input ? State::kInputHistogram : State::kOutputHistogram;
    if (state_ != histogram) {
      line(indent(state_), input ? "ICMP input histogram:" : "ICMP output histogram:");
    }
    if (value > 0) line(indent(histogram), stat_entry_text(entry, value));
    state_ = histogram;
  }

  static size_t indent(State state) { return state == State::kNumber ? 4 : 8; }

  void line(size_t indent, std::string_view text) {
    std::string text_line(indent, ' ');
    text_line.append(text);
    text_line += '\n';
    output_.out(text_line);
  }

  SectionFlags flags_;
  Output& output_;
  State state_ = State::kNumber;
};

// How netstat's fopen() and reading of a file would go.
enum class FileOutcome { kOpenFails, kReadFails, kRead };

struct FileStatus {
  FileOutcome outcome = FileOutcome::kRead;
  int error_number = 0;
};

FileStatus file_status(const model::Snapshot& snapshot, std::string_view path) {
  // Recordings that predate a source's status still carry its sections.
  if (!snapshot.find_source(path)) {
    for (const auto& section : snapshot.statistics)
      if (section.path == path) return {};
  }
  int error = snapshot.open_error(path);
  if (error == 0) return {};
  // A directory opens fine and fails on the first read; anything else fails to open.
  return {error == EISDIR ? FileOutcome::kReadFails : FileOutcome::kOpenFails, error};
}

// Capture gives a `malformedLine` warning for a statistics file only where netstat stops
// reading it (a pair of lines without ':').
bool netstat_gave_up(const model::Snapshot& snapshot, std::string_view path) {
  for (const auto& w : snapshot.warnings) {
    if (w.kind == model::WarningKind::kMalformedLine && w.path == path) return true;
  }
  return false;
}

class StatisticsRun {
 public:
  StatisticsRun(const RenderContext& context, Output& output)
      : snapshot_(context.snapshot),
        output_(output),
        printer_(SectionFlags{context.options.raw, context.options.tcp, context.options.udp,
                              context.options.sctp},
                 output) {}

  // parsesnmp(): snmp (required), then netstat and sctp/snmp when they open.
  void inet() {
    FileStatus snmp = file_status(snapshot_, kSnmp);
    if (snmp.outcome == FileOutcome::kOpenFails) {
      output_.err(perror_line("cannot open " + proc_path(kSnmp), snmp.error_number));
      return;
    }
    print_pair_file(kSnmp, snmp, "", true);
    FileStatus netstat = file_status(snapshot_, kNetstat);
    if (netstat.outcome != FileOutcome::kOpenFails) print_pair_file(kNetstat, netstat, "", true);
    FileStatus sctp = file_status(snapshot_, kSctpSnmp);
    if (sctp.outcome == FileOutcome::kRead) print_sections(kSctpSnmp, StatTableSet::kSnmp, "");
    if (sctp.outcome == FileOutcome::kReadFails) {
      // The Sctp section is opened before the first read.
      printer_.print_section({std::string(kSctpSnmp), "Sctp", {}}, StatTableSet::kSnmp);
      output_.err(perror_line(proc_path(kSctpSnmp), sctp.error_number));
    }
  }

  // parsesnmp6(): snmp6, then the sections of snmp whose title starts with "Tcp"; a missing
  // file ends it, and a parse problem in snmp goes unreported.
  void inet6() {
    FileStatus snmp6 = file_status(snapshot_, kSnmp6);
    if (snmp6.outcome == FileOutcome::kOpenFails) {
      output_.err(perror_line("cannot open " + proc_path(kSnmp6), snmp6.error_number));
      return;
    }
    print_sections(kSnmp6, StatTableSet::kSnmp6, "");
    if (snmp6.outcome == FileOutcome::kReadFails) {
      output_.err(perror_line(proc_path(kSnmp6), snmp6.error_number));
    }
    FileStatus snmp = file_status(snapshot_, kSnmp);
    if (snmp.outcome == FileOutcome::kOpenFails) {
      output_.err(perror_line("cannot open " + proc_path(kSnmp), snmp.error_number));
      return;
    }
    print_pair_file(kSnmp, snmp, "Tcp", false);
  }

 private:
  void print_sections(std::string_view path, StatTableSet set, std::string_view title_prefix) {
    for (const auto& section : snapshot_.statistics) {
      if (section.path == path && section.name.starts_with(title_prefix)) {
        printer_.print_section(section, set);
      }
    }
  }

  // process_fd() on a file of key/value line pairs, then netstat's report of how it went.
  void print_pair_file(std::string_view path, FileStatus status, std::string_view title_prefix,
                       bool report_problem) {
    print_sections(path, StatTableSet::kSnmp, title_prefix);
    if (report_problem && netstat_gave_up(snapshot_, path)) {
      output_.err("Problem while parsing " + proc_path(path) + "\n");
    }
    if (status.outcome == FileOutcome::kReadFails) {
      output_.err(perror_line(proc_path(path), status.error_number));
    }
  }

  const model::Snapshot& snapshot_;
  Output& output_;
  StatPrinter printer_;
};

}  // namespace

int render_statistics(const RenderContext& context, Output& output) {
  const std::string& af = context.options.af_list;
  StatisticsRun run(context, output);
  if (af.empty() || af == "inet") {
    run.inet();
  } else if (af == "inet6") {
    run.inet6();
  } else {
    // On stdout, unlike every other error.
    output.out("netstat: No statistics support for specified address family: " + af + "\n");
    return 1;
  }
  return 0;
}

}  // namespace netsnap::render
