// The parsed form of a socket filter (private to src/analysis): a tree of predicates joined by
// and, or and not. Nodes are immutable once built, so filters share them freely.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "netsnap/model/ip_address.h"

namespace netsnap::analysis::filter {

enum class Compare : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };

// Which end of a socket a port or address predicate looks at: sport/src, dport/dst, port/addr.
enum class End : uint8_t { kLocal, kRemote, kEither };

enum class Family : uint8_t { kInet, kInet6, kUnix };

// "10.0.0.0/8", "[::1]:80", "*".
struct AddressSpec {
  std::optional<model::IpAddress> network;  // nullopt: any address ("*")
  uint8_t prefix_length = 0;                // bits of network that must match
  std::optional<uint16_t> port;
};

struct PortTest {
  End end = End::kLocal;
  Compare op = Compare::kEq;
  uint16_t port = 0;
};

struct AddressTest {
  End end = End::kLocal;
  AddressSpec spec;
};

// States are bits: TCP state numbers as they are (1 << 1 ... 1 << 12), unix states above them
// (filter_values.h).
struct StateTest {
  std::string_view word;  // canonical spelling, from the static state table
  uint32_t states = 0;
};

struct ProtocolTest {
  std::string_view name;         // "tcp", "unix", ...; from the static protocol table
  std::optional<Family> family;  // tcp4, tcp6, ...
};

struct FamilyTest {
  Family family = Family::kInet;
};

struct PidTest {
  Compare op = Compare::kEq;
  uint32_t pid = 0;
};

struct UidTest {
  Compare op = Compare::kEq;
  uint32_t uid = 0;
};

struct ProgramTest {
  std::string pattern;  // exact name, or an fnmatch glob when it holds * ? or [
};

using Predicate = std::variant<PortTest, AddressTest, StateTest, ProtocolTest, FamilyTest, PidTest,
                               UidTest, ProgramTest>;

struct Node;
using NodePtr = std::shared_ptr<const Node>;

struct Node {
  enum class Kind : uint8_t { kPredicate, kNot, kAnd, kOr };
  Kind kind = Kind::kPredicate;
  Predicate predicate;            // kPredicate
  std::vector<NodePtr> operands;  // kNot: one; kAnd, kOr: two or more
};

NodePtr make_predicate(Predicate predicate);
NodePtr make_not(NodePtr operand);
// An and/or of the operands, flattening nested ones of the same kind; one operand is returned as
// is.
NodePtr make_group(Node::Kind kind, std::vector<NodePtr> operands);

// The expression's tree; nullptr when the expression is blank. Throws FilterError.
NodePtr parse_expression(std::string_view expression);

// Canonical text of a tree, parenthesized only where precedence needs it.
std::string expression_text(const Node& node);

}  // namespace netsnap::analysis::filter
