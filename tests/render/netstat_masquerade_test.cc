#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "netsnap/render/netstat.h"

namespace netsnap::render {
namespace {

using model::IpAddress;
using model::SourceState;

struct Rendered {
  std::string out, err;
  int status;
};

Rendered render(const model::Snapshot& snapshot, int extend = 0, bool numeric = false) {
  NetstatOptions options;
  options.mode = NetstatMode::kMasquerade;
  options.extend = extend;
  options.numeric_hosts = options.numeric_ports = numeric;
  Output output;
  int status = render_netstat(snapshot, options, 0, output);
  return {output.stdout_text(), output.stderr_text(), status};
}

IpAddress v4(uint8_t a, uint8_t b, uint8_t c, uint8_t d) { return IpAddress::v4({a, b, c, d}); }

// NETSTAT-FORMAT.md's fxm fixture, with its name table.
model::Snapshot masquerade_file() {
  model::Snapshot s;
  s.sources.push_back({"proc/net/ip_masquerade", SourceState::kPresent, 0});
  s.masquerade = {
      {"TCP", v4(192, 168, 1, 2), 1025, v4(208, 0, 0, 1), 80, 61440, 0x12345678, 0, 0, 3000},
      {"UDP", v4(192, 168, 1, 3), 53, v4(8, 8, 8, 8), 53, 61441, 0, 0, -5, 12345},
      {"ICMP", v4(192, 168, 1, 4), 0, v4(8, 8, 4, 4), 0, 61442, 0, 0, 0, 99},
  };
  s.names.hosts4 = {{v4(192, 168, 1, 2), "lanhost"}};
  s.names.services = {{80, "tcp", "http"}, {53, "udp", "domain"}, {1025, "udp", "not-for-tcp"}};
  return s;
}

TEST(NetstatMasqueradeTest, PrintsTheFileAs210Does) {
  Rendered r = render(masquerade_file());
  EXPECT_EQ(r.out,
            "IP masquerading entries\n"
            "prot   expire source               destination          ports\n"
            "tcp   0:30.00 lanhost              208.0.0.1            1025 -> http (61440)\n"
            "udp   2:03.45 192.168.1.3          8.8.8.8              domain -> domain (61441)\n"
            "icmp  0:00.99 192.168.1.4          8.8.4.4              * -> * (61442)\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.status, 0);
}

TEST(NetstatMasqueradeTest, ExtendedColumnsShowDeltasAsShorts) {
  model::Snapshot s = masquerade_file();
  s.masquerade[0].delta = 40000;  // netstat reads it with %hd
  s.masquerade[1].previous_delta.reset();
  s.masquerade.resize(2);
  Rendered r = render(s, 1, true);
  EXPECT_EQ(r.out,
            "IP masquerading entries\n"
            "prot   expire    initseq delta prevd source               destination          ports\n"
            "tcp   0:30.00  305419896 -25536     0 192.168.1.2          208.0.0.1            1025 "
            "-> 80 (61440)\n"
            "udp   2:03.45          0     0     - 192.168.1.3          8.8.8.8              53 -> "
            "53 (61441)\n");
}

TEST(NetstatMasqueradeTest, FileErrorsEndWithStatus255) {
  model::Snapshot s = masquerade_file();
  s.masquerade[2].protocol = "SCTP";
  Rendered r = render(s);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "masq_info.c: Internal Error `ip_masquerade unknown type'.\n");
  EXPECT_EQ(r.status, 255);

  s = masquerade_file();
  s.warnings.push_back({model::WarningKind::kMalformedLine, "proc/net/ip_masquerade", 3, "bad"});
  r = render(s);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "masq_info.c: Internal Error `ip_masquerade format error'.\n");
  EXPECT_EQ(r.status, 255);

  model::Snapshot dir;
  dir.sources.push_back({"proc/net/ip_masquerade", SourceState::kUnreadable, EISDIR});
  r = render(dir);
  EXPECT_EQ(r.err, "masq_info: Internal Error `fgets() failed'.\n");
  EXPECT_EQ(r.status, 255);

  model::Snapshot denied;
  denied.sources.push_back({"proc/net/ip_masquerade", SourceState::kUnreadable, EACCES});
  r = render(denied);
  EXPECT_EQ(r.err, "/proc/net/ip_masquerade: Permission denied\n");
  EXPECT_EQ(r.status, 255);
}

TEST(NetstatMasqueradeTest, EmptyTablePrintsNothing) {
  model::Snapshot s = masquerade_file();
  s.masquerade.clear();
  Rendered r = render(s);
  EXPECT_EQ(r.out + r.err, "");
  EXPECT_EQ(r.status, 0);
}

TEST(NetstatMasqueradeTest, NeitherFileNorConntrackIsNoSupport) {
  model::Snapshot s;
  s.sources.push_back({"proc/net/ip_masquerade", SourceState::kAbsent, ENOENT});
  s.sources.push_back({"proc/net/nf_conntrack", SourceState::kAbsent, ENOENT});
  Rendered r = render(s);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "netstat: no support for `ip_masquerade' on this system.\n");
  EXPECT_EQ(r.status, 1);
}

model::ConntrackFlow flow(std::string protocol, uint64_t timeout, IpAddress src, IpAddress dst,
                          uint16_t sport, uint16_t dport, IpAddress reply_src, IpAddress reply_dst,
                          uint16_t reply_sport, uint16_t reply_dport) {
  model::ConntrackFlow f;
  f.protocol = std::move(protocol);
  f.timeout_seconds = timeout;
  f.original = {src, dst, sport, dport, {}, {}, ""};
  f.reply = {reply_src, reply_dst, reply_sport, reply_dport, {}, {}, ""};
  return f;
}

model::Snapshot conntrack() {
  model::Snapshot s;
  s.sources.push_back({"proc/net/ip_masquerade", SourceState::kAbsent, ENOENT});
  s.sources.push_back({"proc/net/nf_conntrack", SourceState::kPresent, 0});
  IpAddress lan = v4(172, 18, 0, 2), wan = v4(192, 0, 2, 10), web = v4(93, 184, 216, 34);
  IpAddress client = v4(198, 51, 100, 7), server = v4(172, 18, 0, 3);
  s.conntrack = {
      // Not translated: skipped.
      flow("tcp", 100, wan, web, 40000, 443, web, wan, 443, 40000),
      // Masquerade: the host's port is the reply's destination port.
      flow("tcp", 86399, lan, web, 43122, 443, web, wan, 443, 61000),
      // Port forward (DNAT only): the host forwards to the reply's source port.
      flow("tcp", 117, client, wan, 50123, 8080, server, client, 80, 50123),
      flow("icmp", 29, lan, v4(1, 1, 1, 1), 0, 0, v4(1, 1, 1, 1), wan, 0, 0),
  };
  s.names.hosts4 = {{web, "example"}};
  s.names.services = {{443, "tcp", "https"}, {80, "tcp", "http"}};
  return s;
}

TEST(NetstatMasqueradeTest, ConntrackNatFlowsUseTheMasqueradeLayout) {
  Rendered r = render(conntrack());
  EXPECT_EQ(r.out,
            "IP masquerading entries\n"
            "prot   expire source               destination          ports\n"
            "tcp 1439:59.00 172.18.0.2           example              43122 -> https (61000)\n"
            "tcp   1:57.00 198.51.100.7         192.0.2.10           50123 -> 8080 (http)\n"
            "icmp  0:29.00 172.18.0.2           1.1.1.1              * -> * (*)\n");
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.status, 0);

  r = render(conntrack(), 1, true);
  EXPECT_EQ(r.out,
            "IP masquerading entries\n"
            "prot   expire    initseq delta prevd source               destination          ports\n"
            "tcp 1439:59.00          -     -     - 172.18.0.2           93.184.216.34        43122 "
            "-> 443 (61000)\n"
            "tcp   1:57.00          -     -     - 198.51.100.7         192.0.2.10           50123 "
            "-> 8080 (80)\n"
            "icmp  0:29.00          -     -     - 172.18.0.2           1.1.1.1              * -> "
            "* (*)\n");
}

TEST(NetstatMasqueradeTest, ConntrackWithoutNatPrintsNothing) {
  model::Snapshot s = conntrack();
  s.conntrack.resize(1);
  Rendered r = render(s);
  EXPECT_EQ(r.out + r.err, "");
  EXPECT_EQ(r.status, 0);
}

}  // namespace
}  // namespace netsnap::render
