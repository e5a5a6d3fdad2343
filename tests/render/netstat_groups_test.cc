// netstat -g: multicast memberships (NETSTAT-FORMAT.md §11), as netstat 2.10 prints them.
#include <gtest/gtest.h>

#include "render/socket_listing_support.h"

namespace netsnap::render {
namespace {

using namespace socket_testing;

constexpr const char* kHeader =
    "IPv6/IPv4 Group Memberships\n"
    "Interface       RefCnt Group\n"
    "--------------- ------ ---------------------\n";

model::MulticastGroup group(bool ipv6, const char* device, const char* address, uint32_t users) {
  model::MulticastGroup g;
  g.ipv6 = ipv6;
  g.device = device;
  g.group = ip(address);
  g.users = users;
  return g;
}

model::Snapshot groups_snapshot() {
  model::Snapshot s = snapshot_with_files();
  s.names.hosts4 = {{ip("224.0.0.1"), "all-systems.mcast.net"}};
  s.names.hosts6 = {{ip("ff02::1"), "ip6-allnodes"}};
  s.multicast = {group(false, "lo", "224.0.0.1", 1), group(false, "eth0", "224.0.0.251", 2),
                 group(false, "averylongname15", "224.0.0.1", 1), group(true, "lo", "ff02::1", 1),
                 group(true, "averylongname15", "ff02::1:ff00:2", 12)};
  return s;
}

TEST(NetstatGroupsTest, ResolvedAndNumericGroups) {
  model::Snapshot s = groups_snapshot();
  Printed named = render(s, {"-g"});
  EXPECT_EQ(named.out, std::string(kHeader) +
                           "lo              1      all-systems.mcast.net\n"
                           "eth0            2      224.0.0.251\n"
                           "averylongname15 1      all-systems.mcast.net\n"
                           "lo              1      ip6-allnodes\n"
                           "averylongname15 12     ff02::1:ff00:2\n");
  EXPECT_EQ(named.status, 0);
  EXPECT_EQ(render(s, {"-gn"}).out, std::string(kHeader) +
                                        "lo              1      224.0.0.1\n"
                                        "eth0            2      224.0.0.251\n"
                                        "averylongname15 1      224.0.0.1\n"
                                        "lo              1      ff02::1\n"
                                        "averylongname15 12     ff02::1:ff00:2\n");
}

TEST(NetstatGroupsTest, FamilyOptionRestrictsGroupsAndAddsInternetSockets) {
  model::Snapshot s = groups_snapshot();
  std::string out = render(s, {"-g6n"}).out;
  EXPECT_EQ(out, "Active Internet connections (w/o servers)\n" + std::string(kInetColumns) +
                     kHeader +
                     "lo              1      ff02::1\n"
                     "averylongname15 12     ff02::1:ff00:2\n");
}

TEST(NetstatGroupsTest, MissingIgmpFailsAfterTheIpv6Groups) {
  model::Snapshot s = groups_snapshot();
  set_source(s, "proc/net/igmp", model::SourceState::kAbsent);
  s.multicast.erase(s.multicast.begin(), s.multicast.begin() + 3);
  Printed p = render(s, {"-gn", "-x"});
  EXPECT_EQ(p.out, std::string(kHeader) +
                       "lo              1      ff02::1\n"
                       "averylongname15 12     ff02::1:ff00:2\n");
  EXPECT_EQ(p.err, "netstat: no support for `AF INET (igmp)' on this system.\n");
  EXPECT_EQ(p.status, 1);
}

TEST(NetstatGroupsTest, BogusLinesCarryNetstatsLineNumber) {
  model::Snapshot s = snapshot_with_files();
  s.warnings.push_back({model::WarningKind::kMalformedLine, "proc/net/igmp", 4, "bad"});
  s.warnings.push_back({model::WarningKind::kMalformedLine, "proc/net/igmp6", 1, "bad"});
  Printed p = render(s, {"-g"});
  EXPECT_EQ(p.out, kHeader);
  EXPECT_EQ(p.err, "warning, got bogus igmp line 3.\nwarning, got bogus igmp6 line 0.\n");
}

}  // namespace
}  // namespace netsnap::render
