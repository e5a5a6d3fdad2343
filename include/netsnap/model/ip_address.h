// An IPv4 or IPv6 address in network byte order, independent of the recording machine.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace netsnap::model {

class IpAddress {
 public:
  enum class Family : uint8_t { kNone, kIpv4, kIpv6 };

  IpAddress() = default;
  static IpAddress v4(const std::array<uint8_t, 4>& bytes);
  static IpAddress v6(const std::array<uint8_t, 16>& bytes);
  // Raw network-order bytes: 4 for IPv4, 16 for IPv6, anything else gives kNone.
  static IpAddress from_bytes(std::string_view bytes);
  // Numeric text ("10.0.0.1", "fe80::1"); nullopt when it is neither.
  static std::optional<IpAddress> parse(std::string_view text);

  Family family() const { return family_; }
  bool is_v4() const { return family_ == Family::kIpv4; }
  bool is_v6() const { return family_ == Family::kIpv6; }
  size_t size() const { return is_v4() ? 4 : is_v6() ? 16 : 0; }
  const uint8_t* data() const { return bytes_.data(); }
  std::string_view bytes() const { return {reinterpret_cast<const char*>(bytes_.data()), size()}; }

  bool is_unspecified() const;  // 0.0.0.0 or ::
  bool is_v4_mapped() const;    // ::ffff:a.b.c.d
  // Numeric text as inet_ntop prints it; empty for kNone.
  std::string to_string() const;

  bool operator==(const IpAddress&) const = default;
  auto operator<=>(const IpAddress&) const = default;

 private:
  Family family_ = Family::kNone;
  std::array<uint8_t, 16> bytes_{};
};

}  // namespace netsnap::model
