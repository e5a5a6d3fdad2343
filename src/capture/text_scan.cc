#include "netsnap/capture/text_scan.h"

#include <array>
#include <charconv>
#include <cstring>

namespace netsnap::capture {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
  }
  return lines;
}

std::vector<std::string_view> split_fields(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) fields.push_back(line.substr(start, i - start));
  }
  return fields;
}

namespace {
template <typename T>
std::optional<T> parse_whole(std::string_view token, int base) {
  if (token.empty()) return std::nullopt;
  T value{};
  auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), value, base);
  if (ec != std::errc() || ptr != token.data() + token.size()) return std::nullopt;
  return value;
}
}  // namespace

std::optional<uint64_t> parse_hex(std::string_view token) {
  return parse_whole<uint64_t>(token, 16);
}
std::optional<uint64_t> parse_dec(std::string_view token) {
  return parse_whole<uint64_t>(token, 10);
}
std::optional<int64_t> parse_signed_dec(std::string_view token) {
  return parse_whole<int64_t>(token, 10);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string quoted(std::string_view token) { return "'" + std::string(token) + "'"; }

std::optional<model::IpAddress> parse_proc_address(std::string_view hex) {
  if (hex.size() != 8 && hex.size() != 32) return std::nullopt;
  std::array<uint8_t, 16> bytes{};
  for (size_t word = 0; word < hex.size() / 8; ++word) {
    auto value = parse_hex(hex.substr(word * 8, 8));
    if (!value) return std::nullopt;
    uint32_t native = static_cast<uint32_t>(*value);
    std::memcpy(bytes.data() + word * 4, &native, 4);
  }
  if (hex.size() == 8) return model::IpAddress::v4({bytes[0], bytes[1], bytes[2], bytes[3]});
  return model::IpAddress::v6(bytes);
}

std::optional<model::IpAddress> parse_ipv6_bytes_hex(std::string_view hex) {
  if (hex.size() != 32) return std::nullopt;
  std::array<uint8_t, 16> bytes{};
  for (size_t i = 0; i < 16; ++i) {
    auto value = parse_hex(hex.substr(i * 2, 2));
    if (!value) return std::nullopt;
    bytes[i] = static_cast<uint8_t>(*value);
  }
  return model::IpAddress::v6(bytes);
}

bool parse_proc_endpoint(std::string_view token, model::IpAddress& address, uint16_t& port) {
  size_t colon = token.find(':');
  if (colon == std::string_view::npos) return false;
  auto a = parse_proc_address(token.substr(0, colon));
  auto p = parse_hex(token.substr(colon + 1));
  if (!a || !p || *p > 0xffff) return false;
  address = *a;
  port = static_cast<uint16_t>(*p);
  return true;
}

}  // namespace netsnap::capture
