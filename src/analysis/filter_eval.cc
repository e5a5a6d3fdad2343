#include "filter_eval.h"

#include <fnmatch.h>
#include <strings.h>

#include <algorithm>
#include <cstring>

namespace netsnap::analysis::filter {
namespace {

template <typename T>
bool compare(T value, Compare op, T operand) {
  switch (op) {
    case Compare::kEq:
      return value == operand;
    case Compare::kNe:
      return value != operand;
    case Compare::kLt:
      return value < operand;
    case Compare::kLe:
      return value <= operand;
    case Compare::kGt:
      return value > operand;
    case Compare::kGe:
      return value >= operand;
  }
  return false;
}

bool same_prefix(const uint8_t* a, const uint8_t* b, unsigned bits) {
  unsigned whole = bits / 8;
  if (std::memcmp(a, b, whole) != 0) return false;
  unsigned rest = bits % 8;
  if (rest == 0) return true;
  uint8_t mask = static_cast<uint8_t>(0xff << (8 - rest));
  return (a[whole] & mask) == (b[whole] & mask);
}

// tcp6 sockets carry IPv4 peers as ::ffff:a.b.c.d, so an IPv4 network also covers those.
bool in_network(const AddressSpec& spec, const model::IpAddress& address) {
  if (!spec.network) return true;
  const model::IpAddress& network = *spec.network;
  if (network.is_v4() && address.is_v4_mapped())
    return same_prefix(address.data() + 12, network.data(), spec.prefix_length);
  return address.family() == network.family() &&
         same_prefix(address.data(), network.data(), spec.prefix_length);
}

bool end_matches(const AddressSpec& spec, const SocketEnd& end) {
  if (!end.present || (spec.port && end.port != *spec.port)) return false;
  if (end.address) return in_network(spec, *end.address);
  if (!end.sctp_addresses) return false;
  return std::any_of(end.sctp_addresses->begin(), end.sctp_addresses->end(),
                     [&](const model::SctpAddress& a) { return in_network(spec, a.address); });
}

// The test on the ends it names: either end satisfies kEither.
template <typename EndTest>
bool on_ends(End which, const FilterSubject& subject, EndTest test) {
  if (which == End::kLocal) return test(subject.local);
  if (which == End::kRemote) return test(subject.remote);
  return test(subject.local) || test(subject.remote);
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && strncasecmp(a.data(), b.data(), a.size()) == 0;
}

bool program_matches(const std::string& pattern, const std::string& program) {
  if (pattern.find_first_of("*?[") == std::string::npos) return program == pattern;
  return fnmatch(pattern.c_str(), program.c_str(), 0) == 0;
}

template <typename OwnerTest>
bool any_owner(const FilterSubject& subject, OwnerTest test) {
  return subject.owners && std::any_of(subject.owners->begin(), subject.owners->end(), test);
}

bool holds(const PortTest& test, const FilterSubject& subject) {
  return on_ends(test.end, subject, [&](const SocketEnd& end) {
    return end.present && compare(end.port, test.op, test.port);
  });
}

bool holds(const AddressTest& test, const FilterSubject& subject) {
  return on_ends(test.end, subject,
                 [&](const SocketEnd& end) { return end_matches(test.spec, end); });
}

bool holds(const StateTest& test, const FilterSubject& subject) {
  return (subject.states & test.states) != 0;
}

bool holds(const ProtocolTest& test, const FilterSubject& subject) {
  return equal_ignoring_case(subject.protocol, test.name) &&
         (!test.family || subject.family == *test.family);
}

bool holds(const FamilyTest& test, const FilterSubject& subject) {
  return subject.family == test.family;
}

bool holds(const PidTest& test, const FilterSubject& subject) {
  return any_owner(subject,
                   [&](const auto& owner) { return compare(owner.pid, test.op, test.pid); });
}

bool holds(const UidTest& test, const FilterSubject& subject) {
  return subject.uid && compare(*subject.uid, test.op, test.uid);
}

bool holds(const ProgramTest& test, const FilterSubject& subject) {
  return any_owner(subject,
                   [&](const auto& owner) { return program_matches(test.pattern, owner.program); });
}

}  // namespace

bool evaluate(const Node& node, const FilterSubject& subject) {
  auto operand_holds = [&](const NodePtr& operand) { return evaluate(*operand, subject); };
  switch (node.kind) {
    case Node::Kind::kPredicate:
      return std::visit([&](const auto& test) { return holds(test, subject); }, node.predicate);
    case Node::Kind::kNot:
      return !evaluate(*node.operands.front(), subject);
    case Node::Kind::kAnd:
      return std::all_of(node.operands.begin(), node.operands.end(), operand_holds);
    case Node::Kind::kOr:
      return std::any_of(node.operands.begin(), node.operands.end(), operand_holds);
  }
  return false;
}

}  // namespace netsnap::analysis::filter
