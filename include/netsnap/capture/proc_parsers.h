// Parsers for the kernel's text files. Each takes the whole file text and the path it came from
// (relative to the root, used in warnings), appends what it understood to the model, and reports
// every malformed line to Diagnostics with its 1-based line number, then goes on with the next.
// They never read files themselves: the sources (live, fixture) do that, tests pass text inline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "netsnap/capture/diagnostics.h"
#include "netsnap/model/snapshot.h"

namespace netsnap::capture {

// /proc/net/{tcp,tcp6,udp,udp6,udplite,udplite6,raw,raw6}
void parse_proc_net_inet(std::string_view text, std::string_view path, model::InetProtocol protocol,
                         bool ipv6, std::vector<model::InetSocket>& out, Diagnostics& diag);

// /proc/net/unix; sets has_inode_column from the header line.
void parse_proc_net_unix(std::string_view text, std::string_view path,
                         std::vector<model::UnixSocket>& out, bool& has_inode_column,
                         Diagnostics& diag);

// /proc/net/sctp/eps and /proc/net/sctp/assocs (sctp6 variants share the format).
void parse_proc_net_sctp_eps(std::string_view text, std::string_view path, bool ipv6,
                             std::vector<model::SctpEndpoint>& out, Diagnostics& diag);
void parse_proc_net_sctp_assocs(std::string_view text, std::string_view path, bool ipv6,
                                std::vector<model::SctpAssociation>& out, Diagnostics& diag);

// /proc/net/route and /proc/net/ipv6_route
void parse_proc_net_route(std::string_view text, std::string_view path,
                          std::vector<model::Route4>& out, Diagnostics& diag);
void parse_proc_net_ipv6_route(std::string_view text, std::string_view path,
                               std::vector<model::Route6>& out, Diagnostics& diag);
// /proc/net/rt_cache in either layout its header names (Linux 2.2+ or 2.0); only the header on
// Linux 3.6 and later.
void parse_proc_net_rt_cache(std::string_view text, std::string_view path,
                             std::vector<model::RouteCacheEntry>& out, Diagnostics& diag);
// The first line of a file as netstat reads it to check a header: newline included, "" when
// the file is empty.
std::string proc_header_line(std::string_view text);

// /proc/net/dev: creates (or completes) one Interface per line, with counters, in file order.
void parse_proc_net_dev(std::string_view text, std::string_view path,
                        std::vector<model::Interface>& interfaces, Diagnostics& diag);

// /proc/net/if_inet6: attaches addresses to the interfaces by name, creating unknown ones.
void parse_proc_net_if_inet6(std::string_view text, std::string_view path,
                             std::vector<model::Interface>& interfaces, Diagnostics& diag);

// /proc/net/igmp and /proc/net/igmp6
void parse_proc_net_igmp(std::string_view text, std::string_view path,
                         std::vector<model::MulticastGroup>& out, Diagnostics& diag);
void parse_proc_net_igmp6(std::string_view text, std::string_view path,
                          std::vector<model::MulticastGroup>& out, Diagnostics& diag);

// /proc/net/snmp and /proc/net/netstat (paired "Title: keys" / "Title: values" lines).
void parse_proc_net_snmp(std::string_view text, std::string_view path,
                         std::vector<model::StatSection>& out, Diagnostics& diag);
// /proc/net/snmp6 ("Ip6InReceives 12" lines, sections split at the key's first '6').
void parse_proc_net_snmp6(std::string_view text, std::string_view path,
                          std::vector<model::StatSection>& out, Diagnostics& diag);
// /proc/net/sctp/snmp ("SctpCurrEstab 0" lines, one section "Sctp").
void parse_proc_net_sctp_snmp(std::string_view text, std::string_view path,
                              std::vector<model::StatSection>& out, Diagnostics& diag);

// /proc/net/nf_conntrack (and the older /proc/net/ip_conntrack, which lacks the l3 columns).
void parse_proc_net_nf_conntrack(std::string_view text, std::string_view path,
                                 std::vector<model::ConntrackFlow>& out, Diagnostics& diag);

// /proc/net/ip_masquerade (Linux 2.2 only; kept for fixtures that have it).
void parse_proc_net_ip_masquerade(std::string_view text, std::string_view path,
                                  std::vector<model::MasqueradeEntry>& out, Diagnostics& diag);

}  // namespace netsnap::capture
