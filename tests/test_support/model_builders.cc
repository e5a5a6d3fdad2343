#include "test_support/model_builders.h"

#include <gtest/gtest.h>

namespace netsnap::testing {

model::IpAddress ip(std::string_view text) {
  auto address = model::IpAddress::parse(text);
  EXPECT_TRUE(address.has_value()) << text << " is not a numeric address";
  return address.value_or(model::IpAddress());
}

model::InetSocket inet(model::InetProtocol protocol, std::string_view local, uint16_t local_port,
                       std::string_view remote, uint16_t remote_port, uint8_t state,
                       uint64_t inode) {
  model::InetSocket s;
  s.protocol = protocol;
  s.local_address = ip(local);
  s.ipv6 = s.local_address.is_v6();
  s.local_port = local_port;
  s.remote_address = ip(remote);
  s.remote_port = remote_port;
  s.state = state;
  s.inode = inode;
  return s;
}

model::InetSocket tcp(std::string_view local, uint16_t local_port, std::string_view remote,
                      uint16_t remote_port, uint8_t state, uint64_t inode) {
  return inet(model::InetProtocol::kTcp, local, local_port, remote, remote_port, state, inode);
}

model::Process process(uint32_t pid, std::string cmdline, const std::vector<uint64_t>& inodes) {
  model::Process p;
  p.pid = pid;
  p.comm = "comm" + std::to_string(pid);
  p.cmdline = std::move(cmdline);
  uint32_t fd = 3;
  for (uint64_t inode : inodes) p.sockets.push_back({fd++, inode});
  return p;
}

}  // namespace netsnap::testing
