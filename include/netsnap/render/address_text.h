// How netstat turns an Internet address or port into text (NETSTAT-FORMAT.md §3.4), shared by the
// modes that print them (sockets, groups, route cache, masquerade).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "netsnap/model/ip_address.h"
#include "netsnap/render/name_lookup.h"

namespace netsnap::render {

// Host part: dotted quad / inet_ntop text when numeric; otherwise 0.0.0.0 stays, 0.x.y.z is a
// network lookup, other IPv4 a host lookup, :: becomes [::], other IPv6 a host lookup (numeric
// text when unresolved). The ::ffff: prefix of an IPv4-mapped address is never shown.
std::string inet_host_text(const model::IpAddress& address, bool numeric, const NameLookup& names);

// Port part: "*" for 0; the service name for `service_protocol` ("tcp", "udp") unless numeric;
// for "raw" the protocol name first, then a raw service; else the decimal number.
std::string port_text(uint16_t port, std::string_view service_protocol, bool numeric,
                      const NameLookup& names);

}  // namespace netsnap::render
