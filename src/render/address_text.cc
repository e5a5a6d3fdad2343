#include "netsnap/render/address_text.h"

namespace netsnap::render {
namespace {

// "::ffff:10.0.0.1" -> "10.0.0.1": everything up to the last ':' before the first '.'.
void strip_v4_mapped_prefix(std::string& text) {
  size_t dot = text.find('.');
  if (dot == std::string::npos) return;
  size_t colon = text.rfind(':', dot);
  if (colon != std::string::npos) text.erase(0, colon + 1);
}

// netstat resolves into a 128-byte buffer: IPv4 names are cut to fit, while getnameinfo refuses
// an IPv6 name that does not fit and netstat shows the address instead.
constexpr size_t kNameBuffer = 128;

std::string resolved_v4(const model::IpAddress& address, const NameLookup& names) {
  if (address.is_unspecified()) return "0.0.0.0";
  const std::string* name = address.data()[0] == 0 ? names.network(address) : names.host(address);
  return name ? name->substr(0, kNameBuffer - 1) : address.to_string();
}

std::string resolved_v6(const model::IpAddress& address, const NameLookup& names) {
  if (address.is_unspecified()) return "[::]";
  const std::string* name = names.host(address);
  return name && name->size() < kNameBuffer ? *name : address.to_string();
}

}  // namespace

std::string inet_host_text(const model::IpAddress& address, bool numeric, const NameLookup& names) {
  if (address.is_v4()) return numeric ? address.to_string() : resolved_v4(address, names);
  std::string text = numeric ? address.to_string() : resolved_v6(address, names);
  if (address.is_v4_mapped()) strip_v4_mapped_prefix(text);
  return text;
}

std::string port_text(uint16_t port, std::string_view service_protocol, bool numeric,
                      const NameLookup& names) {
  // netstat copies the name into a 64-byte buffer.
  constexpr size_t kNameLength = 63;
  if (port == 0) return "*";
  if (!numeric) {
    if (service_protocol == "raw") {
      if (const std::string* name = names.protocol(port)) return name->substr(0, kNameLength);
    }
    if (const std::string* name = names.service(port, service_protocol))
      return name->substr(0, kNameLength);
  }
  return std::to_string(port);
}

}  // namespace netsnap::render
