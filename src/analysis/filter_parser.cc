// The filter grammar, by recursive descent (README.md, "Filtering sockets"):
//
//   expr   := and { ("or" | "||") and }
//   and    := unary { ["and" | "&&"] unary }      -- juxtaposition also means and, as in ss
//   unary  := ("not" | "!") unary | "(" expr ")" | predicate
#include <utility>

#include "filter_ast.h"
#include "filter_tokens.h"
#include "filter_values.h"

namespace netsnap::analysis::filter {
namespace {

constexpr size_t kMaxNesting = 100;

constexpr std::string_view kPredicateWords =
    "sport, dport, port, src, dst, addr, state, proto, family, pid, program, uid, not, or '('";

bool is_symbol(const Token& token, std::string_view symbol) {
  return token.kind == Token::Kind::kSymbol && token.text == symbol;
}

bool is_or(const Token& token) { return is_word(token, "or") || is_symbol(token, "||"); }
bool is_and(const Token& token) { return is_word(token, "and") || is_symbol(token, "&&"); }
bool is_not(const Token& token) { return is_word(token, "not") || is_symbol(token, "!"); }

// Where an and-chain stops: anything else that follows a predicate is joined to it by "and".
bool ends_and_chain(const Token& token) {
  return token.kind == Token::Kind::kEnd || is_symbol(token, ")") || is_or(token);
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  NodePtr parse_all() {
    if (peek().kind == Token::Kind::kEnd) return nullptr;
    NodePtr root = parse_or();
    // parse_or stops only at the end or at a ')' that no '(' opened.
    if (peek().kind != Token::Kind::kEnd) fail_at(peek(), "unmatched ')', no '(' is open");
    return root;
  }

 private:
  NodePtr parse_or() {
    std::vector<NodePtr> operands{parse_and()};
    while (is_or(peek())) {
      advance();
      operands.push_back(parse_and());
    }
    return make_group(Node::Kind::kOr, std::move(operands));
  }

  NodePtr parse_and() {
    std::vector<NodePtr> operands{parse_unary()};
    while (!ends_and_chain(peek())) {
      if (is_and(peek())) advance();
      operands.push_back(parse_unary());
    }
    return make_group(Node::Kind::kAnd, std::move(operands));
  }

  NodePtr parse_unary() {
    const Token& token = peek();
    if (is_not(token)) {
      enter(advance());
      NodePtr negated = make_not(parse_unary());
      --depth_;
      return negated;
    }
    if (is_symbol(token, "(")) {
      enter(token);
      NodePtr inner = parse_parenthesized();
      --depth_;
      return inner;
    }
    if (token.kind == Token::Kind::kWord && !is_connective(token)) return parse_predicate();
    std::string what = "expected a filter";
    if (pos_ > 0) what += " after '" + tokens_[pos_ - 1].spelling + "'";
    fail_at(token, what);
  }

  NodePtr parse_parenthesized() {
    const Token& open = advance();
    NodePtr inner = parse_or();
    if (!is_symbol(peek(), ")"))
      fail_at(peek(), "expected ')' to close the '(' of column " + std::to_string(open.column));
    advance();
    return inner;
  }

  NodePtr parse_predicate() {
    const Token& keyword = advance();
    std::string word = lowercase(keyword.text);
    if (word == "sport") return make_predicate(port_test(keyword, End::kLocal));
    if (word == "dport") return make_predicate(port_test(keyword, End::kRemote));
    if (word == "port") return make_predicate(port_test(keyword, End::kEither));
    if (word == "src") return make_predicate(AddressTest{End::kLocal, address(keyword)});
    if (word == "dst") return make_predicate(AddressTest{End::kRemote, address(keyword)});
    if (word == "addr") return make_predicate(AddressTest{End::kEither, address(keyword)});
    if (word == "state") return make_predicate(state_value(advance(), keyword.spelling));
    if (word == "proto" || word == "protocol")
      return make_predicate(protocol_value(advance(), keyword.spelling));
    if (word == "family")
      return make_predicate(FamilyTest{family_value(advance(), keyword.spelling)});
    if (word == "pid") return make_predicate(pid_test(keyword));
    if (word == "uid") return make_predicate(uid_test(keyword));
    if (word == "program" || word == "comm")
      return make_predicate(ProgramTest{name_value(advance(), keyword.spelling, "program name")});
    fail_unknown(keyword, "word", kPredicateWords);
  }

  PortTest port_test(const Token& keyword, End end) {
    auto [op, after] = comparison(keyword);
    return {end, op, port_value(advance(), after)};
  }

  AddressSpec address(const Token& keyword) { return address_value(advance(), keyword.spelling); }

  PidTest pid_test(const Token& keyword) {
    auto [op, after] = comparison(keyword);
    return {op, number_value(advance(), after, "pid")};
  }

  UidTest uid_test(const Token& keyword) {
    auto [op, after] = comparison(keyword);
    return {op, number_value(advance(), after, "uid")};
  }

  // The optional operator after a keyword ("=" when absent), and the text so far for messages.
  std::pair<Compare, std::string> comparison(const Token& keyword) {
    std::optional<Compare> op = compare_of(peek());
    if (!op) return {Compare::kEq, keyword.spelling};
    return {*op, keyword.spelling + " " + advance().spelling};
  }

  // Each "not" and "(" nests one level deeper. Parsing, evaluating, printing and freeing a filter
  // all recurse once per level, so the depth is bounded well short of the stack's end.
  void enter(const Token& token) {
    if (++depth_ > kMaxNesting)
      fail_at(token, "more than " + std::to_string(kMaxNesting) + " nested 'not' and '('");
  }

  const Token& peek() const { return tokens_[pos_]; }

  // The current token, moving past it; the final kEnd token stays current.
  const Token& advance() {
    const Token& token = tokens_[pos_];
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return token;
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  size_t depth_ = 0;
};

}  // namespace

NodePtr make_predicate(Predicate predicate) {
  return std::make_shared<const Node>(Node{Node::Kind::kPredicate, std::move(predicate), {}});
}

NodePtr make_not(NodePtr operand) {
  return std::make_shared<const Node>(Node{Node::Kind::kNot, {}, {std::move(operand)}});
}

NodePtr make_group(Node::Kind kind, std::vector<NodePtr> operands) {
  if (operands.size() == 1) return std::move(operands.front());
  std::vector<NodePtr> flat;
  for (NodePtr& operand : operands) {
    if (operand->kind != kind) {
      flat.push_back(std::move(operand));
      continue;
    }
    flat.insert(flat.end(), operand->operands.begin(), operand->operands.end());
  }
  return std::make_shared<const Node>(Node{kind, {}, std::move(flat)});
}

NodePtr parse_expression(std::string_view expression) {
  return Parser(tokenize(expression)).parse_all();
}

}  // namespace netsnap::analysis::filter
