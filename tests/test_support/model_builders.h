// Small model objects for tests, written inline: tcp("10.0.0.1", 22, "10.0.0.9", 51000, 1, 100).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "netsnap/model/snapshot.h"

namespace netsnap::testing {

// Numeric text to an address; fails the test (and gives kNone) when it is not one.
model::IpAddress ip(std::string_view text);

// An inet socket; ipv6 follows the local address's family.
model::InetSocket inet(model::InetProtocol protocol, std::string_view local, uint16_t local_port,
                       std::string_view remote, uint16_t remote_port, uint8_t state,
                       uint64_t inode = 0);
model::InetSocket tcp(std::string_view local, uint16_t local_port, std::string_view remote,
                      uint16_t remote_port, uint8_t state, uint64_t inode = 0);

// A process named by cmdline (NUL-separated arguments) holding `inodes` on fds 3, 4, ...; its
// comm is "comm<PID>".
model::Process process(uint32_t pid, std::string cmdline, const std::vector<uint64_t>& inodes);

}  // namespace netsnap::testing
