// /proc/net/{tcp,udp,udplite,raw}{,6}: one socket a line after a header line.
//
//   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
//   ...
//    0: 0100007F:0277 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 1002
//    ...
//
// tcp lines go on with: refcnt pointer rto ato quickack cwnd ssthresh; udp/raw with: ref pointer
// drops.
#include <string>

#include "netsnap/capture/proc_parsers.h"
#include "netsnap/capture/record_lines.h"

namespace netsnap::capture {
namespace {

using model::InetProtocol;
using model::InetSocket;

bool parse_pair(std::string_view token, uint64_t& first, uint64_t& second) {
  size_t colon = token.find(':');
  if (colon == std::string_view::npos) return false;
  auto a = parse_hex(token.substr(0, colon));
  auto b = parse_hex(token.substr(colon + 1));
  if (!a || !b) return false;
  first = *a;
  second = *b;
  return true;
}

// The fields every protocol shares, sl through inode. Returns an error text, or "" on success.
std::string parse_common(const Fields& f, InetSocket& s) {
  if (f.size() < 10) return "expected at least 10 fields, found " + std::to_string(f.size());
  std::string_view sl = f[0];
  if (sl.empty() || sl.back() != ':') return "slot field '" + std::string(sl) + "' lacks ':'";
  auto slot = parse_dec(sl.substr(0, sl.size() - 1));
  if (!slot) return "bad slot '" + std::string(sl) + "'";
  s.slot = static_cast<uint32_t>(*slot);
  if (!parse_proc_endpoint(f[1], s.local_address, s.local_port))
    return "bad local address '" + std::string(f[1]) + "'";
  if (!parse_proc_endpoint(f[2], s.remote_address, s.remote_port))
    return "bad remote address '" + std::string(f[2]) + "'";
  auto st = parse_hex(f[3]);
  if (!st || *st > 0xff) return "bad state '" + std::string(f[3]) + "'";
  s.state = static_cast<uint8_t>(*st);
  if (!parse_pair(f[4], s.tx_queue, s.rx_queue)) return "bad queues '" + std::string(f[4]) + "'";
  uint64_t tr = 0;
  if (!parse_pair(f[5], tr, s.timer_expires_ticks) || tr > 0xff)
    return "bad timer '" + std::string(f[5]) + "'";
  s.timer_kind = static_cast<uint8_t>(tr);
  auto retr = parse_hex(f[6]);
  auto uid = parse_dec(f[7]);
  auto timeout = parse_dec(f[8]);
  auto inode = parse_dec(f[9]);
  if (!retr) return "bad retransmit count '" + std::string(f[6]) + "'";
  if (!uid) return "bad uid '" + std::string(f[7]) + "'";
  if (!timeout) return "bad timeout '" + std::string(f[8]) + "'";
  if (!inode) return "bad inode '" + std::string(f[9]) + "'";
  s.retransmits = static_cast<uint32_t>(*retr);
  s.uid = static_cast<uint32_t>(*uid);
  s.timeouts = static_cast<uint32_t>(*timeout);
  s.inode = *inode;
  return "";
}

// Optional trailing fields; the first one that does not parse ends the known part.
void parse_tail(const Fields& f, InetProtocol protocol, InetSocket& s) {
  size_t i = 10;
  auto next_dec = [&](auto& field) {
    if (i >= f.size()) return false;
    auto v = parse_signed_dec(f[i]);
    if (!v) return false;
    field = static_cast<std::remove_reference_t<decltype(field)>>(*v);
    ++i;
    return true;
  };
  auto next_hex = [&](uint64_t& field) {
    if (i >= f.size()) return false;
    auto v = parse_hex(f[i]);
    if (!v) return false;
    field = *v;
    ++i;
    return true;
  };
  // The socket's kernel address is checked but not kept: a pointer hashed per boot that no
  // netstat mode prints, and the costliest field to store (random bits in every frame).
  uint64_t kernel_address = 0;
  bool ok = next_dec(s.ref_count) && next_hex(kernel_address);
  if (ok && protocol == InetProtocol::kTcp) {
    ok = next_dec(s.retransmit_timeout_ticks) && next_dec(s.ack_timeout_ticks) &&
         next_dec(s.quick_ack) && next_dec(s.send_congestion_window) &&
         next_dec(s.slow_start_threshold);
  } else if (ok) {
    next_dec(s.drops);
  }
  std::string extra;
  for (; i < f.size(); ++i) {
    if (!extra.empty()) extra += ' ';
    extra += f[i];
  }
  s.extra_fields = std::move(extra);
}

std::string parse_socket(const Fields& f, InetSocket& s) {
  std::string error = parse_common(f, s);
  if (!error.empty()) return error;
  if (s.local_address.is_v6() != s.ipv6) return "address of the wrong family for this file";
  parse_tail(f, s.protocol, s);
  return "";
}

}  // namespace

void parse_proc_net_inet(std::string_view text, std::string_view path, InetProtocol protocol,
                         bool ipv6, std::vector<InetSocket>& out, Diagnostics& diag) {
  InetSocket prototype;
  prototype.protocol = protocol;
  prototype.ipv6 = ipv6;
  // Line 1 is the column header; netstat skips it whatever it says, and so do we.
  parse_records(text, path, 1, out, diag, parse_socket, prototype);
}

}  // namespace netsnap::capture
