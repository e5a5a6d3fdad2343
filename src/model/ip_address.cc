#include "netsnap/model/ip_address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace netsnap::model {

IpAddress IpAddress::v4(const std::array<uint8_t, 4>& bytes) {
  IpAddress a;
  a.family_ = Family::kIpv4;
  std::copy(bytes.begin(), bytes.end(), a.bytes_.begin());
  return a;
}

IpAddress IpAddress::v6(const std::array<uint8_t, 16>& bytes) {
  IpAddress a;
  a.family_ = Family::kIpv6;
  a.bytes_ = bytes;
  return a;
}

IpAddress IpAddress::from_bytes(std::string_view bytes) {
  IpAddress a;
  if (bytes.size() != 4 && bytes.size() != 16) return a;
  a.family_ = bytes.size() == 4 ? Family::kIpv4 : Family::kIpv6;
  std::memcpy(a.bytes_.data(), bytes.data(), bytes.size());
  return a;
}

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return std::nullopt;
  std::string s(text);
  IpAddress a;
  if (inet_pton(AF_INET, s.c_str(), a.bytes_.data()) == 1) {
    a.family_ = Family::kIpv4;
    return a;
  }
  if (inet_pton(AF_INET6, s.c_str(), a.bytes_.data()) == 1) {
    a.family_ = Family::kIpv6;
    return a;
  }
  return std::nullopt;
}

bool IpAddress::is_unspecified() const {
  return std::all_of(bytes_.begin(), bytes_.begin() + size(), [](uint8_t b) { return b == 0; });
}

bool IpAddress::is_v4_mapped() const {
  if (!is_v6()) return false;
  static constexpr uint8_t kPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  return std::memcmp(bytes_.data(), kPrefix, sizeof kPrefix) == 0;
}

std::string IpAddress::to_string() const {
  if (family_ == Family::kNone) return {};
  char buf[INET6_ADDRSTRLEN];
  inet_ntop(is_v4() ? AF_INET : AF_INET6, bytes_.data(), buf, sizeof buf);
  return buf;
}

}  // namespace netsnap::model
