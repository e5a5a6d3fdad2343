// Evaluating a parsed filter against one socket or flow (private to src/analysis). Every kind of
// socket is first described as a FilterSubject, so each predicate is written once.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "filter_ast.h"
#include "netsnap/model/snapshot.h"
#include "netsnap/model/socket_names.h"

namespace netsnap::analysis::filter {

// One end of a socket. Unix sockets have neither end, SCTP endpoints no remote one; predicates on
// a missing end are false.
struct SocketEnd {
  bool present = false;
  uint16_t port = 0;
  const model::IpAddress* address = nullptr;                        // inet sockets, flows
  const std::vector<model::SctpAddress>* sctp_addresses = nullptr;  // sctp: any may match
};

struct FilterSubject {
  SocketEnd local;
  SocketEnd remote;
  std::string_view protocol;  // "tcp", "unix", "sctp", or a flow's own
  Family family = Family::kInet;
  uint32_t states = 0;  // StateTest bits of the state it is in; 0 when none applies
  const std::vector<model::SocketOwner>* owners = nullptr;  // null: pid and program never match
  std::optional<uint32_t> uid;
};

bool evaluate(const Node& node, const FilterSubject& subject);

}  // namespace netsnap::analysis::filter
