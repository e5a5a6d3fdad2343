// Socket tables in the kernel's seq_printf formats: /proc/net/{tcp,udp,udplite,raw}{,6}
// (net/ipv4/tcp_ipv4.c, udp.c, raw.c, net/ipv6/datagram.c), /proc/net/unix (net/unix/af_unix.c)
// and /proc/net/sctp{,6}/{eps,assocs} (net/sctp/proc.c).
#include <string>

#include "fixture_tree.h"
#include "netsnap/model/socket_names.h"

namespace netsnap::render::fixture {
namespace {

using model::InetProtocol;
using model::InetSocket;
using ull = unsigned long long;

constexpr char kTcp4Header[] =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout "
    "inode";
constexpr char kDgram4Header[] =
    "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout "
    "inode ref pointer drops";
constexpr char kInet6Header[] =
    "  sl  local_address                         remote_address                        st "
    "tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode";

// TIME_WAIT and SYN_RECV (request) sockets have their own, shorter kernel line; the fields it
// lacks are the ones capture leaves 0.
bool short_tcp_line(const InetSocket& s) {
  return (s.state == 6 || s.state == 3) && s.retransmit_timeout_ticks == 0 &&
         s.ack_timeout_ticks == 0 && s.quick_ack == 0 && s.send_congestion_window == 0 &&
         s.slow_start_threshold == 0 && s.extra_fields.empty();
}

std::string inet_line(const InetSocket& s) {
  bool tcp = s.protocol == InetProtocol::kTcp;
  bool wide_slot = !tcp && !(s.protocol == InetProtocol::kRaw && !s.ipv6);
  std::string line =
      strprintf(wide_slot ? "%5u: %s:%04X %s:%04X %02X %08llX:%08llX %02X:%08llX %08X %5u %8u %llu"
                          : "%4u: %s:%04X %s:%04X %02X %08llX:%08llX %02X:%08llX %08X %5u %8u %llu",
                s.slot, proc_address(s.local_address).c_str(), s.local_port,
                proc_address(s.remote_address).c_str(), s.remote_port, s.state, ull{s.tx_queue},
                ull{s.rx_queue}, s.timer_kind, ull{s.timer_expires_ticks}, s.retransmits, s.uid,
                s.timeouts, ull{s.inode});
  line += strprintf(" %d %016llx", static_cast<int32_t>(s.ref_count), ull{s.kernel_address});
  if (tcp && !short_tcp_line(s)) {
    line += strprintf(" %u %u %u %u %d", s.retransmit_timeout_ticks, s.ack_timeout_ticks,
                      s.quick_ack, s.send_congestion_window, s.slow_start_threshold);
  } else if (!tcp) {
    line += strprintf(" %llu", ull{s.drops});
  }
  if (!s.extra_fields.empty()) line += " " + s.extra_fields;
  return line;
}

// IPv4 tcp and udp lines are padded like their header (seq_setwidth/seq_pad); the rest are not.
std::string inet_table(const model::Snapshot& snapshot, const model::InetSocketFile& file,
                       bool& has_data) {
  bool tcp = file.protocol == InetProtocol::kTcp, raw = file.protocol == InetProtocol::kRaw;
  size_t width = file.ipv6 || raw ? 0 : tcp ? 149 : 127;
  std::string header = file.ipv6 ? kInet6Header : tcp ? kTcp4Header : kDgram4Header;
  if (file.ipv6 && !tcp) header += " ref pointer drops";
  if (raw && !file.ipv6) header.erase(0, 1);  // raw's "sl" column is one narrower
  std::string text = padded(header, width) + "\n";
  for (const auto& s : snapshot.inet_sockets) {
    if (s.protocol != file.protocol || s.ipv6 != file.ipv6) continue;
    text += padded(inet_line(s), width) + "\n";
    has_data = true;
  }
  return text;
}

std::string unix_table(const model::Snapshot& s) {
  bool inode = s.unix_has_inode_column;
  std::string text = inode ? "Num       RefCount Protocol Flags    Type St Inode Path\n"
                           : "Num       RefCount Protocol Flags    Type St Path\n";
  for (const auto& u : s.unix_sockets) {
    text += strprintf("%016llx: %08X %08X %08X %04X %02X", ull{u.kernel_address}, u.ref_count,
                      u.protocol, u.flags, u.type, u.state);
    if (inode) text += strprintf(" %5llu", ull{u.inode});
    if (!u.path.empty()) text += " " + u.path;
    text += "\n";
  }
  return text;
}

std::string sctp_addresses(const std::vector<model::SctpAddress>& addresses) {
  std::string text;
  for (const auto& a : addresses)
    text += (a.primary ? "*" : "") + kernel_address_text(a.address) + " ";
  return text;
}

std::string sctp_eps(const model::Snapshot& s, bool ipv6) {
  std::string text = " ENDPT     SOCK   STY SST HBKT LPORT   UID INODE LADDRS\n";
  for (const auto& e : s.sctp_endpoints) {
    if (e.ipv6 != ipv6) continue;
    text += strprintf("%016llx %016llx %-3u %-3u %-4u %-5u %5u %5llu ", ull{e.endpoint_address},
                      ull{e.socket_address}, e.style, e.socket_state, e.hash_bucket, e.local_port,
                      e.uid, ull{e.inode});
    text += sctp_addresses(e.local_addresses) + "\n";
  }
  return text;
}

std::string sctp_assocs(const model::Snapshot& s, bool ipv6) {
  std::string text =
      " ASSOC     SOCK   STY SST ST HBKT ASSOC-ID TX_QUEUE RX_QUEUE UID INODE LPORT RPORT LADDRS "
      "<-> RADDRS HBINT INS OUTS MAXRT T1X T2X RTXC wmema wmemq sndbuf rcvbuf\n";
  for (const auto& a : s.sctp_associations) {
    if (a.ipv6 != ipv6) continue;
    text += strprintf("%016llx %016llx %-3u %-3u %-2u %-4u %4u %8llu %8llu %7u %5llu %-5u %5u ",
                      ull{a.association_address}, ull{a.socket_address}, a.style, a.socket_state,
                      a.association_state, a.hash_bucket, a.association_id, ull{a.tx_queue},
                      ull{a.rx_queue}, a.uid, ull{a.inode}, a.local_port, a.remote_port);
    text += sctp_addresses(a.local_addresses) + "<-> " + sctp_addresses(a.remote_addresses);
    if (!a.extra_fields.empty()) text += "\t" + a.extra_fields;
    text += "\n";
  }
  return text;
}

}  // namespace

void write_sockets(const model::Snapshot& s, const FixtureTree& tree) {
  for (const auto& file : model::kInetSocketFiles) {
    bool has_data = false;
    std::string text = inet_table(s, file, has_data);
    tree.write_source(s, file.path, text, has_data);
  }
  for (bool v6 : {false, true}) {
    std::string dir = v6 ? "proc/net/sctp6/" : "proc/net/sctp/";
    tree.write_source(s, dir + "eps", sctp_eps(s, v6), !s.sctp_endpoints.empty());
    tree.write_source(s, dir + "assocs", sctp_assocs(s, v6), !s.sctp_associations.empty());
  }
  tree.write_source(s, "proc/net/unix", unix_table(s), !s.unix_sockets.empty());
}

}  // namespace netsnap::render::fixture
