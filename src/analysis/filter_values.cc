#include "filter_values.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "netsnap/model/socket_names.h"

namespace netsnap::analysis::filter {
namespace {

constexpr uint32_t bit(uint32_t state) { return tcp_state_bit(state); }
constexpr uint32_t kAllTcp = 0x1ffe;  // states 1 to 12
// ss's minisockets: request sockets and time-wait sockets.
constexpr uint32_t kBucket = bit(3) | bit(6) | bit(12);
constexpr uint32_t kConnectedTcp = kAllTcp & ~(bit(10) | bit(7));

struct StateWord {
  std::string_view name;   // canonical spelling
  std::string_view alias;  // another accepted spelling, or ""
  uint8_t tcp_state;       // the one TCP state it names; 0 for groups and unix words
  uint32_t states;
};

// ss's state words and groups. Only listen and connected also cover unix sockets.
constexpr StateWord kStateWords[] = {
    {"established", "", 1, bit(1)},
    {"syn-sent", "", 2, bit(2)},
    {"syn-recv", "", 3, bit(3)},
    {"fin-wait-1", "", 4, bit(4)},
    {"fin-wait-2", "", 5, bit(5)},
    {"time-wait", "", 6, bit(6)},
    {"close", "closed", 7, bit(7)},
    {"close-wait", "", 8, bit(8)},
    {"last-ack", "", 9, bit(9)},
    {"listen", "listening", 10, bit(10) | kUnixListening},
    {"closing", "", 11, bit(11)},
    {"new-syn-recv", "", 12, bit(12)},
    {"connected", "", 0, kConnectedTcp | kUnixConnected},
    {"synchronized", "", 0, kConnectedTcp & ~bit(2)},
    {"bucket", "", 0, kBucket},
    {"big", "", 0, kAllTcp & ~kBucket},
    {"unconnected", "", 0, kUnixUnconnected},
    {"connecting", "", 0, kUnixConnecting},
    {"disconnecting", "", 0, kUnixDisconnecting},
};

struct ProtocolWord {
  std::string_view name;
  bool versioned;  // also spelled with 4 or 6 to select the family
};

// Socket protocols, plus those only conntrack flows carry.
constexpr ProtocolWord kProtocolWords[] = {
    {"tcp", true},  {"udp", true}, {"udplite", true}, {"raw", true},   {"sctp", true},
    {"dccp", true}, {"gre", true}, {"unix", false},   {"icmp", false}, {"icmpv6", false},
};
constexpr std::string_view kProtocolList =
    "tcp, udp, udplite, raw, sctp, dccp, gre (each also with 4 or 6), unix, icmp, icmpv6";

// "fin-wait-1", "FIN_WAIT1" and "finwait1" are one word.
std::string state_key(std::string_view text) {
  std::string key = lowercase(text);
  std::erase_if(key, [](char c) { return c == '-' || c == '_'; });
  return key;
}

const StateWord* find_state_word(std::string_view text) {
  std::string key = state_key(text);
  for (const StateWord& word : kStateWords) {
    if (key == state_key(word.name) || (!word.alias.empty() && key == state_key(word.alias)))
      return &word;
  }
  return nullptr;
}

std::string state_list() {
  std::string list;
  for (const StateWord& word : kStateWords)
    list += (list.empty() ? "" : ", ") + std::string(word.name);
  return list;
}

const Token& expect_value(const Token& token, std::string_view what, std::string_view after) {
  if (token.kind == Token::Kind::kEnd || token.kind == Token::Kind::kSymbol || is_connective(token))
    fail_at(token, "expected " + std::string(what) + " after '" + std::string(after) + "'");
  return token;
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Decimal text up to `max`; nullopt when it is no number or too large.
std::optional<uint64_t> decimal(std::string_view text, uint64_t max) {
  uint64_t value = 0;
  if (!all_digits(text) || text.size() > 19) return std::nullopt;
  std::from_chars(text.data(), text.data() + text.size(), value);
  if (value > max) return std::nullopt;
  return value;
}

// A port as ss writes it, ":80" or "80", or a FilterError naming the token.
uint16_t port_text_value(std::string_view text, const Token& token, std::string_view context) {
  if (text.starts_with(':')) text.remove_prefix(1);
  if (all_digits(text)) {
    if (auto port = decimal(text, 65535)) return static_cast<uint16_t>(*port);
    fail_at(token, "port " + std::string(text) + " is out of range (0-65535)");
  }
  // Service names depend on the recording machine's /etc/services, so only numbers are taken.
  bool name = std::any_of(text.begin(), text.end(),
                          [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
  fail_at(token, "expected a port " + std::string(context),
          name ? "write its number: service names depend on the recording machine" : "");
}

// An address spec cut into its parts, before any of them is checked.
struct AddressParts {
  std::string_view host;  // "" or "*" for any
  std::optional<std::string_view> prefix;
  std::optional<std::string_view> port;
};

std::optional<AddressParts> split_address(std::string_view text) {
  AddressParts parts;
  std::string_view rest;
  if (text.starts_with('[')) {
    size_t close = text.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    parts.host = text.substr(1, close - 1);
    rest = text.substr(close + 1);
  } else {
    // A bare IPv6 address has colons of its own: a port can only follow its /prefix.
    bool bare_ipv6 = std::count(text.begin(), text.end(), ':') >= 2;
    size_t end = text.find_first_of(bare_ipv6 ? "/" : "/:");
    parts.host = text.substr(0, end);
    rest = end == std::string_view::npos ? "" : text.substr(end);
  }
  if (rest.starts_with('/')) {
    size_t colon = rest.find(':');
    parts.prefix = rest.substr(1, colon == std::string_view::npos ? colon : colon - 1);
    rest = colon == std::string_view::npos ? "" : rest.substr(colon);
  }
  if (rest.starts_with(':')) {
    parts.port = rest.substr(1);
    rest = {};
  }
  if (!rest.empty()) return std::nullopt;
  return parts;
}

uint8_t prefix_value(std::string_view text, const model::IpAddress& network, const Token& token) {
  uint64_t max = network.is_v4() ? 32 : 128;
  if (!all_digits(text)) fail_at(token, "expected a prefix length after '/'");
  if (auto length = decimal(text, max)) return static_cast<uint8_t>(*length);
  fail_at(token, "prefix length " + std::string(text) + " is out of range for " +
                     (network.is_v4() ? "IPv4 (0-32)" : "IPv6 (0-128)"));
}

}  // namespace

uint32_t unix_state_bits(const model::UnixSocket& socket) {
  std::string name = model::unix_state_name(socket);
  if (name == "LISTENING") return kUnixListening;
  if (name == "UNCONNECTED") return kUnixUnconnected;
  if (name == "CONNECTING") return kUnixConnecting;
  if (name == "CONNECTED") return kUnixConnected;
  if (name == "DISCONNECTING") return kUnixDisconnecting;
  return 0;
}

uint32_t conntrack_state_bits(std::string_view state) {
  const StateWord* word = state.empty() ? nullptr : find_state_word(state);
  return word && word->tcp_state != 0 ? bit(word->tcp_state) : 0;
}

std::optional<Compare> compare_of(const Token& token) {
  static constexpr std::pair<std::string_view, Compare> kSpellings[] = {
      {"=", Compare::kEq},  {"==", Compare::kEq}, {"eq", Compare::kEq}, {"!=", Compare::kNe},
      {"ne", Compare::kNe}, {"<", Compare::kLt},  {"lt", Compare::kLt}, {"<=", Compare::kLe},
      {"le", Compare::kLe}, {">", Compare::kGt},  {"gt", Compare::kGt}, {">=", Compare::kGe},
      {"ge", Compare::kGe}};
  if (token.kind != Token::Kind::kSymbol && token.kind != Token::Kind::kWord) return std::nullopt;
  std::string text = lowercase(token.text);
  for (const auto& [spelling, op] : kSpellings) {
    if (text == spelling) return op;
  }
  return std::nullopt;
}

std::string_view compare_text(Compare op) {
  static constexpr std::string_view kTexts[] = {"=", "!=", "<", "<=", ">", ">="};
  return kTexts[static_cast<size_t>(op)];
}

uint16_t port_value(const Token& token, std::string_view after) {
  expect_value(token, "a port", after);
  return port_text_value(token.text, token, "after '" + std::string(after) + "'");
}

uint32_t number_value(const Token& token, std::string_view after, std::string_view what) {
  expect_value(token, "a number", after);
  if (!all_digits(token.text))
    fail_at(token, "expected a number after '" + std::string(after) + "'");
  if (auto number = decimal(token.text, UINT32_MAX)) return static_cast<uint32_t>(*number);
  fail_at(token, std::string(what) + " " + token.text + " is out of range (0-4294967295)");
}

AddressSpec address_value(const Token& token, std::string_view after) {
  expect_value(token, "an address", after);
  auto parts = split_address(token.text);
  bool any = parts && (parts->host.empty() || parts->host == "*");
  if (!parts || (any && parts->prefix)) {
    fail_at(token, "expected ADDRESS[/PREFIX][:PORT], [IPV6][/PREFIX][:PORT] or *[:PORT] after '" +
                       std::string(after) + "'");
  }
  AddressSpec spec;
  if (!any) {
    spec.network = model::IpAddress::parse(parts->host);
    if (!spec.network) {
      fail_at(token, "expected a numeric IPv4 or IPv6 address after '" + std::string(after) + "'");
    }
    spec.prefix_length = static_cast<uint8_t>(spec.network->size() * 8);
    if (parts->prefix) spec.prefix_length = prefix_value(*parts->prefix, *spec.network, token);
  }
  if (parts->port) spec.port = port_text_value(*parts->port, token, "in the address");
  return spec;
}

StateTest state_value(const Token& token, std::string_view after) {
  expect_value(token, "a state", after);
  const StateWord* word = find_state_word(token.text);
  if (!word) fail_unknown(token, "state", state_list());
  return {word->name, word->states};
}

ProtocolTest protocol_value(const Token& token, std::string_view after) {
  expect_value(token, "a protocol", after);
  std::string text = lowercase(token.text);
  for (const ProtocolWord& word : kProtocolWords) {
    if (text == word.name) return {word.name, std::nullopt};
  }
  for (const ProtocolWord& word : kProtocolWords) {
    if (!word.versioned || text.size() != word.name.size() + 1 || !text.starts_with(word.name))
      continue;
    if (text.back() == '4') return {word.name, Family::kInet};
    if (text.back() == '6') return {word.name, Family::kInet6};
  }
  fail_unknown(token, "protocol", kProtocolList);
}

Family family_value(const Token& token, std::string_view after) {
  expect_value(token, "a family", after);
  std::string text = lowercase(token.text);
  if (text == "inet") return Family::kInet;
  if (text == "inet6") return Family::kInet6;
  if (text == "unix") return Family::kUnix;
  fail_unknown(token, "family", "inet, inet6, unix");
}

std::string name_value(const Token& token, std::string_view after, std::string_view what) {
  expect_value(token, "a " + std::string(what), after);
  if (token.text.empty())
    fail_at(token,
            "expected a non-empty " + std::string(what) + " after '" + std::string(after) + "'");
  return token.text;
}

std::string address_text(const AddressSpec& spec) {
  std::string text = "*";
  if (spec.network) {
    size_t full = spec.network->size() * 8;
    text =
        spec.network->is_v6() ? "[" + spec.network->to_string() + "]" : spec.network->to_string();
    if (spec.prefix_length != full) text += "/" + std::to_string(spec.prefix_length);
  }
  if (spec.port) text += ":" + std::to_string(*spec.port);
  return text;
}

std::string protocol_text(const ProtocolTest& test) {
  std::string text(test.name);
  if (test.family) text += *test.family == Family::kInet ? "4" : "6";
  return text;
}

std::string_view family_text(Family family) {
  switch (family) {
    case Family::kInet:
      return "inet";
    case Family::kInet6:
      return "inet6";
    case Family::kUnix:
      return "unix";
  }
  return "inet";
}

std::string name_text(std::string_view name) {
  Token as_word{Token::Kind::kWord, std::string(name), std::string(name), 1};
  if (is_plain_word(name) && !is_connective(as_word)) return std::string(name);
  char quote = name.find('\'') == std::string_view::npos ? '\'' : '"';
  return quote + std::string(name) + quote;
}

}  // namespace netsnap::analysis::filter
