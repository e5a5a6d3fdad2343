// The socket filter language: an ss-like expression ("state established and dport = :443") that
// keeps the sockets and conntrack flows of a snapshot it matches. README.md ("Filtering sockets")
// documents the grammar; src/analysis/filter_parser.cc implements it.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "netsnap/model/snapshot.h"
#include "netsnap/model/socket_names.h"

namespace netsnap::analysis {

namespace filter {
struct Node;  // the parsed expression (src/analysis/filter_ast.h)
}

// A syntax error: what() names the offending text and its 1-based column, e.g.
// "filter: expected a port after 'dport =' at column 9 ('x')".
struct FilterError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A parsed filter expression. Copies are cheap: they share one immutable tree.
class SocketFilter {
 public:
  SocketFilter() = default;  // matches everything
  // Throws FilterError. A blank expression matches everything.
  static SocketFilter parse(std::string_view expression);
  // Several --filter options: a socket must match all of them.
  static SocketFilter all_of(std::vector<SocketFilter> filters);

  bool matches_everything() const { return root_ == nullptr; }
  // Owners decide pid and program; sockets without an inode (TIME_WAIT) have none.
  bool matches(const model::InetSocket& socket, const model::SocketOwners& owners) const;
  bool matches(const model::UnixSocket& socket, const model::SocketOwners& owners) const;
  bool matches(const model::SctpEndpoint& endpoint, const model::SocketOwners& owners) const;
  bool matches(const model::SctpAssociation& association, const model::SocketOwners& owners) const;
  // Flows have no owner and no uid: pid, program and uid never match them.
  bool matches(const model::ConntrackFlow& flow) const;

  // The expression in canonical form ("" when it matches everything); parsing it again gives the
  // same filter.
  std::string to_string() const;

 private:
  explicit SocketFilter(std::shared_ptr<const filter::Node> root) : root_(std::move(root)) {}

  std::shared_ptr<const filter::Node> root_;  // null: matches everything
};

// Keeps only the sockets (inet, sctp endpoints and associations, unix) and conntrack flows of the
// snapshot that match; everything else (processes, routes, interfaces, statistics, ...) stays.
void apply_filter(const SocketFilter& filter, model::Snapshot& snapshot);

}  // namespace netsnap::analysis
