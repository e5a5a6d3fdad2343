// Small inline snapshots for the socket-listing tests: sockets, processes and names set by hand,
// rendered through the same command-line parser and renderer `netsnap show` uses.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "netsnap/model/snapshot.h"
#include "netsnap/render/netstat.h"
#include "netsnap/render/netstat_options.h"
#include "test_support/model_builders.h"

namespace netsnap::render::socket_testing {

using netsnap::testing::ip;
using netsnap::testing::tcp;

// A snapshot in which every socket file of the listing exists (and is empty).
inline model::Snapshot snapshot_with_files() {
  model::Snapshot s;
  for (const char* path :
       {"proc/net/tcp", "proc/net/tcp6", "proc/net/udp", "proc/net/udp6", "proc/net/udplite",
        "proc/net/udplite6", "proc/net/raw", "proc/net/raw6", "proc/net/sctp/eps",
        "proc/net/sctp/assocs", "proc/net/sctp6/eps", "proc/net/sctp6/assocs", "proc/net/unix",
        "proc/net/igmp", "proc/net/igmp6"}) {
    s.sources.push_back({path, model::SourceState::kPresent, 0});
  }
  return s;
}

inline void set_source(model::Snapshot& s, const std::string& path, model::SourceState state,
                       int error_number = 0) {
  for (auto& source : s.sources)
    if (source.path == path) source = {path, state, error_number};
}

inline model::InetSocket datagram(model::InetProtocol protocol, const char* local, uint16_t lport,
                                  const char* remote, uint16_t rport, uint8_t state) {
  model::InetSocket s = tcp(local, lport, remote, rport, state);
  s.protocol = protocol;
  return s;
}

struct Printed {
  std::string out, err;
  int status = 0;
};

// Renders one cycle for the netstat arguments `args` (which must parse).
inline Printed render(const model::Snapshot& snapshot, std::initializer_list<std::string> args) {
  NetstatCommandLine command = parse_netstat_command_line(std::vector<std::string>(args));
  EXPECT_TRUE(command.options.has_value());
  if (!command.options) return {};
  Output output;
  int status = render_netstat(snapshot, *command.options, 0, output);
  return {output.stdout_text(), output.stderr_text(), status};
}

constexpr const char* kInetTitleAll = "Active Internet connections (servers and established)\n";
constexpr const char* kInetColumns =
    "Proto Recv-Q Send-Q Local Address           Foreign Address         State      \n";

}  // namespace netsnap::render::socket_testing
