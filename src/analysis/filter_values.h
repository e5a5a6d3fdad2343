// The values that follow a filter keyword: comparison operators, numbers, ports, addresses, and
// the state, protocol and family words (private to src/analysis). Each *_value function reads one
// token and throws FilterError naming it when it is not such a value; `after` is the text before
// it, for the message ("dport =").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "filter_ast.h"
#include "filter_tokens.h"
#include "netsnap/model/snapshot.h"

namespace netsnap::analysis::filter {

// StateTest bits. TCP states keep the kernel's numbers (ESTABLISHED = 1 ... NEW_SYN_RECV = 12);
// unix states, which have words of their own, sit above them.
constexpr uint32_t tcp_state_bit(uint32_t state) {
  return state >= 1 && state <= 12 ? 1u << state : 0;
}
constexpr uint32_t kUnixUnconnected = 1u << 16;
constexpr uint32_t kUnixConnecting = 1u << 17;
constexpr uint32_t kUnixConnected = 1u << 18;
constexpr uint32_t kUnixDisconnecting = 1u << 19;
constexpr uint32_t kUnixListening = 1u << 20;

// The state bit of a unix socket; 0 for FREE and unknown states.
uint32_t unix_state_bits(const model::UnixSocket& socket);
// The TCP state bit of a conntrack state name (ESTABLISHED, TIME_WAIT, ...), normalised as state
// words are; 0 for names that are no TCP state (NONE, FIN_WAIT, SYN_SENT2, "").
uint32_t conntrack_state_bits(std::string_view state);

// The operator a token spells (= == != < <= > >= eq ne lt le gt ge); nullopt when none.
std::optional<Compare> compare_of(const Token& token);
std::string_view compare_text(Compare op);

uint16_t port_value(const Token& token, std::string_view after);
// A decimal uint32 (pid, uid); `what` names it in messages.
uint32_t number_value(const Token& token, std::string_view after, std::string_view what);
AddressSpec address_value(const Token& token, std::string_view after);
StateTest state_value(const Token& token, std::string_view after);
ProtocolTest protocol_value(const Token& token, std::string_view after);
Family family_value(const Token& token, std::string_view after);
// A word or quoted string, for program names; `what` names it ("program name").
std::string name_value(const Token& token, std::string_view after, std::string_view what);

std::string address_text(const AddressSpec& spec);
std::string protocol_text(const ProtocolTest& test);
std::string_view family_text(Family family);
// The name as a word when it reads back as one, else quoted.
std::string name_text(std::string_view name);

}  // namespace netsnap::analysis::filter
