// The hardware line of ifconfig's block: net-tools' table of ARPHRD types (as Debian builds it:
// `ifconfig --help` lists them), each with its name, title and way of printing an address.
#include <cstdio>
#include <string>

#include "interface_table.h"

namespace netsnap::render {
namespace {

// How a type prints its address. kNone prints no address; kEmpty an empty one (the name is then
// followed by two spaces and the empty text); the others format the first bytes.
enum class AddressStyle {
  kNone,
  kEmpty,
  kEtherLower,  // 6 bytes xx:xx:...
  kColonUpper6,
  kColonUpper8,
  kDashUpper6,
  kOneByte,
  kDlci,   // the first two bytes as a signed short
  kUnspec  // 16 bytes XX-XX-...
};

struct HardwareType {
  int type;
  const char* name;
  const char* title;
  AddressStyle style;
};

// Types whose addresses net-tools prints in ways netsnap does not reproduce (AX.25 callsigns,
// ROSE, X.25, Econet, IrDA, Ash) keep their name and title but print no address.
constexpr HardwareType kTypes[] = {
    {772, "loop", "Local Loopback", AddressStyle::kNone},
    {256, "slip", "Serial Line IP", AddressStyle::kNone},
    {257, "cslip", "VJ Serial Line IP", AddressStyle::kNone},
    {258, "slip6", "6-bit Serial Line IP", AddressStyle::kNone},
    {259, "cslip6", "VJ 6-bit Serial Line IP", AddressStyle::kNone},
    {264, "adaptive", "Adaptive Serial Line IP", AddressStyle::kNone},
    {781, "ash", "Ash", AddressStyle::kNone},
    {1, "ether", "Ethernet", AddressStyle::kEtherLower},
    {3, "ax25", "AMPR AX.25", AddressStyle::kNone},
    {0, "netrom", "AMPR NET/ROM", AddressStyle::kNone},
    {270, "rose", "AMPR ROSE", AddressStyle::kNone},
    {768, "tunnel", "IPIP Tunnel", AddressStyle::kEmpty},
    {512, "ppp", "Point-to-Point Protocol", AddressStyle::kNone},
    {513, "hdlc", "(Cisco)-HDLC", AddressStyle::kNone},
    {516, "lapb", "LAPB", AddressStyle::kNone},
    {7, "arcnet", "ARCnet", AddressStyle::kOneByte},
    {15, "dlci", "Frame Relay DLCI", AddressStyle::kDlci},
    {770, "frad", "Frame Relay Access Device", AddressStyle::kNone},
    {776, "sit", "IPv6-in-IPv4", AddressStyle::kNone},
    {774, "fddi", "Fiber Distributed Data Interface", AddressStyle::kDashUpper6},
    {780, "hippi", "HIPPI", AddressStyle::kColonUpper6},
    {783, "irda", "IrLAP", AddressStyle::kNone},
    {782, "ec", "Econet", AddressStyle::kNone},
    {271, "x25", "generic X.25", AddressStyle::kNone},
    {27, "eui64", "Generic EUI-64", AddressStyle::kColonUpper8},
};
constexpr HardwareType kUnspec = {-1, "unspec", "UNSPEC", AddressStyle::kUnspec};

std::string joined_hex(const uint8_t* bytes, size_t count, const char* format, char separator) {
  std::string text;
  char part[4];
  for (size_t i = 0; i < count; ++i) {
    if (i > 0) text += separator;
    std::snprintf(part, sizeof part, format, bytes[i]);
    text += part;
  }
  return text;
}

std::string address_text(AddressStyle style, const uint8_t* b) {
  switch (style) {
    case AddressStyle::kEtherLower:
      return joined_hex(b, 6, "%02x", ':');
    case AddressStyle::kColonUpper6:
      return joined_hex(b, 6, "%02X", ':');
    case AddressStyle::kColonUpper8:
      return joined_hex(b, 8, "%02X", ':');
    case AddressStyle::kDashUpper6:
      return joined_hex(b, 6, "%02X", '-');
    case AddressStyle::kOneByte:
      return joined_hex(b, 1, "%02X", ':');
    case AddressStyle::kDlci:
      return std::to_string(static_cast<int16_t>(b[0] | (b[1] << 8)));
    case AddressStyle::kUnspec:
      return joined_hex(b, 16, "%02X", '-');
    case AddressStyle::kNone:
    case AddressStyle::kEmpty:
      break;
  }
  return "";
}

const HardwareType& hardware_type(const std::optional<uint16_t>& type) {
  if (type) {
    for (const auto& t : kTypes)
      if (t.type == *type) return t;
  }
  return kUnspec;
}

}  // namespace

HardwareText hardware_text(const model::Interface& device) {
  const HardwareType& type = hardware_type(device.hardware_type);
  // netstat copies 8 bytes of SIOCGIFHWADDR's answer into a zeroed 32-byte buffer.
  uint8_t bytes[32] = {};
  for (size_t i = 0; i < 8 && i < device.hardware_address.size(); ++i)
    bytes[i] = static_cast<uint8_t>(device.hardware_address[i]);
  std::string text = type.name;
  if (type.style != AddressStyle::kNone) text.append(" ").append(address_text(type.style, bytes));
  return {text, type.title};
}

}  // namespace netsnap::render
