#include "test_support/sample_snapshot.h"

namespace netsnap::testing {
namespace {

using model::IpAddress;

IpAddress v4(const char* text) { return *IpAddress::parse(text); }

void add_sockets(model::Snapshot& s, int variant) {
  model::InetSocket t;
  t.protocol = model::InetProtocol::kTcp;
  t.slot = 3;
  t.local_address = v4("10.0.0.7");
  t.local_port = 22;
  t.remote_address = v4("10.0.0.5");
  t.remote_port = static_cast<uint16_t>(48873 + variant);
  t.state = 1;
  t.tx_queue = 36;
  t.rx_queue = 1;
  t.timer_kind = 2;
  t.timer_expires_ticks = 7000;
  t.retransmits = 1;
  t.uid = 1000;
  t.timeouts = 2;
  t.inode = 1003;
  t.ref_count = 4;
  t.kernel_address = 0xffff888100000000;
  t.retransmit_timeout_ticks = 20;
  t.ack_timeout_ticks = 4;
  t.quick_ack = 1;
  t.send_congestion_window = 10;
  t.slow_start_threshold = -1;
  t.extra_fields = "future 1";
  s.inet_sockets.push_back(t);
  model::InetSocket u = t;
  u.protocol = model::InetProtocol::kUdpLite;
  u.ipv6 = true;
  u.local_address = *IpAddress::parse("::ffff:127.0.0.1");
  u.remote_address = *IpAddress::parse("2001:db8::1");
  u.drops = 5;
  s.inet_sockets.push_back(u);
  model::SctpAddress a{v4("10.0.0.9"), true};
  s.sctp_endpoints.push_back({false, 1, 2, 3, 10, 5, 5000, 0, 31338, {a}});
  s.sctp_associations.push_back(
      {true, 1, 2, 3, 1, 4, 5, 6, 7, 8, 0, 31339, 5000, 6000, {a}, {a, a}, "30000 10 10"});
  s.unix_sockets.push_back({0xffff1, 2, 0, 0x10000, 1, 1, 15161, "/run/x y"});
  s.unix_sockets.push_back({0, 3, 0, 0, 5, 3, 15162, "@abstract@nul"});
  s.unix_has_inode_column = false;
  s.processes.push_back({1234, 0, "sshd", std::string("sshd: root@pts/0\0-x\0", 20), {{3, 1003}}});
  s.process_scan = {false, 120, 7};
}

void add_system(model::Snapshot& s) {
  s.routes4.push_back(
      {"eth0", v4("0.0.0.0"), v4("192.0.2.1"), v4("0.0.0.0"), 3, 1, 2, -1, 1400, 8192, 20});
  s.routes6.push_back({*IpAddress::parse("fd00::"), 64, *IpAddress::parse("::"), 0,
                       *IpAddress::parse("fe80::1"), 256, 1, 5, 0x00450003, "eth0"});
  model::Interface i;
  i.name = "eth0";
  i.index = 2;
  i.mtu = 1500;
  i.flags = 0x1043;
  i.hardware_type = 1;
  i.hardware_address = std::string("\x52\x54\x00\x12\x34\x56", 6);
  i.tx_queue_length = 1000;
  i.counters = model::InterfaceCounters{1, 2,  3,  4,  5,  6,  7,  8,
                                        9, 10, 11, 12, 13, 14, 15, 18446744073709551615ull};
  i.addresses4.push_back(
      {"eth0:1", v4("10.9.9.9"), v4("255.255.255.0"), v4("10.9.9.255"), std::nullopt});
  i.addresses6.push_back({*IpAddress::parse("fe80::9"), 2, 64, 0x20, 0x80});
  i.device_map = model::DeviceMap{1, 2, 0x300, 11, 1, 0};
  s.interfaces.push_back(i);
  model::Interface bare;
  bare.name = "averylongname15";
  s.interfaces.push_back(bare);
  s.multicast.push_back({false, 2, "eth0", v4("224.0.0.251"), 2, 1, 300, 1});
  s.multicast.push_back({true, 1, "lo", *IpAddress::parse("ff02::1"), 1, 12, 4, 0});
  s.statistics.push_back({"proc/net/snmp", "Tcp", {{"RtoAlgorithm", 1}, {"MaxConn", ~0ull}}});
  model::ConntrackFlow f;
  f.protocol = "tcp";
  f.protocol_number = 6;
  f.timeout_seconds = 431999;
  f.state = "ESTABLISHED";
  f.original = {v4("10.0.0.2"), v4("93.184.216.34"), 51000, 443, 10, 1200, ""};
  f.reply = {v4("93.184.216.34"), v4("192.168.1.5"), 443,     51000,
             std::nullopt,        std::nullopt,      "type=0"};
  f.flags = {"ASSURED"};
  f.mark = 1;
  f.zone = 2;
  f.use = 3;
  s.conntrack.push_back(f);
  s.masquerade.push_back(
      {"TCP", v4("192.168.1.2"), 1025, v4("208.0.0.1"), 80, 61440, 0x12345678, -3, 7, 3000});
}

void add_identity(model::Snapshot& s, int variant) {
  s.host = {"host-" + std::to_string(variant),
            "6.1.0-test",
            "b1d-uuid",
            1'700'000'000'000'000'000 + variant * 1'000'000'000ll,
            42'000'000'000,
            1234,
            model::Origin::kFixture,
            "/fixtures/x",
            4026531840,
            100,
            0,
            "0.1.0"};
  s.sources = {{"proc/net/tcp", model::SourceState::kPresent, 0},
               {"proc/net/tcp6", model::SourceState::kAbsent, 0},
               {"proc/net/unix", model::SourceState::kUnreadable, 13}};
  s.names.source = "files:/etc";
  s.names.hosts4 = {{v4("10.0.0.5"), "production-0001.example.com"}};
  s.names.networks4 = {{v4("169.254.0.0"), "link-local"}};
  s.names.hosts6 = {{*IpAddress::parse("::1"), "ip6-localhost"}};
  s.names.services = {{22, "tcp", "ssh"}};
  s.names.protocols = {{1, "icmp"}};
  s.names.users = {{1000, "bob"}};
  s.warnings = {{model::WarningKind::kMalformedLine, "proc/net/tcp", 7, "bad inode 'x'"}};
}

}  // namespace

model::Snapshot sample_snapshot(int variant) {
  model::Snapshot s;
  add_identity(s, variant);
  add_sockets(s, variant);
  add_system(s);
  return s;
}

}  // namespace netsnap::testing
