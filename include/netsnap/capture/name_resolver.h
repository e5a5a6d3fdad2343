// Name lookups made at capture time. The keys a snapshot needs are collected from it and resolved
// through a NameResolver; the result travels in the snapshot's NameTable, so replay never consults
// the replaying machine.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "netsnap/model/snapshot.h"

namespace netsnap::capture {

// The keys of a snapshot that netstat would look up, each set sorted and without duplicates.
struct NameKeys {
  std::vector<model::IpAddress> hosts4, networks4, hosts6;
  std::vector<std::pair<uint16_t, std::string>> services;  // (port, "tcp"/"udp"/"raw")
  std::vector<uint32_t> protocols;
  std::vector<uint32_t> users;
};
NameKeys collect_name_keys(const model::Snapshot& snapshot);

class NameResolver {
 public:
  virtual ~NameResolver() = default;
  // Resolves every key it can within its own time bound; absent keys had no name.
  virtual model::NameTable resolve(const NameKeys& keys) = 0;
};

// Reads hosts, networks, services, protocols and passwd from etc_dir, falling back file by file
// to fallback_dir (this machine's /etc); never DNS. Mirrors glibc's "files" backend.
std::unique_ptr<NameResolver> make_files_resolver(std::string etc_dir,
                                                  std::string fallback_dir = "/etc");

// Uses this machine's name service (NSS), as netstat does. Host and network lookups run on a
// background thread with a cache; a lookup still running after budget_ms is left for a later
// frame, so a slow DNS server never stalls recording.
std::unique_ptr<NameResolver> make_live_resolver(int budget_ms = 200);

}  // namespace netsnap::capture
