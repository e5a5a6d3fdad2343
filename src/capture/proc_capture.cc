#include "netsnap/capture/proc_capture.h"

#include <cstring>
#include <functional>
#include <optional>
#include <string>

#include "netsnap/capture/proc_parsers.h"
#include "netsnap/capture/process_scan.h"
#include "netsnap/capture/text_scan.h"
#include "netsnap/model/socket_names.h"

namespace netsnap::capture {
namespace {

using model::InetProtocol;
using Parser = std::function<void(std::string_view text, std::string_view path)>;

// Reads path and hands it to parse when present; records what was found either way.
void read_source(const RootFs& fs, std::string_view path, model::Snapshot& snapshot,
                 Diagnostics& diag, const Parser& parse) {
  ReadResult r = fs.read(path);
  model::SourceStatus status{std::string(path), model::SourceState::kPresent, 0};
  if (r.state == ReadResult::State::kAbsent) status.state = model::SourceState::kAbsent;
  if (r.state == ReadResult::State::kUnreadable) {
    status.state = model::SourceState::kUnreadable;
    status.error_number = r.error_number;
    diag.unreadable(path, r.reason);
  }
  snapshot.sources.push_back(status);
  if (r.ok()) parse(r.text, path);
}

void capture_sockets(const RootFs& fs, model::Snapshot& s, Diagnostics& diag) {
  for (const auto& f : model::kInetSocketFiles) {
    read_source(fs, f.path, s, diag, [&](auto text, auto path) {
      parse_proc_net_inet(text, path, f.protocol, f.ipv6, s.inet_sockets, diag);
    });
  }
  for (bool v6 : {false, true}) {
    std::string dir = v6 ? "proc/net/sctp6/" : "proc/net/sctp/";
    read_source(fs, dir + "eps", s, diag, [&](auto text, auto path) {
      parse_proc_net_sctp_eps(text, path, v6, s.sctp_endpoints, diag);
    });
    read_source(fs, dir + "assocs", s, diag, [&](auto text, auto path) {
      parse_proc_net_sctp_assocs(text, path, v6, s.sctp_associations, diag);
    });
  }
  read_source(fs, "proc/net/unix", s, diag, [&](auto text, auto path) {
    parse_proc_net_unix(text, path, s.unix_sockets, s.unix_has_inode_column, diag);
  });
}

void capture_routes_and_interfaces(const RootFs& fs, model::Snapshot& s, Diagnostics& diag) {
  read_source(fs, "proc/net/route", s, diag, [&](auto text, auto path) {
    s.routes4_header = proc_header_line(text);
    parse_proc_net_route(text, path, s.routes4, diag);
  });
  read_source(fs, "proc/net/rt_cache", s, diag, [&](auto text, auto path) {
    s.route_cache_header = proc_header_line(text);
    parse_proc_net_rt_cache(text, path, s.route_cache, diag);
  });
  read_source(fs, "proc/net/ipv6_route", s, diag, [&](auto text, auto path) {
    parse_proc_net_ipv6_route(text, path, s.routes6, diag);
  });
  read_source(fs, "proc/net/dev", s, diag,
              [&](auto text, auto path) { parse_proc_net_dev(text, path, s.interfaces, diag); });
  read_source(fs, "proc/net/if_inet6", s, diag, [&](auto text, auto path) {
    parse_proc_net_if_inet6(text, path, s.interfaces, diag);
  });
  read_source(fs, "proc/net/igmp", s, diag,
              [&](auto text, auto path) { parse_proc_net_igmp(text, path, s.multicast, diag); });
  read_source(fs, "proc/net/igmp6", s, diag,
              [&](auto text, auto path) { parse_proc_net_igmp6(text, path, s.multicast, diag); });
}

void capture_statistics_and_nat(const RootFs& fs, model::Snapshot& s, Diagnostics& diag) {
  for (const char* file : {"proc/net/snmp", "proc/net/netstat"}) {
    read_source(fs, file, s, diag,
                [&](auto text, auto path) { parse_proc_net_snmp(text, path, s.statistics, diag); });
  }
  read_source(fs, "proc/net/snmp6", s, diag,
              [&](auto text, auto path) { parse_proc_net_snmp6(text, path, s.statistics, diag); });
  read_source(fs, "proc/net/sctp/snmp", s, diag, [&](auto text, auto path) {
    parse_proc_net_sctp_snmp(text, path, s.statistics, diag);
  });
  read_source(fs, "proc/net/nf_conntrack", s, diag, [&](auto text, auto path) {
    parse_proc_net_nf_conntrack(text, path, s.conntrack, diag);
  });
  if (s.find_source("proc/net/nf_conntrack")->state == model::SourceState::kAbsent) {
    read_source(fs, "proc/net/ip_conntrack", s, diag, [&](auto text, auto path) {
      parse_proc_net_nf_conntrack(text, path, s.conntrack, diag);
    });
  }
  read_source(fs, "proc/net/ip_masquerade", s, diag, [&](auto text, auto path) {
    parse_proc_net_ip_masquerade(text, path, s.masquerade, diag);
  });
}

std::optional<uint64_t> read_number(const RootFs& fs, const std::string& path, int base) {
  std::string text = read_trimmed(fs, path);
  if (base == 16 && text.rfind("0x", 0) == 0) text = text.substr(2);
  return base == 16 ? parse_hex(text) : parse_dec(text);
}

std::string parse_mac(std::string_view text) {
  std::string bytes;
  for (auto part = text; !part.empty();) {
    size_t colon = part.find(':');
    auto value = parse_hex(part.substr(0, colon));
    if (!value || *value > 0xff) return {};
    bytes.push_back(static_cast<char>(*value));
    part = colon == std::string_view::npos ? std::string_view() : part.substr(colon + 1);
  }
  return bytes;
}

// sysfs shows the device's own flags, without IFF_RUNNING; SIOCGIFFLAGS (what netstat and the
// live capture read) adds it while the device is up and operationally up. operstate says so
// ("unknown" counts as up); without it, a loopback device is always operationally up.
uint32_t ioctl_flags(const RootFs& fs, const std::string& dir, uint32_t flags,
                     std::optional<uint16_t> type) {
  constexpr uint32_t kUp = 0x1, kRunning = 0x40;
  constexpr uint16_t kLoopback = 772;
  if (!(flags & kUp)) return flags;
  std::string operstate = read_trimmed(fs, dir + "operstate");
  if (operstate.empty()) return type == kLoopback ? flags | kRunning : flags;
  bool running = operstate == "up" || operstate == "unknown";
  return running ? flags | kRunning : flags & ~kRunning;
}

void read_interface_dir(const RootFs& fs, model::Interface& i) {
  std::string dir = "sys/class/net/" + i.name + "/";
  if (auto v = read_number(fs, dir + "ifindex", 10)) i.index = static_cast<uint32_t>(*v);
  if (auto v = read_number(fs, dir + "mtu", 10)) i.mtu = static_cast<uint32_t>(*v);
  if (auto v = read_number(fs, dir + "type", 10)) i.hardware_type = static_cast<uint16_t>(*v);
  if (auto v = read_number(fs, dir + "flags", 16))
    i.flags = ioctl_flags(fs, dir, static_cast<uint32_t>(*v), i.hardware_type);
  if (auto v = read_number(fs, dir + "tx_queue_len", 10))
    i.tx_queue_length = static_cast<uint32_t>(*v);
  i.hardware_address = parse_mac(read_trimmed(fs, dir + "address"));
}

// The kernel gives an up loopback device 127.0.0.1/8 by itself. Fixture roots have no file for
// interface addresses (netstat reads them by ioctl), so an up "lo" is taken to have it, as every
// real host's has; netstat -i lists it, and -ie prints its inet line.
void add_loopback_address(model::Interface& i) {
  constexpr uint32_t kUp = 0x1;
  if (i.name != "lo" || !i.flags || !(*i.flags & kUp) || !i.addresses4.empty()) return;
  i.addresses4.push_back({"lo", model::IpAddress::v4({127, 0, 0, 1}),
                          model::IpAddress::v4({255, 0, 0, 0}), std::nullopt, std::nullopt});
}

}  // namespace

std::string read_trimmed(const RootFs& fs, std::string_view relative) {
  std::string text = fs.read(relative, 1 << 16).text;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

void capture_proc_tables(const RootFs& fs, model::Snapshot& s, Diagnostics& diag) {
  capture_sockets(fs, s, diag);
  scan_processes(fs, s.processes, s.process_scan, diag);
  capture_routes_and_interfaces(fs, s, diag);
  capture_statistics_and_nat(fs, s, diag);
}

void capture_sys_class_net(const RootFs& fs, model::Snapshot& s, Diagnostics& diag) {
  int error = 0;
  auto entries = fs.list("sys/class/net", &error);
  if (entries) {
    for (const auto& e : *entries) model::find_or_add_interface(s.interfaces, e.name);
  } else if (error != ENOENT) {
    diag.unreadable("sys/class/net", std::strerror(error));
  }
  for (auto& i : s.interfaces) {
    read_interface_dir(fs, i);
    add_loopback_address(i);
  }
}

}  // namespace netsnap::capture
