// The canonical text of a parsed filter: lowercase keywords, explicit operators and "and", and
// parentheses only where precedence needs them, so that it parses back to the same tree.
#include "filter_ast.h"
#include "filter_values.h"

namespace netsnap::analysis::filter {
namespace {

std::string end_word(End end, std::string_view local, std::string_view remote,
                     std::string_view either) {
  return std::string(end == End::kLocal ? local : end == End::kRemote ? remote : either);
}

std::string text_of(const PortTest& test) {
  return end_word(test.end, "sport", "dport", "port") + " " + std::string(compare_text(test.op)) +
         " " + std::to_string(test.port);
}

std::string text_of(const AddressTest& test) {
  return end_word(test.end, "src", "dst", "addr") + " " + address_text(test.spec);
}

std::string text_of(const StateTest& test) { return "state " + std::string(test.word); }

std::string text_of(const ProtocolTest& test) { return "proto " + protocol_text(test); }

std::string text_of(const FamilyTest& test) {
  return "family " + std::string(family_text(test.family));
}

std::string text_of(const PidTest& test) {
  return "pid " + std::string(compare_text(test.op)) + " " + std::to_string(test.pid);
}

std::string text_of(const UidTest& test) {
  return "uid " + std::string(compare_text(test.op)) + " " + std::to_string(test.uid);
}

std::string text_of(const ProgramTest& test) { return "program " + name_text(test.pattern); }

// An operand, in parentheses when it binds more loosely than `binding`.
std::string operand_text(const Node& operand, Node::Kind binding) {
  bool loose = (operand.kind == Node::Kind::kOr && binding != Node::Kind::kOr) ||
               (operand.kind == Node::Kind::kAnd && binding == Node::Kind::kNot);
  std::string text = expression_text(operand);
  return loose ? "(" + text + ")" : text;
}

std::string joined(const Node& node, std::string_view separator) {
  std::string text;
  for (const NodePtr& operand : node.operands) {
    if (!text.empty()) text += separator;
    text += operand_text(*operand, node.kind);
  }
  return text;
}

}  // namespace

std::string expression_text(const Node& node) {
  switch (node.kind) {
    case Node::Kind::kPredicate:
      return std::visit([](const auto& test) { return text_of(test); }, node.predicate);
    case Node::Kind::kNot:
      return "not " + operand_text(*node.operands.front(), Node::Kind::kNot);
    case Node::Kind::kAnd:
      return joined(node, " and ");
    case Node::Kind::kOr:
      return joined(node, " or ");
  }
  return {};
}

}  // namespace netsnap::analysis::filter
