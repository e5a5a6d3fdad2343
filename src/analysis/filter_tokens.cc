#include "filter_tokens.h"

#include <cctype>

#include "netsnap/analysis/socket_filter.h"

namespace netsnap::analysis::filter {
namespace {

constexpr std::string_view kSymbolChars = "()=!<>&|";
constexpr std::string_view kTwoCharSymbols[] = {"==", "!=", "<=", ">=", "&&", "||"};

bool is_blank(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool ends_word(char c) {
  return is_blank(c) || c == '\'' || c == '"' || kSymbolChars.find(c) != std::string_view::npos;
}

Token symbol_at(std::string_view text, size_t pos) {
  std::string_view pair = text.substr(pos, 2);
  for (std::string_view symbol : kTwoCharSymbols) {
    if (pair == symbol)
      return {Token::Kind::kSymbol, std::string(pair), std::string(pair), pos + 1};
  }
  std::string one(1, text[pos]);
  return {Token::Kind::kSymbol, one, one, pos + 1};
}

Token quoted_at(std::string_view text, size_t pos) {
  size_t close = text.find(text[pos], pos + 1);
  if (close == std::string_view::npos) {
    Token open{Token::Kind::kQuoted, "", std::string(text.substr(pos)), pos + 1};
    fail_at(open, "unterminated quote");
  }
  return {Token::Kind::kQuoted, std::string(text.substr(pos + 1, close - pos - 1)),
          std::string(text.substr(pos, close - pos + 1)), pos + 1};
}

Token word_at(std::string_view text, size_t pos) {
  size_t end = pos;
  while (end < text.size() && !ends_word(text[end])) ++end;
  std::string word(text.substr(pos, end - pos));
  return {Token::Kind::kWord, word, word, pos + 1};
}

}  // namespace

std::vector<Token> tokenize(std::string_view expression) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (true) {
    while (pos < expression.size() && is_blank(expression[pos])) ++pos;
    if (pos == expression.size()) break;
    char c = expression[pos];
    if (kSymbolChars.find(c) != std::string_view::npos) {
      tokens.push_back(symbol_at(expression, pos));
    } else if (c == '\'' || c == '"') {
      tokens.push_back(quoted_at(expression, pos));
    } else {
      tokens.push_back(word_at(expression, pos));
    }
    pos += tokens.back().spelling.size();
  }
  tokens.push_back({Token::Kind::kEnd, "", "", expression.size() + 1});
  return tokens;
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_word(const Token& token, std::string_view lower) {
  return token.kind == Token::Kind::kWord && lowercase(token.text) == lower;
}

bool is_connective(const Token& token) {
  return is_word(token, "and") || is_word(token, "or") || is_word(token, "not");
}

bool is_plain_word(std::string_view text) {
  for (char c : text) {
    if (ends_word(c)) return false;
  }
  return !text.empty();
}

void fail_at(const Token& token, std::string_view what, std::string_view hint) {
  std::string shown = token.kind == Token::Kind::kEnd ? "end of input" : "'" + token.spelling + "'";
  std::string message = "filter: " + std::string(what) + " at column " +
                        std::to_string(token.column) + " (" + shown + ")";
  if (!hint.empty()) message += "; " + std::string(hint);
  throw FilterError(message);
}

void fail_unknown(const Token& token, std::string_view kind, std::string_view expected) {
  throw FilterError("filter: unknown " + std::string(kind) + " '" + token.spelling +
                    "' at column " + std::to_string(token.column) + "; expected " +
                    std::string(expected));
}

}  // namespace netsnap::analysis::filter
