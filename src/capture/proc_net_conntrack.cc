// /proc/net/nf_conntrack: one tracked flow a line, no header.
//
//   ipv4     2 tcp      6 431999 ESTABLISHED src=10.0.0.2 dst=93.184.216.34 sport=51000 dport=443
//   packets=10 bytes=1200 src=93.184.216.34 dst=192.168.1.5 sport=443 dport=51000 packets=8
//   bytes=9000 [ASSURED] mark=0 zone=0 use=2                                 (all on one line)
//
// The older /proc/net/ip_conntrack lacks the leading "ipv4     2". The first src= opens the
// original tuple, the second the reply tuple; the flow's own keys (mark=, use=, ...) come last.
//
// /proc/net/ip_masquerade (Linux 2.2): a header, then one entry a line.
//
//   Prc FromIP   FPrt ToIP     TPrt Masq Init-seq  Delta PDelta Expires (free=40950,40950,40950)
//   TCP C0A80102:0401 D0000001:0050 F000 12345678 +0 +0 3000
#include <algorithm>
#include <limits>
#include <optional>
#include <string>

#include "netsnap/capture/proc_parsers.h"
#include "netsnap/capture/record_lines.h"

namespace netsnap::capture {
namespace {

using model::ConntrackFlow;
using model::ConntrackTuple;
using model::IpAddress;
using model::MasqueradeEntry;

bool is_key_or_flag(std::string_view token) {
  return token.find('=') != std::string_view::npos || token.front() == '[';
}

// "[ipv4 2] tcp 6 [431999 [ESTABLISHED]]". Offloaded flows have neither timeout nor state.
// Sets `l3` ("" when absent) and `next`, the first field after the head.
std::string parse_flow_head(const Fields& f, ConntrackFlow& flow, std::string_view& l3,
                            size_t& next) {
  // With the l3 columns the third field is the protocol name; without them it is the timeout.
  bool has_l3 = f.size() > 2 && !parse_dec(f[2]) && !is_key_or_flag(f[2]);
  size_t i = has_l3 ? 2 : 0;
  if (f.size() < i + 3) return "line ends before the first tuple";
  if (has_l3 && !parse_dec(f[1])) return "bad l3 protocol number " + quoted(f[1]);
  l3 = has_l3 ? f[0] : "";
  flow.protocol = std::string(f[i]);
  if (!parse_field(f[i + 1], 10, flow.protocol_number)) {
    return "bad protocol number " + quoted(f[i + 1]);
  }
  i += 2;
  if (!is_key_or_flag(f[i])) {
    if (!parse_field(f[i], 10, flow.timeout_seconds)) return "bad timeout " + quoted(f[i]);
    ++i;
    if (i < f.size() && !is_key_or_flag(f[i])) flow.state = std::string(f[i++]);
  }
  next = i;
  return "";
}

// src=, dst=, sport=, dport=, packets=, bytes=; any other key goes to extra as written.
std::string parse_tuple_key(std::string_view token, std::string_view key, std::string_view value,
                            ConntrackTuple& t) {
  bool ok = true;
  if (key == "src" || key == "dst") {
    auto address = IpAddress::parse(value);
    if (address) (key == "src" ? t.source : t.destination) = *address;
    ok = address.has_value();
  } else if (key == "sport" || key == "dport") {
    ok = parse_field(value, 10, key == "sport" ? t.source_port : t.destination_port);
  } else if (key == "packets" || key == "bytes") {
    uint64_t count = 0;
    ok = parse_field(value, 10, count);
    (key == "packets" ? t.packets : t.bytes) = count;
  } else {
    if (!t.extra.empty()) t.extra += ' ';
    t.extra += token;
  }
  return ok ? "" : "bad " + quoted(token);
}

// The flow's own trailing keys: mark, zone and use are kept; secctx, delta-time, labels and any
// other key a newer kernel adds are skipped.
std::string parse_flow_key(std::string_view token, std::string_view key, std::string_view value,
                           ConntrackFlow& flow) {
  bool ok = true;
  if (key == "mark") ok = parse_field(value, 10, flow.mark);
  if (key == "zone") ok = parse_field(value, 10, flow.zone);
  if (key == "use") ok = parse_field(value, 10, flow.use);
  return ok ? "" : "bad " + quoted(token);
}

bool is_flow_key(std::string_view key) {
  return key == "mark" || key == "zone" || key == "use" || key == "secctx" || key == "delta-time" ||
         key == "labels";
}

// Everything after the head: two tuples, bracketed flags, then the flow's own keys.
std::string parse_flow_body(const Fields& f, size_t i, ConntrackFlow& flow) {
  int tuples = 0;
  ConntrackTuple* tuple = nullptr;  // the tuple whose keys are being read, if any
  for (; i < f.size(); ++i) {
    std::string_view token = f[i];
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') {
      flow.flags.emplace_back(token.substr(1, token.size() - 2));
      continue;
    }
    size_t eq = token.find('=');
    std::string_view key = token.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? "" : token.substr(eq + 1);
    if (key == "src" && tuples == 2) return "a third tuple starts at " + quoted(token);
    if (key == "src") tuple = tuples++ == 0 ? &flow.original : &flow.reply;
    std::string error;
    if (is_flow_key(key)) {
      tuple = nullptr;
      error = parse_flow_key(token, key, value, flow);
    } else if (tuple) {
      error = parse_tuple_key(token, key, value, *tuple);
    } else if (tuples == 0) {
      error = quoted(token) + " comes before the first src=";
    }
    if (!error.empty()) return error;
  }
  if (tuples < 2) return tuples == 0 ? "no src= tuple" : "no reply tuple";
  return "";
}

std::string parse_flow(const Fields& f, ConntrackFlow& flow) {
  std::string_view l3;
  size_t next = 0;
  std::string error = parse_flow_head(f, flow, l3, next);
  if (error.empty()) error = parse_flow_body(f, next, flow);
  if (!error.empty()) return error;
  flow.ipv6 = flow.original.source.is_v6();
  if ((l3 == "ipv4" && flow.ipv6) || (l3 == "ipv6" && !flow.ipv6)) {
    return "addresses do not belong to " + quoted(l3);
  }
  return "";
}

// "C0A80102:0401": the address is printed as a number (ntohl), so its first digits are its
// first byte; unlike /proc/net/tcp this does not depend on the recording machine.
bool parse_masquerade_endpoint(std::string_view token, IpAddress& address, uint16_t& port) {
  size_t colon = token.find(':');
  uint32_t value = 0;
  if (colon == std::string_view::npos || !parse_field(token.substr(0, colon), 16, value) ||
      !parse_field(token.substr(colon + 1), 16, port)) {
    return false;
  }
  address = IpAddress::v4({static_cast<uint8_t>(value >> 24), static_cast<uint8_t>(value >> 16),
                           static_cast<uint8_t>(value >> 8), static_cast<uint8_t>(value)});
  return true;
}

// "+7", "-5", "0": a signed 32-bit decimal, with the '+' that the 2.2 kernel printed.
std::optional<int32_t> parse_delta(std::string_view token) {
  if (!token.empty() && token.front() == '+') token.remove_prefix(1);
  auto value = parse_signed_dec(token);
  if (!value || *value < std::numeric_limits<int32_t>::min() ||
      *value > std::numeric_limits<int32_t>::max()) {
    return std::nullopt;
  }
  return static_cast<int32_t>(*value);
}

std::string parse_masquerade(const Fields& f, bool has_pdelta, MasqueradeEntry& e) {
  size_t expected = has_pdelta ? 8 : 7;
  if (f.size() != expected) {
    return "expected " + std::to_string(expected) + " fields, found " + std::to_string(f.size());
  }
  e.protocol = std::string(f[0]);
  if (!parse_masquerade_endpoint(f[1], e.source, e.source_port))
    return "bad source " + quoted(f[1]);
  if (!parse_masquerade_endpoint(f[2], e.destination, e.destination_port)) {
    return "bad destination " + quoted(f[2]);
  }
  if (!parse_field(f[3], 16, e.masquerade_port)) return "bad masquerade port " + quoted(f[3]);
  if (!parse_field(f[4], 16, e.initial_sequence)) return "bad initial sequence " + quoted(f[4]);
  auto delta = parse_delta(f[5]);
  if (!delta) return "bad delta " + quoted(f[5]);
  e.delta = *delta;
  if (has_pdelta) {
    e.previous_delta = parse_delta(f[6]);
    if (!e.previous_delta) return "bad previous delta " + quoted(f[6]);
  }
  if (!parse_field(f[expected - 1], 10, e.expires_centiseconds)) {
    return "bad expiry " + quoted(f[expected - 1]);
  }
  return "";
}

}  // namespace

void parse_proc_net_nf_conntrack(std::string_view text, std::string_view path,
                                 std::vector<ConntrackFlow>& out, Diagnostics& diag) {
  parse_records(text, path, 0, out, diag, parse_flow);
}

void parse_proc_net_ip_masquerade(std::string_view text, std::string_view path,
                                  std::vector<MasqueradeEntry>& out, Diagnostics& diag) {
  auto lines = split_lines(text);
  if (lines.empty()) return;
  // The header's PDelta column marks the layout that carries the previous delta.
  Fields header = split_fields(lines[0]);
  bool has_pdelta = std::find(header.begin(), header.end(), "PDelta") != header.end();
  parse_records(text, path, 1, out, diag, [&](const Fields& f, MasqueradeEntry& e) {
    return parse_masquerade(f, has_pdelta, e);
  });
}

}  // namespace netsnap::capture
