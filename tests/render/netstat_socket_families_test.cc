// UNIX, SCTP and legacy-family sections of netstat's socket listing, and the order of sections.
// Expected texts are what netstat 2.10 prints for the same /proc lines (NETSTAT-FORMAT.md §4,
// §5, §7).
#include <gtest/gtest.h>

#include "render/socket_listing_support.h"

namespace netsnap::render {
namespace {

using namespace socket_testing;

model::UnixSocket unix_socket(uint32_t flags, uint32_t type, uint32_t state, uint64_t inode,
                              std::string path) {
  model::UnixSocket s;
  s.ref_count = 2;
  s.flags = flags;
  s.type = type;
  s.state = state;
  s.inode = inode;
  s.path = std::move(path);
  return s;
}

constexpr const char* kUnixColumns =
    "Proto RefCnt Flags       Type       State         I-Node   Path\n";

TEST(NetstatSocketFamiliesTest, UnixRowsFlagsTypesAndStates) {
  model::Snapshot s = snapshot_with_files();
  s.unix_sockets.push_back(unix_socket(0x10000, 1, 1, 15161, "/run/systemd/private"));
  s.unix_sockets.push_back(unix_socket(0, 2, 1, 15180, "/dev/log"));
  s.unix_sockets.push_back(unix_socket(0, 1, 3, 15190, ""));
  s.unix_sockets.push_back(unix_socket(0x70000, 3, 4, 15220, "/path with space"));
  model::UnixSocket rdm = unix_socket(0x20000, 4, 0, 15230, "/rdm");
  rdm.protocol = 1;
  s.unix_sockets.push_back(rdm);
  model::UnixSocket weird = unix_socket(0x40000, 9, 5, 15240, "\t/weird\tpath");
  weird.ref_count = 12;
  s.unix_sockets.push_back(weird);
  EXPECT_EQ(render(s, {"-xa"}).out,
            "Active UNIX domain sockets (servers and established)\n" + std::string(kUnixColumns) +
                "unix  2      [ ACC ]     STREAM     LISTENING     15161    /run/systemd/private\n"
                "unix  2      [ ]         DGRAM                    15180    /dev/log\n"
                "unix  2      [ ]         STREAM     CONNECTED     15190    \n"
                "unix  2      [ ACC W N ] RAW        DISCONNECTING 15220    /path\n"
                "??    2      [ W ]       RDM        FREE          15230    /rdm\n"
                "unix  12     [ N ]       UNKNOWN    UNKNOWN       15240    /weird\n");
  // Servers are unconnected sockets with the listening flag, nothing else.
  EXPECT_EQ(
      render(s, {"-xl"}).out,
      "Active UNIX domain sockets (only servers)\n" + std::string(kUnixColumns) +
          "unix  2      [ ACC ]     STREAM     LISTENING     15161    /run/systemd/private\n");
}

TEST(NetstatSocketFamiliesTest, UnixProgramColumnAndMissingInodeHeader) {
  model::Snapshot s = snapshot_with_files();
  s.unix_sockets.push_back(unix_socket(0, 1, 3, 15170, "/run/dbus/system_bus_socket"));
  s.processes.push_back({400, 0, "dbus-daemon", "/usr/bin/dbus-daemon", {{5, 15170}}});
  EXPECT_EQ(render(s, {"-xp"}).out,
            "Active UNIX domain sockets (w/o servers)\n"
            "Proto RefCnt Flags       Type       State         I-Node   PID/Program name     Path\n"
            "unix  2      [ ]         STREAM     CONNECTED     15170    400/dbus-daemon      "
            "/run/dbus/system_bus_socket\n");
  // A header without "Inode": no inode column, and the number where the inode would be is shown
  // in place of the path.
  s.unix_has_inode_column = false;
  s.unix_sockets[0].inode = 0;
  s.unix_sockets[0].path = "15170 /run/dbus/system_bus_socket";
  EXPECT_EQ(render(s, {"-xp"}).out,
            "Active UNIX domain sockets (w/o servers)\n"
            "Proto RefCnt Flags       Type       State         I-Node   PID/Program name     Path\n"
            "unix  2      [ ]         STREAM     CONNECTED     -        -                    "
            "15170\n");
}

TEST(NetstatSocketFamiliesTest, UnixFileMissingWhenAskedFor) {
  model::Snapshot s = snapshot_with_files();
  set_source(s, "proc/net/unix", model::SourceState::kAbsent);
  Printed p = render(s, {"-x"});
  EXPECT_EQ(p.out, "Active UNIX domain sockets (w/o servers)\n" + std::string(kUnixColumns));
  EXPECT_EQ(p.err, "netstat: no support for `AF UNIX' on this system.\n");
  EXPECT_EQ(p.status, 1);
}

model::SctpAddress sctp_address(const char* text, bool primary = false) {
  return {ip(text), primary};
}

TEST(NetstatSocketFamiliesTest, SctpEndpointsAndAssociations) {
  model::Snapshot s = snapshot_with_files();
  s.names.hosts4 = {{ip("10.0.0.7"), "short"}};
  model::SctpEndpoint listener;
  listener.socket_state = 10;
  listener.local_port = 5000;
  listener.local_addresses = {sctp_address("10.0.0.7"), sctp_address("192.168.1.7")};
  model::SctpEndpoint v6;
  v6.ipv6 = true;
  v6.socket_state = 7;
  v6.local_port = 5001;
  v6.local_addresses = {sctp_address("2001:db8::1")};
  s.sctp_endpoints = {listener, v6};
  model::SctpAssociation a;
  a.socket_state = 1;
  a.tx_queue = 5;
  a.rx_queue = 7;
  a.inode = 31339;
  a.local_port = 5000;
  a.remote_port = 6000;
  a.local_addresses = {sctp_address("10.0.0.7", true), sctp_address("192.168.1.7")};
  a.remote_addresses = {sctp_address("10.0.0.9", true), sctp_address("10.0.0.10"),
                        sctp_address("10.0.0.11")};
  s.sctp_associations = {a};
  EXPECT_EQ(
      render(s, {"-Sa"}).out,
      std::string(kInetTitleAll) + kInetColumns +
          "sctp                short:5000                                      LISTEN     \n"
          "                    192.168.1.7:5000                                           \n"
          "sctp                2001:db8::1:5001                                CLOSE      \n"
          "sctp       7      5 short:5000              10.0.0.9:6000           ESTABLISHED\n"
          "                    192.168.1.7             10.0.0.10                          \n"
          "                                            10.0.0.11                          \n");
  // The tail lands on the last physical line; any numeric flag makes SCTP addresses numeric.
  EXPECT_EQ(render(s, {"-Sepo", "--numeric-users"}).out,
            "Active Internet connections (w/o servers)\n"
            "Proto Recv-Q Send-Q Local Address           Foreign Address         State       User "
            "      Inode      PID/Program name     Timer\n"
            "sctp       7      5 10.0.0.7:5000           10.0.0.9:6000           ESTABLISHED\n"
            "                    192.168.1.7             10.0.0.10                          \n"
            "                                            10.0.0.11                           0    "
            "      31339      -                    \n");
}

TEST(NetstatSocketFamiliesTest, SctpStatesOutsideTheTcpTable) {
  model::Snapshot s = snapshot_with_files();
  model::SctpEndpoint e;
  e.socket_state = 12;
  e.local_addresses = {sctp_address("10.0.0.7")};
  s.sctp_endpoints = {e};
  EXPECT_EQ(
      render(s, {"-Sl"}).out,
      "Active Internet connections (only servers)\n" + std::string(kInetColumns) +
          "sctp                10.0.0.7:*                                      UNKNOWN(12)\n");
}

// Only association lines mark the primary address; on an endpoint line netstat's inet_addr fails
// on the '*' and shows 255.255.255.255.
TEST(NetstatSocketFamiliesTest, SctpEndpointPrimaryMarkBreaksTheAddress) {
  model::Snapshot s = snapshot_with_files();
  model::SctpEndpoint e;
  e.socket_state = 10;
  e.local_port = 5003;
  e.local_addresses = {sctp_address("10.0.0.7", true), sctp_address("0.0.0.0")};
  s.sctp_endpoints = {e};
  EXPECT_EQ(
      render(s, {"-Sln"}).out,
      "Active Internet connections (only servers)\n" + std::string(kInetColumns) +
          "sctp                255.255.255.255:5003                            LISTEN     \n"
          "                    0.0.0.0:5003                                               \n");
}

TEST(NetstatSocketFamiliesTest, SctpMissingStopsTheListingWhenSelected) {
  model::Snapshot s = snapshot_with_files();
  for (const char* path :
       {"proc/net/sctp/eps", "proc/net/sctp/assocs", "proc/net/sctp6/eps", "proc/net/sctp6/assocs"})
    set_source(s, path, model::SourceState::kAbsent);
  s.inet_sockets.push_back(tcp("10.0.0.7", 1, "10.0.0.5", 2, 1));
  Printed selected = render(s, {"-tSn"});
  EXPECT_EQ(selected.out, "Active Internet connections (w/o servers)\n" +
                              std::string(kInetColumns) +
                              "tcp        0      0 10.0.0.7:1              10.0.0.5:2              "
                              "ESTABLISHED\n");
  EXPECT_EQ(selected.err, "netstat: no support for `AF INET (sctp)' on this system.\n");
  EXPECT_EQ(selected.status, 1);
  // Unselected and verbose: once per SCTP file tried (-a tries both).
  Printed verbose = render(s, {"-van", "--unix"});
  EXPECT_EQ(verbose.err, "");  // --unix is an explicit selection without Internet protocols
  Printed everything = render(s, {"-va"});
  EXPECT_EQ(everything.err.substr(0, 114),
            "netstat: no support for `AF INET (sctp)' on this system.\n"
            "netstat: no support for `AF INET (sctp)' on this system.\n");
  EXPECT_EQ(everything.status, 0);
}

TEST(NetstatSocketFamiliesTest, LegacyFamiliesAndBluetoothFail) {
  model::Snapshot s = snapshot_with_files();
  Printed ipx = render(s, {"--ipx", "--rose"});
  EXPECT_EQ(ipx.out, "");
  EXPECT_EQ(ipx.err, "netstat: no support for `AF IPX' on this system.\n");
  EXPECT_EQ(ipx.status, 1);
  Printed bluetooth = render(s, {"-x", "-2"});
  EXPECT_EQ(bluetooth.out,
            "Active UNIX domain sockets (w/o servers)\n" + std::string(kUnixColumns));
  EXPECT_EQ(bluetooth.err,
            "netstat: feature `AF BLUETOOTH' not supported.\n"
            "Please recompile `net-tools' with newer kernel source or full configuration.\n");
  EXPECT_EQ(bluetooth.status, 1);
}

TEST(NetstatSocketFamiliesTest, SectionsComeInFixedOrder) {
  model::Snapshot s = snapshot_with_files();
  s.inet_sockets.push_back(tcp("10.0.0.7", 1, "10.0.0.5", 2, 1));
  s.multicast.push_back({false, 1, "lo", ip("224.0.0.1"), 1});
  s.unix_sockets.push_back(unix_socket(0, 1, 3, 7, "/x"));
  std::string out = render(s, {"-x", "-g", "-t", "-n"}).out;
  size_t inet = out.find("Active Internet");
  size_t groups = out.find("IPv6/IPv4 Group Memberships");
  size_t unix_section = out.find("Active UNIX");
  EXPECT_LT(inet, groups);
  EXPECT_LT(groups, unix_section);
  EXPECT_NE(unix_section, std::string::npos);
}

}  // namespace
}  // namespace netsnap::render
