// Tokens of a socket filter expression and the errors that point at them (private to
// src/analysis).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace netsnap::analysis::filter {

struct Token {
  enum class Kind : uint8_t { kWord, kQuoted, kSymbol, kEnd };
  Kind kind = Kind::kEnd;
  std::string text;      // quoted: without the quotes
  std::string spelling;  // as written, quotes included; for messages
  size_t column = 0;     // 1-based; one past the last character for kEnd
};

// Words run until blank space, a quote or one of ( ) = ! < > & |; symbols are those characters
// and == != <= >= && ||. The last token is always kEnd. Throws FilterError for an unterminated
// quote.
std::vector<Token> tokenize(std::string_view expression);

// Lowercase copy, for keywords that are case-insensitive.
std::string lowercase(std::string_view text);

// Whether the token is the unquoted word `lower`, in any case.
bool is_word(const Token& token, std::string_view lower);
// and, or, not: unquoted they join predicates and are never values.
bool is_connective(const Token& token);
// Whether `text` reads back as one word token.
bool is_plain_word(std::string_view text);

// Throws FilterError "filter: <what> at column N ('<spelling>')", or "(end of input)"; then
// "; <hint>" when there is one.
[[noreturn]] void fail_at(const Token& token, std::string_view what, std::string_view hint = {});

// Throws FilterError "filter: unknown <kind> '<spelling>' at column N; expected <expected>".
[[noreturn]] void fail_unknown(const Token& token, std::string_view kind,
                               std::string_view expected);

}  // namespace netsnap::analysis::filter
