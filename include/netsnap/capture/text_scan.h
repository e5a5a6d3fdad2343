// Small, allocation-free helpers for reading the kernel's text formats.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "netsnap/model/ip_address.h"

namespace netsnap::capture {

// Splits text into lines (without '\n'); a final line without '\n' still counts.
std::vector<std::string_view> split_lines(std::string_view text);

// Splits on runs of spaces and tabs.
std::vector<std::string_view> split_fields(std::string_view line);

// Whole-token numbers; nullopt when the token is empty, has a stray character or overflows.
std::optional<uint64_t> parse_hex(std::string_view token);
std::optional<uint64_t> parse_dec(std::string_view token);
std::optional<int64_t> parse_signed_dec(std::string_view token);

// A decimal (base 10) or hex (base 16) token that must fit field's type; false leaves it as is.
template <typename T>
bool parse_field(std::string_view token, int base, T& field) {
  auto value = base == 16 ? parse_hex(token) : parse_dec(token);
  if (!value || *value > std::numeric_limits<T>::max()) return false;
  field = static_cast<T>(*value);
  return true;
}

// Without leading and trailing spaces and tabs.
std::string_view trim(std::string_view s);

// The token in single quotes, for warnings: 'ZZZZ0000'.
std::string quoted(std::string_view token);

// An address as /proc/net prints it: 8 hex digits for IPv4, 32 for IPv6, each 32-bit word in the
// recording machine's byte order (what the kernel's %08X of a network-order word gives).
std::optional<model::IpAddress> parse_proc_address(std::string_view hex);

// 32 hex digits written byte by byte in network order (ipv6_route, if_inet6, igmp6).
std::optional<model::IpAddress> parse_ipv6_bytes_hex(std::string_view hex);

// "ADDR:PORT" with both parts in hex, as in /proc/net/tcp.
bool parse_proc_endpoint(std::string_view token, model::IpAddress& address, uint16_t& port);

}  // namespace netsnap::capture
