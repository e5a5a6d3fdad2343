// netstat -M (NETSTAT-FORMAT.md §13).
//
// 2.10 reads only /proc/net/ip_masquerade, which Linux dropped in 2.4. When a snapshot has that
// file (fixture roots can), it is printed exactly as 2.10 prints it. Otherwise, and this is a
// deliberate departure from 2.10, the NAT'd flows of the recorded conntrack table are printed in
// the same layout, so that -M says something useful on a modern host:
//
//   * a flow is NAT'd when its reply tuple is not the mirror of its original tuple;
//   * prot is conntrack's lower-case protocol name, expire its timeout as m:ss.00;
//   * source and destination are the original tuple's, resolved like socket addresses unless
//     numeric; ports are "sport -> dport (mport)", service names for tcp and udp only;
//   * mport is the port the host translated to: the reply's destination port when the source
//     was translated (SNAT, masquerade), else the reply's source port (DNAT only);
//   * with -e the initseq, delta and prevd columns, which conntrack does not have, show "-".
//
// With neither file recorded, 2.10's own "no support" error is printed.
#include <cerrno>
#include <string>
#include <utility>

#include "netsnap/render/address_text.h"
#include "netsnap/render/columns.h"
#include "netsnap/render/safe_text.h"
#include "netstat_modes.h"

namespace netsnap::render {
namespace {

constexpr std::string_view kMasqueradePath = "proc/net/ip_masquerade";

// netstat's exit status when ip_masq_info() returns -1.
constexpr int kInternalErrorStatus = 255;

// The protocol text of an ip_masquerade entry, or "" for a type 2.10 rejects.
std::string_view masquerade_protocol(std::string_view file_protocol) {
  static constexpr std::pair<std::string_view, std::string_view> kProtocols[] = {
      {"IP", "ip"},     {"TCP", "tcp"}, {"UDP", "udp"},
      {"ICMP", "icmp"}, {"GRE", "gre"}, {"ESP", "esp"},
  };
  for (const auto& [in_file, printed] : kProtocols) {
    if (file_protocol == in_file) return printed;
  }
  return "";
}

// One row's values, whichever table they come from.
struct MasqueradeRow {
  std::string_view protocol;  // lower case
  uint64_t expires_centiseconds = 0;
  std::string sequence_columns;  // the three -e columns with their trailing space
  model::IpAddress source, destination;
  uint16_t source_port = 0, destination_port = 0, masquerade_port = 0;
};

class MasqueradePrinter {
 public:
  MasqueradePrinter(const RenderContext& context, Output& output)
      : options_(context.options), names_(context.names), output_(output) {}

  bool extended() const { return options_.extend > 0; }

  void print_header() {
    output_.out("IP masquerading entries\n");
    output_.out(extended()
                    ? "prot   expire    initseq delta prevd source               destination  "
                      "        ports\n"
                    : "prot   expire source               destination          ports\n");
  }

  // print_masq(): "%-4s%3ld:%02ld.%02ld " [-e columns] "%-20s %-20s %s -> %s (%s)".
  void print_row(const MasqueradeRow& row) {
    std::string line;
    append_left(line, printable(row.protocol), 4);
    uint64_t expires = row.expires_centiseconds;
    append_right(line, expires / 6000, 3);
    line += ':' + two_digits(expires / 100 % 60) + '.' + two_digits(expires % 100) + ' ';
    if (extended()) line += row.sequence_columns;
    append_left(line, inet_host_text(row.source, options_.numeric_hosts, names_), 20);
    line += ' ';
    append_left(line, inet_host_text(row.destination, options_.numeric_hosts, names_), 20);
    line += ' ';
    line += port(row.source_port, row.protocol) + " -> " + port(row.destination_port, row.protocol);
    line += " (" + port(row.masquerade_port, row.protocol) + ")\n";
    output_.out(line);
  }

 private:
  static std::string two_digits(uint64_t value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
  }

  // get_sname(): services for tcp and udp only, "*" for 0.
  std::string port(uint16_t number, std::string_view protocol) const {
    bool has_services = protocol == "tcp" || protocol == "udp";
    return port_text(number, protocol, options_.numeric_ports || !has_services, names_);
  }

  const NetstatOptions& options_;
  const NameLookup& names_;
  Output& output_;
};

// "%10lu %5hd %5hd " or, without a PDelta column, "%10lu %5hd     - ".
std::string sequence_columns(const model::MasqueradeEntry& entry) {
  std::string columns;
  append_right(columns, entry.initial_sequence, 10);
  columns += ' ';
  append_right(columns, std::to_string(static_cast<int16_t>(entry.delta)), 5);
  columns += ' ';
  append_right(columns,
               entry.previous_delta ? std::to_string(static_cast<int16_t>(*entry.previous_delta))
                                    : std::string("-"),
               5);
  columns += ' ';
  return columns;
}

bool has_malformed_line(const model::Snapshot& snapshot, std::string_view path) {
  for (const auto& w : snapshot.warnings) {
    if (w.kind == model::WarningKind::kMalformedLine && w.path == path) return true;
  }
  return false;
}

// ip_masq_info() on a file that opened: every entry is read before anything is printed, so a
// bad one leaves only its error.
int render_masquerade_file(const RenderContext& context, Output& output) {
  const auto& entries = context.snapshot.masquerade;
  if (has_malformed_line(context.snapshot, kMasqueradePath)) {
    output.err("masq_info.c: Internal Error `ip_masquerade format error'.\n");
    return kInternalErrorStatus;
  }
  for (const auto& entry : entries) {
    if (masquerade_protocol(entry.protocol).empty()) {
      output.err("masq_info.c: Internal Error `ip_masquerade unknown type'.\n");
      return kInternalErrorStatus;
    }
  }
  if (entries.empty()) return 0;
  MasqueradePrinter printer(context, output);
  printer.print_header();
  for (const auto& entry : entries) {
    printer.print_row({masquerade_protocol(entry.protocol), entry.expires_centiseconds,
                       sequence_columns(entry), entry.source, entry.destination, entry.source_port,
                       entry.destination_port, entry.masquerade_port});
  }
  return 0;
}

MasqueradeRow conntrack_row(const model::ConntrackFlow& flow) {
  const auto& original = flow.original;
  const auto& reply = flow.reply;
  bool source_translated =
      reply.destination != original.source || reply.destination_port != original.source_port;
  static const std::string kNoSequence = "         -     -     - ";
  return {flow.protocol,
          flow.timeout_seconds * 100,
          kNoSequence,
          original.source,
          original.destination,
          original.source_port,
          original.destination_port,
          source_translated ? reply.destination_port : reply.source_port};
}

// The departure from 2.10 described at the top of this file.
int render_conntrack_nat(const RenderContext& context, Output& output) {
  MasqueradePrinter printer(context, output);
  bool header_printed = false;
  for (const auto& flow : context.snapshot.conntrack) {
    if (!flow.is_nat()) continue;
    if (!header_printed) printer.print_header();
    header_printed = true;
    printer.print_row(conntrack_row(flow));
  }
  return 0;
}

}  // namespace

int render_masquerade(const RenderContext& context, Output& output) {
  const model::Snapshot& snapshot = context.snapshot;
  int masquerade_error = snapshot.open_error(kMasqueradePath);
  if (!snapshot.masquerade.empty() || masquerade_error == 0) {
    return render_masquerade_file(context, output);
  }
  if (masquerade_error != ENOENT) {
    // A directory opens and then fails at the header; anything else fails to open.
    output.err(masquerade_error == EISDIR
                   ? "masq_info: Internal Error `fgets() failed'.\n"
                   : perror_line(proc_path(kMasqueradePath), masquerade_error));
    return kInternalErrorStatus;
  }
  if (!snapshot.conntrack.empty() || snapshot.open_error("proc/net/nf_conntrack") == 0 ||
      snapshot.open_error("proc/net/ip_conntrack") == 0) {
    return render_conntrack_nat(context, output);
  }
  output.err("netstat: no support for `ip_masquerade' on this system.\n");
  return 1;
}

}  // namespace netsnap::render
