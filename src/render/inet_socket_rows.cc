// tcp, udp, udplite and raw rows of the socket listing (NETSTAT-FORMAT.md §3).
#include <algorithm>
#include <cstdio>

#include "netsnap/render/address_text.h"
#include "netsnap/render/columns.h"
#include "socket_listing.h"

namespace netsnap::render {
namespace {

using model::InetProtocol;
using model::InetSocket;

// What differs between the four protocols' files.
struct InetFiles {
  InetProtocol protocol;
  SectionFiles files;
  std::string_view proto4, proto6;  // the Proto column
  std::string_view service;         // services database protocol for port names
};

constexpr InetFiles kFiles[] = {
    {InetProtocol::kTcp,
     {"proc/net/tcp", "proc/net/tcp6", "AF INET (tcp)", "tcp"},
     "tcp",
     "tcp6",
     "tcp"},
    {InetProtocol::kUdp,
     {"proc/net/udp", "proc/net/udp6", "AF INET (udp)", "udp"},
     "udp",
     "udp6",
     "udp"},
    {InetProtocol::kUdpLite,
     {"proc/net/udplite", "proc/net/udplite6", "AF INET (udplite)", "udp"},
     "udpl",
     "udpl6",
     "udp"},
    {InetProtocol::kRaw,
     {"proc/net/raw", "proc/net/raw6", "AF INET (raw)", "raw"},
     "raw",
     "raw6",
     "raw"},
};

const InetFiles& files_of(InetProtocol protocol) {
  return *std::find_if(std::begin(kFiles), std::end(kFiles),
                       [&](const InetFiles& f) { return f.protocol == protocol; });
}

// §3.5: tcp servers have no remote port, the others no remote address.
bool is_server(const InetSocket& s) {
  if (s.protocol == InetProtocol::kTcp) return s.remote_port == 0;
  return s.remote_address.is_unspecified();
}

// netstat's snprintf into its 128-byte address buffer.
constexpr size_t kAddressBuffer = 127;

// §3.4: host ":" port, cut to 23 characters unless -W.
void append_endpoint(std::string& line, const SocketListing& listing,
                     const model::IpAddress& address, uint16_t port, std::string_view service) {
  const NetstatOptions& o = listing.options();
  std::string host = inet_host_text(address, o.numeric_hosts, listing.names());
  std::string port_name = port_text(port, service, o.numeric_ports, listing.names());
  size_t start = line.size();
  if (!o.wide && host.size() + port_name.size() > 22) {
    size_t port_length = std::min<size_t>(port_name.size(), 18);
    line.append(host, 0, 22 - port_length);
    line += ':';
    line.append(port_name, 0, port_length);
  } else {
    line.append(host);
    line += ':';
    line.append(port_name);
    if (line.size() - start > kAddressBuffer) line.resize(start + kAddressBuffer);
  }
  pad_from(line, start, 23);
}

void append_state(std::string& line, const InetSocket& s) {
  size_t start = line.size();
  switch (s.protocol) {
    case InetProtocol::kTcp:
      line.append(tcp_state_name(s.state));
      break;
    case InetProtocol::kUdp:
    case InetProtocol::kUdpLite:
      line.append(s.state == 1 ? "ESTABLISHED" : s.state == 7 ? "" : "UNKNOWN");
      break;
    case InetProtocol::kRaw:
      append_number(line, static_cast<int64_t>(s.state));
      break;
  }
  pad_from(line, start, 11);
}

// §3.8. tcp divides by the clock tick rate, udp and raw by a fixed 100; udp shows no retransmits.
std::string timer_text(const InetSocket& s, uint32_t ticks_per_second) {
  bool tcp = s.protocol == InetProtocol::kTcp;
  long retransmits = s.protocol == InetProtocol::kRaw || tcp ? static_cast<long>(s.retransmits) : 0;
  int timeouts = static_cast<int>(static_cast<int32_t>(s.timeouts));
  double seconds = static_cast<double>(s.timer_expires_ticks) /
                   (tcp ? static_cast<double>(ticks_per_second) : 100);
  char text[64];
  int kind = s.timer_kind;
  static constexpr const char* kTcpKinds[] = {"on", "keepalive", "timewait", "probe"};
  if (kind == 0) {
    std::snprintf(text, sizeof text, "off (0.00/%ld/%d)", retransmits, timeouts);
  } else if (tcp && kind <= 4) {
    std::snprintf(text, sizeof text, "%s (%2.2f/%ld/%d)", kTcpKinds[kind - 1], seconds, retransmits,
                  timeouts);
  } else if (!tcp && kind <= 2) {
    std::snprintf(text, sizeof text, "on%d (%2.2f/%ld/%d)", kind, seconds, retransmits, timeouts);
  } else {
    std::snprintf(text, sizeof text, "unkn-%d (%2.2f/%ld/%d)", kind, seconds, retransmits,
                  timeouts);
  }
  return text;
}

class InetRowWriter {
 public:
  InetRowWriter(const SocketListing& listing, const InetFiles& files, Output& output)
      : listing_(listing), files_(files), output_(output) {
    ticks_ = listing.snapshot().host.clock_ticks_per_second;
    if (ticks_ == 0) ticks_ = 100;
  }

  void print_file(bool ipv6) {
    for (const InetSocket& s : listing_.snapshot().inet_sockets) {
      if (s.protocol != files_.protocol || s.ipv6 != ipv6) continue;
      if (!row_selected(listing_.options(), is_server(s))) continue;
      print_row(s, ipv6 ? files_.proto6 : files_.proto4);
    }
  }

 private:
  void print_row(const InetSocket& s, std::string_view proto) {
    line_.clear();
    append_left(line_, proto, 5);
    line_ += ' ';
    append_right(line_, static_cast<int64_t>(s.rx_queue), 6);
    line_ += ' ';
    append_right(line_, static_cast<int64_t>(s.tx_queue), 6);
    line_ += ' ';
    append_endpoint(line_, listing_, s.local_address, s.local_port, files_.service);
    line_ += ' ';
    append_endpoint(line_, listing_, s.remote_address, s.remote_port, files_.service);
    line_ += ' ';
    append_state(line_, s);
    std::string timer = listing_.options().timers ? timer_text(s, ticks_) : std::string();
    listing_.append_tail(line_, s.uid, s.inode, timer);
    output_.out(line_);
  }

  const SocketListing& listing_;
  const InetFiles& files_;
  Output& output_;
  uint32_t ticks_ = 100;
  std::string line_;  // reused for every row
};

}  // namespace

int render_inet_sockets(const SocketListing& listing, InetProtocol protocol, Output& output) {
  const InetFiles& files = files_of(protocol);
  InetRowWriter writer(listing, files, output);
  return render_file_pair(listing, files.files, output,
                          [&](bool ipv6) { writer.print_file(ipv6); });
}

}  // namespace netsnap::render
