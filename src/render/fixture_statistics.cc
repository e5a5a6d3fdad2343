// Protocol counters and NAT tables: /proc/net/{snmp,netstat} (paired "Title: keys" and
// "Title: values" lines), /proc/net/snmp6 and /proc/net/sctp/snmp ("%-32s\t%lu" lines),
// /proc/net/nf_conntrack (or the older ip_conntrack) and /proc/net/ip_masquerade.
#include <string>

#include "fixture_tree.h"

namespace netsnap::render::fixture {
namespace {

using ull = unsigned long long;

// Capture keeps counters as netstat's strtoull() reads them, negative values wrapped; the
// kernel printed those (MaxConn's -1) signed, and strtoull reads either form the same.
std::string counter_text(uint64_t value) {
  if (value > static_cast<uint64_t>(INT64_MAX))
    return strprintf("%lld", static_cast<long long>(value));
  return strprintf("%llu", ull{value});
}

std::string paired_sections(const model::Snapshot& s, const std::string& path, bool& has_data) {
  std::string text;
  for (const auto& section : s.statistics) {
    if (section.path != path) continue;
    std::string keys = section.name + ":", values = section.name + ":";
    for (const auto& c : section.counters) {
      keys += " " + c.name;
      values += " " + counter_text(c.value);
    }
    text += keys + "\n" + values + "\n";
    has_data = true;
  }
  return text;
}

std::string keyed_lines(const model::Snapshot& s, const std::string& path, bool& has_data) {
  std::string text;
  for (const auto& section : s.statistics) {
    if (section.path != path) continue;
    for (const auto& c : section.counters)
      text += strprintf("%-32s\t%s\n", c.name.c_str(), counter_text(c.value).c_str());
    has_data = true;
  }
  return text;
}

bool has_ports(const model::ConntrackFlow& f) {
  for (const char* p : {"tcp", "udp", "udplite", "sctp", "dccp"})
    if (f.protocol == p) return true;
  return f.original.source_port || f.original.destination_port || f.reply.source_port ||
         f.reply.destination_port;
}

// src= dst= [sport= dport=] [protocol keys] [packets= bytes=], as ct_seq_show prints a tuple.
std::string tuple_text(const model::ConntrackTuple& t, bool ports) {
  std::string text =
      "src=" + kernel_address_text(t.source) + " dst=" + kernel_address_text(t.destination) + " ";
  if (ports) text += strprintf("sport=%u dport=%u ", t.source_port, t.destination_port);
  if (!t.extra.empty()) text += t.extra + " ";
  if (t.packets) text += strprintf("packets=%llu ", ull{*t.packets});
  if (t.bytes) text += strprintf("bytes=%llu ", ull{*t.bytes});
  return text;
}

// The kernel prints [UNREPLIED] after the original tuple, other flags after the reply; mark
// always, zone only when not the default one.
std::string conntrack_line(const model::ConntrackFlow& f, bool l3_columns) {
  std::string line;
  if (l3_columns) line = strprintf("%-8s %u ", f.ipv6 ? "ipv6" : "ipv4", f.ipv6 ? 10 : 2);
  line += strprintf("%-8s %u %llu ", f.protocol.c_str(), f.protocol_number, ull{f.timeout_seconds});
  if (!f.state.empty()) line += f.state + " ";
  bool ports = has_ports(f);
  line += tuple_text(f.original, ports);
  for (const auto& flag : f.flags)
    if (flag == "UNREPLIED") line += "[" + flag + "] ";
  line += tuple_text(f.reply, ports);
  for (const auto& flag : f.flags)
    if (flag != "UNREPLIED") line += "[" + flag + "] ";
  line += strprintf("mark=%u ", f.mark);
  if (f.zone) line += strprintf("zone=%u ", f.zone);
  return line + strprintf("use=%u\n", f.use);
}

std::string conntrack_table(const model::Snapshot& s, bool l3_columns) {
  std::string text;
  for (const auto& f : s.conntrack) text += conntrack_line(f, l3_columns);
  return text;
}

uint32_t host_order(const model::IpAddress& a) {
  const uint8_t* b = a.data();
  return a.is_v4() ? (uint32_t{b[0]} << 24) | (uint32_t{b[1]} << 16) | (uint32_t{b[2]} << 8) | b[3]
                   : 0;
}

// Linux 2.2's ip_masq_procinfo(); PDelta only when every entry has it (it is per kernel).
std::string masquerade_table(const model::Snapshot& s) {
  bool pdelta = true;
  for (const auto& m : s.masquerade) pdelta &= m.previous_delta.has_value();
  std::string text = pdelta ? "Prc FromIP   FPrt ToIP     TPrt Masq Init-seq  Delta PDelta "
                              "Expires (free=0,0,0)\n"
                            : "Prc FromIP   FPrt ToIP     TPrt Masq Init-seq  Delta Expires "
                              "(free=0,0,0)\n";
  for (const auto& m : s.masquerade) {
    text += strprintf("%s %08X:%04X %08X:%04X %04X %08X %+6d", m.protocol.c_str(),
                      host_order(m.source), m.source_port, host_order(m.destination),
                      m.destination_port, m.masquerade_port, m.initial_sequence, m.delta);
    if (pdelta) text += strprintf(" %+6d", *m.previous_delta);
    text += strprintf(" %7llu\n", ull{m.expires_centiseconds});
  }
  return text;
}

}  // namespace

void write_statistics(const model::Snapshot& s, const FixtureTree& tree) {
  for (const char* path : {"proc/net/snmp", "proc/net/netstat"}) {
    bool has_data = false;
    std::string text = paired_sections(s, path, has_data);
    tree.write_source(s, path, text, has_data);
  }
  for (const char* path : {"proc/net/snmp6", "proc/net/sctp/snmp"}) {
    bool has_data = false;
    std::string text = keyed_lines(s, path, has_data);
    tree.write_source(s, path, text, has_data);
  }
}

// Capture reads ip_conntrack (which lacks the l3 columns) only when nf_conntrack is absent.
void write_nat(const model::Snapshot& s, const FixtureTree& tree) {
  const model::SourceStatus* nf = s.find_source("proc/net/nf_conntrack");
  bool old_file = nf && nf->state == model::SourceState::kAbsent;
  if (old_file) {
    tree.write_source(s, "proc/net/ip_conntrack", conntrack_table(s, false), !s.conntrack.empty());
  } else {
    tree.write_source(s, "proc/net/nf_conntrack", conntrack_table(s, true), !s.conntrack.empty());
  }
  tree.write_source(s, "proc/net/ip_masquerade", masquerade_table(s), !s.masquerade.empty());
}

}  // namespace netsnap::render::fixture
