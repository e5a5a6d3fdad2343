// The Internet part of netstat's socket listing: rows, address truncation, filters, states,
// timers, the -e/-p tail and the missing-file errors. Expected texts are what netstat 2.10 prints
// for the same /proc lines (NETSTAT-FORMAT.md §2, §3, §6).
#include <gtest/gtest.h>

#include "render/socket_listing_support.h"

namespace netsnap::render {
namespace {

using namespace socket_testing;
using model::InetProtocol;

TEST(NetstatSocketsTest, TcpRowsWithNumericAddresses) {
  model::Snapshot s = snapshot_with_files();
  s.inet_sockets.push_back(tcp("0.0.0.0", 22, "0.0.0.0", 0, 0x0A));
  model::InetSocket established = tcp("10.0.0.7", 22, "10.0.0.5", 48873, 0x01);
  established.tx_queue = 36;
  established.rx_queue = 4294967295;
  s.inet_sockets.push_back(established);
  s.inet_sockets.push_back(tcp("::", 22, "::", 0, 0x0A));
  s.inet_sockets.push_back(tcp("::ffff:127.0.0.1", 8080, "::ffff:127.0.0.1", 40000, 0x01));
  Printed p = render(s, {"-tan"});
  EXPECT_EQ(
      p.out,
      std::string(kInetTitleAll) + kInetColumns +
          "tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN     \n"
          "tcp   4294967295     36 10.0.0.7:22             10.0.0.5:48873          ESTABLISHED\n"
          "tcp6       0      0 :::22                   :::*                    LISTEN     \n"
          "tcp6       0      0 127.0.0.1:8080          127.0.0.1:40000         ESTABLISHED\n");
  EXPECT_EQ(p.err, "");
  EXPECT_EQ(p.status, 0);
}

TEST(NetstatSocketsTest, LongNamesAreCutToTwentyThreeUnlessWide) {
  model::Snapshot s = snapshot_with_files();
  s.names.hosts4 = {{ip("10.0.0.5"), "production-0001.example.com"},
                    {ip("10.0.0.6"), "a.very.long.hostname.that.exceeds.limits.example.org"},
                    {ip("10.0.0.7"), "short"}};
  s.names.services = {{22, "tcp", "ssh"},
                      {4444, "tcp", "averylongservicenameexceeding"},
                      {4445, "tcp", "midsizedservicenm"}};
  s.inet_sockets.push_back(tcp("10.0.0.7", 22, "10.0.0.5", 48873, 0x01));
  s.inet_sockets.push_back(tcp("10.0.0.7", 4444, "10.0.0.6", 4445, 0x06));
  EXPECT_EQ(
      render(s, {"-t"}).out,
      "Active Internet connections (w/o servers)\n" + std::string(kInetColumns) +
          "tcp        0      0 short:ssh               production-0001.e:48873 ESTABLISHED\n"
          "tcp        0      0 shor:averylongservicena a.ver:midsizedservicenm TIME_WAIT  \n");
  EXPECT_EQ(
      render(s, {"-tW"}).out,
      "Active Internet connections (w/o servers)\n" + std::string(kInetColumns) +
          "tcp        0      0 short:ssh               production-0001.example.com:48873 "
          "ESTABLISHED\n"
          "tcp        0      0 short:averylongservicenameexceeding "
          "a.very.long.hostname.that.exceeds.limits.example.org:midsizedservicenm TIME_WAIT  \n");
}

// netstat resolves into 128-byte buffers and names services into 64-byte ones: IPv4 names and
// service names are cut, an IPv6 name that does not fit is not used at all.
TEST(NetstatSocketsTest, OverlongNamesFollowNetstatsBuffers) {
  model::Snapshot s = snapshot_with_files();
  s.names.hosts4 = {{ip("10.0.0.5"), std::string(200, 'h')}};
  s.names.hosts6 = {{ip("2001:db8::5"), std::string(128, 'v')},
                    {ip("2001:db8::6"), std::string(127, 'w')}};
  s.names.services = {{4448, "tcp", std::string(100, 's')}};
  s.inet_sockets.push_back(tcp("10.0.0.7", 4448, "10.0.0.5", 4448, 1));
  s.inet_sockets.push_back(tcp("2001:db8::5", 0, "2001:db8::6", 4448, 1));
  // The whole "host:port" text is cut to 127 bytes as well.
  EXPECT_EQ(render(s, {"-tW"}).out, "Active Internet connections (w/o servers)\n" +
                                        std::string(kInetColumns) +
                                        "tcp        0      0 10.0.0.7:" + std::string(63, 's') +
                                        " " + std::string(127, 'h') + " ESTABLISHED\n" +
                                        "tcp6       0      0 2001:db8::5:*           " +
                                        std::string(127, 'w') + " ESTABLISHED\n");
}

TEST(NetstatSocketsTest, UnspecifiedAddressesAndUnnamedPortsWhenResolving) {
  model::Snapshot s = snapshot_with_files();
  s.names.services = {{22, "tcp", "ssh"}, {53, "udp", "domain"}};
  s.names.protocols = {{1, "icmp"}};
  s.names.networks4 = {{ip("0.1.2.3"), "weird-net"}};
  s.inet_sockets.push_back(tcp("0.0.0.0", 22, "0.1.2.3", 0, 0x0A));
  s.inet_sockets.push_back(tcp("::", 22, "::", 0, 0x0A));
  s.inet_sockets.push_back(datagram(InetProtocol::kUdp, "0.0.0.0", 53, "0.0.0.0", 0, 7));
  s.inet_sockets.push_back(datagram(InetProtocol::kRaw, "0.0.0.0", 1, "0.0.0.0", 0, 7));
  EXPECT_EQ(
      render(s, {"-tuwl"}).out,
      "Active Internet connections (only servers)\n" + std::string(kInetColumns) +
          "tcp        0      0 0.0.0.0:ssh             weird-net:*             LISTEN     \n"
          "tcp6       0      0 [::]:ssh                [::]:*                  LISTEN     \n"
          "udp        0      0 0.0.0.0:domain          0.0.0.0:*                          \n"
          "raw        0      0 0.0.0.0:icmp            0.0.0.0:*               7          \n");
}

TEST(NetstatSocketsTest, ServersAreTcpWithoutRemotePortOrDatagramWithoutRemoteAddress) {
  model::Snapshot s = snapshot_with_files();
  s.inet_sockets.push_back(tcp("10.0.0.7", 9999, "0.0.0.0", 0, 0x07));   // CLOSE, a server
  s.inet_sockets.push_back(tcp("10.0.0.7", 9998, "10.0.0.5", 7, 0x0A));  // LISTEN, not one
  s.inet_sockets.push_back(datagram(InetProtocol::kUdp, "10.0.0.7", 1, "0.0.0.0", 53, 1));
  s.inet_sockets.push_back(datagram(InetProtocol::kUdp, "10.0.0.7", 2, "10.0.0.5", 0, 7));
  EXPECT_EQ(
      render(s, {"-tuln"}).out,
      "Active Internet connections (only servers)\n" + std::string(kInetColumns) +
          "tcp        0      0 10.0.0.7:9999           0.0.0.0:*               CLOSE      \n"
          "udp        0      0 10.0.0.7:1              0.0.0.0:53              ESTABLISHED\n");
  EXPECT_EQ(
      render(s, {"-tun"}).out,
      "Active Internet connections (w/o servers)\n" + std::string(kInetColumns) +
          "tcp        0      0 10.0.0.7:9998           10.0.0.5:7              LISTEN     \n"
          "udp        0      0 10.0.0.7:2              10.0.0.5:*                         \n");
}

TEST(NetstatSocketsTest, StateColumnPerProtocol) {
  model::Snapshot s = snapshot_with_files();
  s.inet_sockets.push_back(tcp("10.0.0.7", 1, "10.0.0.5", 1, 0x00));
  s.inet_sockets.push_back(tcp("10.0.0.7", 2, "10.0.0.5", 1, 0x0C));
  s.inet_sockets.push_back(datagram(InetProtocol::kUdpLite, "10.0.0.7", 3, "10.0.0.5", 1, 2));
  s.inet_sockets.push_back(datagram(InetProtocol::kRaw, "10.0.0.7", 4, "10.0.0.5", 1, 10));
  EXPECT_EQ(
      render(s, {"-tUwn"}).out,
      "Active Internet connections (w/o servers)\n" + std::string(kInetColumns) +
          "tcp        0      0 10.0.0.7:1              10.0.0.5:1                         \n"
          "tcp        0      0 10.0.0.7:2              10.0.0.5:1              LISTENING  \n"
          "udpl       0      0 10.0.0.7:3              10.0.0.5:1              UNKNOWN    \n"
          "raw        0      0 10.0.0.7:4              10.0.0.5:1              10         \n");
}

TEST(NetstatSocketsTest, TimersPerProtocol) {
  model::Snapshot s = snapshot_with_files();
  model::InetSocket off = tcp("10.0.0.7", 1, "10.0.0.5", 1, 1);
  off.timer_expires_ticks = 500;  // ignored when the timer is off
  off.retransmits = 3;
  model::InetSocket keepalive = tcp("10.0.0.7", 2, "10.0.0.5", 1, 1);
  keepalive.timer_kind = 2;
  keepalive.timer_expires_ticks = 7000;
  model::InetSocket odd = tcp("10.0.0.7", 3, "10.0.0.5", 1, 1);
  odd.timer_kind = 10;
  odd.timer_expires_ticks = 1;
  odd.timeouts = 4294967295;
  model::InetSocket udp = datagram(InetProtocol::kUdp, "10.0.0.7", 4, "10.0.0.5", 1, 1);
  udp.timer_kind = 1;
  udp.timer_expires_ticks = 50;
  udp.retransmits = 5;
  model::InetSocket raw = datagram(InetProtocol::kRaw, "10.0.0.7", 5, "10.0.0.5", 1, 1);
  raw.timer_kind = 3;
  raw.timer_expires_ticks = 123450;
  raw.retransmits = 2;
  s.inet_sockets = {off, keepalive, odd, udp, raw};
  std::string rows = render(s, {"-tuwno"}).out;
  EXPECT_NE(rows.find("State       Timer\n"), std::string::npos);
  EXPECT_NE(rows.find("ESTABLISHED off (0.00/3/0)\n"), std::string::npos);
  EXPECT_NE(rows.find("ESTABLISHED keepalive (70.00/0/0)\n"), std::string::npos);
  EXPECT_NE(rows.find("ESTABLISHED unkn-10 (0.01/0/-1)\n"), std::string::npos);
  EXPECT_NE(rows.find("ESTABLISHED on1 (0.50/0/0)\n"), std::string::npos);
  EXPECT_NE(rows.find("1           unkn-3 (1234.50/2/0)\n"), std::string::npos);
}

TEST(NetstatSocketsTest, ExtendedColumnsShowUserAndInode) {
  model::Snapshot s = snapshot_with_files();
  s.names.users = {{0, "root"}, {1001, "averyveryverylongname"}};
  model::InetSocket a = tcp("10.0.0.7", 22, "10.0.0.5", 1, 1, 1003);
  model::InetSocket b = tcp("10.0.0.7", 22, "10.0.0.6", 1, 1, 1004);
  b.uid = 1001;
  model::InetSocket c = tcp("10.0.0.7", 22, "10.0.0.8", 1, 1, 0);
  c.uid = 4294967294;
  s.inet_sockets = {a, b, c};
  std::string named = render(s, {"-te", "--numeric-hosts", "--numeric-ports"}).out;
  EXPECT_NE(named.find("State       User       Inode     \n"), std::string::npos);
  EXPECT_NE(named.find("ESTABLISHED root       1003      \n"), std::string::npos);
  EXPECT_NE(named.find("ESTABLISHED averyveryverylongname 1004      \n"), std::string::npos);
  EXPECT_NE(named.find("ESTABLISHED -2         0         \n"), std::string::npos);
  std::string numeric = render(s, {"-ten"}).out;
  EXPECT_NE(numeric.find("ESTABLISHED 0          1003      \n"), std::string::npos);
  EXPECT_NE(numeric.find("ESTABLISHED 1001       1004      \n"), std::string::npos);
}

TEST(NetstatSocketsTest, MissingExplicitFileStopsAfterTheHeader) {
  model::Snapshot s = snapshot_with_files();
  set_source(s, "proc/net/tcp", model::SourceState::kAbsent);
  s.inet_sockets.push_back(tcp("::1", 631, "::", 0, 0x0A));
  s.unix_sockets.push_back({});
  Printed p = render(s, {"-tlnx"});
  // The IPv6 file of the same protocol is still read; nothing after the protocol is.
  EXPECT_EQ(
      p.out,
      "Active Internet connections (only servers)\n" + std::string(kInetColumns) +
          "tcp6       0      0 ::1:631                 :::*                    LISTEN     \n");
  EXPECT_EQ(p.err, "netstat: no support for `AF INET (tcp)' on this system.\n");
  EXPECT_EQ(p.status, 1);
}

TEST(NetstatSocketsTest, MissingFilesAreSilentWithoutSelectionUnlessVerbose) {
  model::Snapshot s = snapshot_with_files();
  set_source(s, "proc/net/udp", model::SourceState::kAbsent);
  set_source(s, "proc/net/raw", model::SourceState::kUnreadable, EACCES);  // taken as missing
  EXPECT_EQ(render(s, {"-n"}).err, "");
  Printed verbose = render(s, {"-nv"});
  EXPECT_EQ(verbose.err,
            "netstat: no support for `AF INET (udp)' on this system.\n"
            "netstat: no support for `AF INET (raw)' on this system.\n"
            "netstat: no support for `AF IPX' on this system.\n"
            "netstat: no support for `AF AX25' on this system.\n"
            "netstat: no support for `AF X25' on this system.\n"
            "netstat: no support for `AF NETROM' on this system.\n"
            "netstat: no support for `AF ROSE' on this system.\n");
  EXPECT_EQ(verbose.status, 0);
  // -A inet selects every Internet protocol and keeps quiet about missing ones.
  Printed family = render(s, {"-v", "-A", "inet"});
  EXPECT_EQ(family.err, "");
  EXPECT_EQ(family.status, 0);
}

TEST(NetstatSocketsTest, OtherOpenErrorsArePerroredWithStatus255) {
  model::Snapshot s = snapshot_with_files();
  set_source(s, "proc/net/tcp", model::SourceState::kUnreadable, ELOOP);
  Printed p = render(s, {"-an"});
  EXPECT_EQ(p.out, std::string(kInetTitleAll) + kInetColumns);
  EXPECT_EQ(p.err, "/proc/net/tcp: Too many levels of symbolic links\n");
  EXPECT_EQ(p.status, 255);
}

TEST(NetstatSocketsTest, BogusLineWarningsNameTheProtocol) {
  model::Snapshot s = snapshot_with_files();
  s.warnings.push_back({model::WarningKind::kMalformedLine, "proc/net/tcp6", 3, "bad"});
  s.warnings.push_back({model::WarningKind::kMalformedLine, "proc/net/udplite", 2, "bad"});
  s.warnings.push_back({model::WarningKind::kUnreadable, "proc/net/raw", 0, "other"});
  EXPECT_EQ(render(s, {"-tuUw"}).err,
            "warning, got bogus tcp line.\nwarning, got bogus udp line.\n");
}

TEST(NetstatSocketsTest, ProgramColumnNamesTheFirstProcessHoldingTheSocket) {
  model::Snapshot s = snapshot_with_files();
  s.processes.push_back({1, 0, "systemd", std::string("/sbin/init\0splash", 17), {{3, 1001}}});
  s.processes.push_back({1234, 0, "sshd", std::string("sshd: root@pts/0\0", 17), {{3, 1003}}});
  s.processes.push_back({99999, 0, "x", "very-long-program-name", {{4, 1004}, {5, 1001}}});
  s.processes.push_back({7, 0, "tab", std::string("/usr/bin/a\tb\n\x7f", 14), {{1, 1005}}});
  s.processes.push_back({8, 0, "kthread", "", {{1, 1006}}});
  s.processes.push_back({9, 0, "small", "/bin/tiny", {{1, 9}}});  // netstat never matches 1-9
  uint64_t inodes[] = {1001, 1003, 1004, 1005, 1006, 9, 0};
  for (uint64_t inode : inodes)
    s.inet_sockets.push_back(tcp("10.0.0.7", 1, "10.0.0.5", 2, 1, inode));
  std::string out = render(s, {"-tnp"}).out;
  EXPECT_NE(out.find("State       PID/Program name    \n"), std::string::npos);
  const char* expected[] = {"1/init              ", "1234/sshd: root@pts ", "99999/very-long-pro ",
                            "7/a?b??             ", "8/                  ", "-                   ",
                            "-                   "};
  size_t at = 0;
  for (const char* column : expected) {
    at = out.find(std::string("ESTABLISHED ") + column + "\n", at);
    EXPECT_NE(at, std::string::npos) << column;
  }
  EXPECT_EQ(render(s, {"-tnp"}).err, "");
}

TEST(NetstatSocketsTest, ProgramWarningsFollowTheProcessScan) {
  model::Snapshot s = snapshot_with_files();
  s.host.captured_by_uid = 65534;
  s.process_scan.pids_fd_denied = 2;
  EXPECT_EQ(render(s, {"-tp"}).err,
            "(No info could be read for \"-p\": geteuid()=65534 but you should be root.)\n");
  s.processes.push_back({557, 65534, "python3", "python3", {{3, 1103}}});
  EXPECT_EQ(render(s, {"-xp"}).err,
            "(Not all processes could be identified, non-owned process info\n"
            " will not be shown, you would have to be root to see it all.)\n");
  EXPECT_EQ(render(s, {"-t"}).err, "");   // no -p, no table
  EXPECT_EQ(render(s, {"-gp"}).err, "");  // -g alone never loads the table
  s.process_scan = {false, 0, 0};
  EXPECT_EQ(render(s, {"-tp"}).err,
            "(No info could be read for \"-p\": geteuid()=65534 but you should be root.)\n");
}

}  // namespace
}  // namespace netsnap::render
