#include "netsnap/analysis/socket_filter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support/model_builders.h"

namespace netsnap::analysis {
namespace {

using namespace std::string_literals;
using model::InetProtocol;
using netsnap::testing::ip;
using netsnap::testing::process;

// Kernel TCP state numbers, as InetSocket::state holds them.
enum TcpState : uint8_t {
  kEstablished = 1,
  kSynSent,
  kSynRecv,
  kFinWait1,
  kFinWait2,
  kTimeWait,
  kClose,
  kCloseWait,
  kLastAck,
  kListen,
  kClosing,
  kNewSynRecv,
};

// unix socket states and the listener flag (__SO_ACCEPTCON).
constexpr uint32_t kUnixUnconnected = 1, kUnixConnecting = 2, kUnixConnected = 3,
                   kUnixDisconnecting = 4, kAcceptCon = 0x10000;

model::InetSocket inet(std::string_view local, uint16_t local_port, std::string_view remote,
                       uint16_t remote_port, uint8_t state = kEstablished,
                       InetProtocol protocol = InetProtocol::kTcp) {
  model::InetSocket socket;
  socket.protocol = protocol;
  socket.local_address = ip(local);
  socket.local_port = local_port;
  socket.remote_address = ip(remote);
  socket.remote_port = remote_port;
  socket.ipv6 = socket.local_address.is_v6();
  socket.state = state;
  return socket;
}

model::UnixSocket unix_socket(uint32_t state, uint32_t flags = 0, uint64_t inode = 0) {
  model::UnixSocket socket;
  socket.state = state;
  socket.flags = flags;
  socket.inode = inode;
  socket.type = 1;
  socket.path = "/run/test.sock";
  return socket;
}

std::vector<model::SctpAddress> sctp_addresses(std::vector<std::string_view> texts) {
  std::vector<model::SctpAddress> addresses;
  for (std::string_view text : texts) addresses.push_back({ip(text), addresses.empty()});
  return addresses;
}

model::SctpEndpoint sctp_endpoint(std::vector<std::string_view> local, uint16_t port) {
  model::SctpEndpoint endpoint;
  endpoint.local_port = port;
  endpoint.local_addresses = sctp_addresses(local);
  endpoint.uid = 7;
  return endpoint;
}

model::SctpAssociation sctp_association(std::vector<std::string_view> local, uint16_t local_port,
                                        std::vector<std::string_view> remote,
                                        uint16_t remote_port) {
  model::SctpAssociation association;
  association.local_port = local_port;
  association.local_addresses = sctp_addresses(local);
  association.remote_port = remote_port;
  association.remote_addresses = sctp_addresses(remote);
  association.uid = 7;
  return association;
}

model::ConntrackFlow flow(std::string protocol, std::string state, std::string_view source,
                          uint16_t source_port, std::string_view destination,
                          uint16_t destination_port) {
  model::ConntrackFlow flow;
  flow.protocol = std::move(protocol);
  flow.state = std::move(state);
  flow.original.source = ip(source);
  flow.original.source_port = source_port;
  flow.original.destination = ip(destination);
  flow.original.destination_port = destination_port;
  flow.ipv6 = flow.original.source.is_v6();
  // The reply tuple runs the other way; filters must not look at it.
  flow.reply.source = ip(destination);
  flow.reply.source_port = destination_port;
  flow.reply.destination = ip(source);
  flow.reply.destination_port = source_port;
  return flow;
}

const model::SocketOwners& no_owners() {
  static const model::Snapshot kEmpty;
  static const model::SocketOwners kOwners(kEmpty);
  return kOwners;
}

template <typename Socket>
bool matches(std::string_view expression, const Socket& socket) {
  return SocketFilter::parse(expression).matches(socket, no_owners());
}

bool matches(std::string_view expression, const model::ConntrackFlow& flow) {
  return SocketFilter::parse(expression).matches(flow);
}

std::string canonical(std::string_view expression) {
  return SocketFilter::parse(expression).to_string();
}

std::string error_of(std::string_view expression) {
  try {
    SocketFilter::parse(expression);
  } catch (const FilterError& error) {
    return error.what();
  }
  return "(no error)";
}

// --- matching everything -------------------------------------------------------------------------

TEST(SocketFilterTest, DefaultAndBlankFiltersMatchEverything) {
  for (const SocketFilter& filter :
       {SocketFilter(), SocketFilter::parse(""), SocketFilter::parse(" \t\n ")}) {
    EXPECT_TRUE(filter.matches_everything());
    EXPECT_EQ(filter.to_string(), "");
    EXPECT_TRUE(filter.matches(inet("10.0.0.1", 22, "10.0.0.2", 5000), no_owners()));
    EXPECT_TRUE(filter.matches(unix_socket(kUnixConnected), no_owners()));
    EXPECT_TRUE(filter.matches(flow("udp", "", "10.0.0.1", 53, "10.0.0.2", 53)));
  }
  EXPECT_FALSE(SocketFilter::parse("state listen").matches_everything());
}

// --- ports ---------------------------------------------------------------------------------------

TEST(SocketFilterTest, PortPredicatesLookAtTheirEnd) {
  auto ssh = inet("10.0.0.1", 22, "10.0.0.9", 51000);
  EXPECT_TRUE(matches("sport = 22", ssh));
  EXPECT_TRUE(matches("sport = :22", ssh));
  EXPECT_TRUE(matches("sport :22", ssh));
  EXPECT_TRUE(matches("sport 22", ssh));
  EXPECT_FALSE(matches("dport = 22", ssh));
  EXPECT_TRUE(matches("dport = 51000", ssh));
  EXPECT_TRUE(matches("port = 22", ssh));
  EXPECT_TRUE(matches("port = 51000", ssh));
  EXPECT_FALSE(matches("port = 80", ssh));
  EXPECT_TRUE(matches("sport=22", ssh));
}

TEST(SocketFilterTest, EveryComparisonOperator) {
  struct Case {
    std::string op;
    bool below, equal, above;  // for dport 1023, 1024, 1025 against 1024
  };
  const Case cases[] = {
      {"=", false, true, false},  {"==", false, true, false}, {"eq", false, true, false},
      {"!=", true, false, true},  {"ne", true, false, true},  {"<", true, false, false},
      {"lt", true, false, false}, {"<=", true, true, false},  {"le", true, true, false},
      {">", false, false, true},  {"gt", false, false, true}, {">=", false, true, true},
      {"ge", false, true, true},  {"EQ", false, true, false},
  };
  for (const Case& c : cases) {
    std::string expression = "dport " + c.op + " 1024";
    EXPECT_EQ(matches(expression, inet("10.0.0.1", 1, "10.0.0.2", 1023)), c.below) << expression;
    EXPECT_EQ(matches(expression, inet("10.0.0.1", 1, "10.0.0.2", 1024)), c.equal) << expression;
    EXPECT_EQ(matches(expression, inet("10.0.0.1", 1, "10.0.0.2", 1025)), c.above) << expression;
  }
}

TEST(SocketFilterTest, EitherPortHoldsWhenOneEndDoes) {
  auto web = inet("10.0.0.1", 80, "10.0.0.9", 5000);
  EXPECT_TRUE(matches("port != 80", web));  // the remote end is not 80
  EXPECT_FALSE(matches("not port = 80", web));
  EXPECT_TRUE(matches("port < 100", web));
  EXPECT_FALSE(matches("port > 6000", web));
}

TEST(SocketFilterTest, RawSocketsLocalPortIsTheProtocolNumber) {
  auto icmp = inet("0.0.0.0", 1, "0.0.0.0", 0, kClose, InetProtocol::kRaw);
  EXPECT_TRUE(matches("proto raw and sport = 1", icmp));
  EXPECT_FALSE(matches("sport = 58", icmp));
}

// --- addresses -----------------------------------------------------------------------------------

TEST(SocketFilterTest, Ipv4AddressesAndPrefixes) {
  auto out = inet("192.168.1.5", 40000, "10.31.255.255", 443);
  EXPECT_TRUE(matches("dst 10.0.0.0/8", out));
  EXPECT_FALSE(matches("dst 11.0.0.0/8", out));
  EXPECT_TRUE(matches("dst 10.16.0.0/12", out));
  EXPECT_FALSE(matches("dst 10.32.0.0/12", out));
  EXPECT_FALSE(matches("dst 10.31.255.254", out));
  EXPECT_TRUE(matches("dst 10.31.255.255", out));
  EXPECT_TRUE(matches("dst 0.0.0.0/0", out));
  EXPECT_TRUE(matches("src 192.168.1.5", out));
  EXPECT_FALSE(matches("src 10.0.0.0/8", out));
  EXPECT_TRUE(matches("addr 10.0.0.0/8", out));
  EXPECT_TRUE(matches("addr 192.168.0.0/16", out));
  EXPECT_FALSE(matches("addr 172.16.0.0/12", out));
  EXPECT_TRUE(matches("dst 10.31.0.0/16:443", out));
  EXPECT_FALSE(matches("dst 10.31.0.0/16:80", out));
}

TEST(SocketFilterTest, AddressesWithPortsAndWildcards) {
  auto local_web = inet("::1", 80, "::1", 34000);
  EXPECT_TRUE(matches("src [::1]:80", local_web));
  EXPECT_FALSE(matches("src [::1]:81", local_web));
  EXPECT_FALSE(matches("src [::2]:80", local_web));
  EXPECT_TRUE(matches("src [::1]", local_web));
  EXPECT_TRUE(matches("src ::1", local_web));
  EXPECT_TRUE(matches("src *:80", local_web));
  EXPECT_TRUE(matches("src :80", local_web));
  EXPECT_FALSE(matches("dst *:80", local_web));
  EXPECT_TRUE(matches("dst *", local_web));
  EXPECT_TRUE(matches("src 127.0.0.1:80", inet("127.0.0.1", 80, "127.0.0.1", 5)));
  EXPECT_FALSE(matches("src 127.0.0.1:80", inet("127.0.0.1", 81, "127.0.0.1", 5)));
}

TEST(SocketFilterTest, Ipv6Prefixes) {
  EXPECT_TRUE(matches("dst [fe80::]/10", inet("fe80::1", 1, "fe80::2", 2)));
  EXPECT_TRUE(matches("dst fe80::/10", inet("fe80::1", 1, "febf::2", 2)));
  EXPECT_FALSE(matches("dst fe80::/10", inet("fe80::1", 1, "fec0::2", 2)));
  EXPECT_TRUE(matches("dst [2001:db8::]/32:443", inet("::1", 1, "2001:db8:1::5", 443)));
  // An IPv6 network never covers an IPv4 socket, not even ::/0.
  EXPECT_FALSE(matches("dst ::/0", inet("10.0.0.1", 1, "10.0.0.2", 2)));
}

TEST(SocketFilterTest, Ipv4NetworksMatchV4MappedAddresses) {
  // A tcp6 socket carrying IPv4 traffic.
  auto mapped = inet("::ffff:192.168.1.5", 22, "::ffff:10.0.0.7", 50000);
  ASSERT_TRUE(mapped.ipv6);
  EXPECT_TRUE(matches("dst 10.0.0.0/8", mapped));
  EXPECT_TRUE(matches("dst 10.0.0.7", mapped));
  EXPECT_TRUE(matches("src 192.168.1.5:22", mapped));
  EXPECT_FALSE(matches("dst 11.0.0.0/8", mapped));
  EXPECT_TRUE(matches("dst [::ffff:10.0.0.7]", mapped));
  EXPECT_TRUE(matches("family inet6", mapped));  // the family is the socket's, not the peer's
}

// --- states --------------------------------------------------------------------------------------

TEST(SocketFilterTest, StateWordsAcceptEverySpelling) {
  auto fin_wait = inet("10.0.0.1", 1, "10.0.0.2", 2, kFinWait1);
  for (std::string_view word : {"fin-wait-1", "fin_wait1", "FIN_WAIT1", "Fin-Wait1", "finwait1"})
    EXPECT_TRUE(matches("state " + std::string(word), fin_wait)) << word;
  EXPECT_FALSE(matches("state fin-wait-2", fin_wait));
  auto closed = inet("10.0.0.1", 1, "0.0.0.0", 0, kClose, InetProtocol::kUdp);
  EXPECT_TRUE(matches("state close", closed));
  EXPECT_TRUE(matches("state closed", closed));
  EXPECT_FALSE(matches("state close-wait", closed));
  EXPECT_TRUE(matches("state time_wait", inet("10.0.0.1", 1, "10.0.0.2", 2, kTimeWait)));
  EXPECT_TRUE(matches("state new-syn-recv", inet("10.0.0.1", 1, "10.0.0.2", 2, kNewSynRecv)));
  EXPECT_TRUE(matches("state LAST-ACK", inet("10.0.0.1", 1, "10.0.0.2", 2, kLastAck)));
  EXPECT_FALSE(matches("state established", inet("10.0.0.1", 1, "10.0.0.2", 2, 0)));
}

TEST(SocketFilterTest, StateGroupsFollowSs) {
  // For states 1 (established) to 12 (new-syn-recv).
  const std::vector<bool> connected = {1, 1, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1};
  const std::vector<bool> synchronized = {1, 0, 1, 1, 1, 1, 0, 1, 1, 0, 1, 1};
  const std::vector<bool> bucket = {0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1};
  const std::vector<bool> big = {1, 1, 0, 1, 1, 0, 1, 1, 1, 1, 1, 0};
  for (uint8_t state = 1; state <= 12; ++state) {
    auto socket = inet("10.0.0.1", 1, "10.0.0.2", 2, state);
    EXPECT_EQ(matches("state connected", socket), connected[state - 1]) << int(state);
    EXPECT_EQ(matches("state synchronized", socket), synchronized[state - 1]) << int(state);
    EXPECT_EQ(matches("state bucket", socket), bucket[state - 1]) << int(state);
    EXPECT_EQ(matches("state big", socket), big[state - 1]) << int(state);
  }
}

TEST(SocketFilterTest, ListenCoversTcpAndUnixListeners) {
  EXPECT_TRUE(matches("state listen", inet("0.0.0.0", 22, "0.0.0.0", 0, kListen)));
  EXPECT_TRUE(matches("state listening", inet("0.0.0.0", 22, "0.0.0.0", 0, kListen)));
  EXPECT_TRUE(matches("state listen", unix_socket(kUnixUnconnected, kAcceptCon)));
  EXPECT_FALSE(matches("state listen", unix_socket(kUnixUnconnected)));
  EXPECT_FALSE(matches("state listen", inet("10.0.0.1", 22, "10.0.0.2", 9)));
  EXPECT_TRUE(matches("not state listen", inet("10.0.0.1", 22, "10.0.0.2", 9)));
  EXPECT_FALSE(matches("not state listen", unix_socket(kUnixUnconnected, kAcceptCon)));
}

TEST(SocketFilterTest, UnixSocketStates) {
  EXPECT_TRUE(matches("state unconnected", unix_socket(kUnixUnconnected)));
  EXPECT_TRUE(matches("state connecting", unix_socket(kUnixConnecting)));
  EXPECT_TRUE(matches("state connected", unix_socket(kUnixConnected)));
  EXPECT_TRUE(matches("state disconnecting", unix_socket(kUnixDisconnecting)));
  EXPECT_FALSE(matches("state connected", unix_socket(kUnixUnconnected)));
  EXPECT_FALSE(matches("state unconnected", unix_socket(kUnixUnconnected, kAcceptCon)));
  // TCP-only words do not cover unix sockets.
  EXPECT_FALSE(matches("state established", unix_socket(kUnixConnected)));
  EXPECT_FALSE(matches("state synchronized", unix_socket(kUnixConnected)));
  EXPECT_FALSE(matches("state unconnected", inet("10.0.0.1", 1, "0.0.0.0", 0, kClose)));
}

// --- unix sockets --------------------------------------------------------------------------------

TEST(SocketFilterTest, UnixSocketsHaveNoPortsOrAddresses) {
  auto socket = unix_socket(kUnixConnected);
  EXPECT_FALSE(matches("dport = :80", socket));
  EXPECT_TRUE(matches("not dport = :80", socket));
  EXPECT_FALSE(matches("port != 80", socket));
  EXPECT_FALSE(matches("src *", socket));
  EXPECT_FALSE(matches("addr 0.0.0.0/0", socket));
  EXPECT_TRUE(matches("proto unix", socket));
  EXPECT_TRUE(matches("family unix", socket));
  EXPECT_FALSE(matches("family inet", socket));
  EXPECT_FALSE(matches("proto tcp", socket));
  EXPECT_FALSE(matches("uid = 0", socket));
}

// --- protocols and families ----------------------------------------------------------------------

TEST(SocketFilterTest, ProtocolsAndFamilies) {
  auto tcp4 = inet("10.0.0.1", 1, "10.0.0.2", 2);
  auto tcp6 = inet("::1", 1, "::1", 2);
  auto udp4 = inet("10.0.0.1", 53, "0.0.0.0", 0, kClose, InetProtocol::kUdp);
  auto udplite6 = inet("::", 9, "::", 0, kClose, InetProtocol::kUdpLite);
  EXPECT_TRUE(matches("proto tcp", tcp4));
  EXPECT_TRUE(matches("proto tcp", tcp6));
  EXPECT_TRUE(matches("proto tcp4", tcp4));
  EXPECT_FALSE(matches("proto tcp4", tcp6));
  EXPECT_TRUE(matches("protocol TCP6", tcp6));
  EXPECT_FALSE(matches("proto udp", tcp4));
  EXPECT_TRUE(matches("proto udp", udp4));
  EXPECT_TRUE(matches("proto udp4", udp4));
  EXPECT_FALSE(matches("proto udp", udplite6));
  EXPECT_TRUE(matches("proto udplite6", udplite6));
  EXPECT_TRUE(matches("family inet", tcp4));
  EXPECT_FALSE(matches("family inet", tcp6));
  EXPECT_TRUE(matches("family INET6", tcp6));
  EXPECT_FALSE(matches("family unix", tcp4));
}

// --- owners --------------------------------------------------------------------------------------

// sshd (pid 100) holds inode 500; two nginx workers (300, 301) share the listener 600.
model::Snapshot owned_snapshot() {
  model::Snapshot snapshot;
  snapshot.processes.push_back(process(100, "/usr/sbin/sshd\0-D\0"s, {500}));
  snapshot.processes.push_back(process(300, "nginx: worker process\0"s, {600}));
  snapshot.processes.push_back(process(301, "nginx: worker process\0"s, {600}));
  auto ssh = inet("10.0.0.1", 22, "10.0.0.9", 51000);
  ssh.inode = 500;
  ssh.uid = 0;
  auto web = inet("0.0.0.0", 80, "0.0.0.0", 0, kListen);
  web.inode = 600;
  web.uid = 33;
  auto gone = inet("10.0.0.1", 22, "10.0.0.8", 40000, kTimeWait);  // inode 0: no owner
  snapshot.inet_sockets = {ssh, web, gone};
  auto control = unix_socket(kUnixUnconnected, kAcceptCon, 500);
  snapshot.unix_sockets = {control, unix_socket(kUnixConnected, 0, 999)};
  return snapshot;
}

TEST(SocketFilterTest, PidAndProgramMatchAnyOwner) {
  model::Snapshot snapshot = owned_snapshot();
  model::SocketOwners owners(snapshot);
  const auto& ssh = snapshot.inet_sockets[0];
  const auto& web = snapshot.inet_sockets[1];
  const auto& gone = snapshot.inet_sockets[2];
  auto check = [&](std::string_view expression, const auto& socket) {
    return SocketFilter::parse(expression).matches(socket, owners);
  };
  EXPECT_TRUE(check("pid = 100", ssh));
  EXPECT_FALSE(check("pid = 100", web));
  EXPECT_TRUE(check("pid = 301", web));  // the second holder counts too
  EXPECT_TRUE(check("pid != 300", web));
  EXPECT_FALSE(check("not pid = 300", web));
  EXPECT_TRUE(check("pid >= 300", web));
  EXPECT_FALSE(check("pid > 301", web));
  EXPECT_TRUE(check("program sshd", ssh));  // argv[0]'s basename
  EXPECT_FALSE(check("program comm100", ssh));
  EXPECT_TRUE(check("comm 'nginx: worker process'", web));
  EXPECT_TRUE(check("program \"nginx: worker process\"", web));
  EXPECT_TRUE(check("program nginx*", web));
  EXPECT_TRUE(check("program 'ngin?: *'", web));
  EXPECT_FALSE(check("program nginx", web));
  EXPECT_FALSE(check("program ssh", ssh));
  EXPECT_TRUE(check("program sshd", snapshot.unix_sockets[0]));
  EXPECT_TRUE(check("pid = 100", snapshot.unix_sockets[0]));
  EXPECT_FALSE(check("program sshd", snapshot.unix_sockets[1]));
  // TIME_WAIT sockets have no owner: no pid or program test holds for them.
  EXPECT_FALSE(check("program sshd", gone));
  EXPECT_FALSE(check("pid != 1", gone));
  EXPECT_FALSE(check("program *", gone));
  EXPECT_TRUE(check("not program sshd", gone));
}

TEST(SocketFilterTest, UidComparesInetAndSctpOwners) {
  auto socket = inet("10.0.0.1", 1, "10.0.0.2", 2);
  socket.uid = 1000;
  EXPECT_TRUE(matches("uid = 1000", socket));
  EXPECT_TRUE(matches("uid >= 1000", socket));
  EXPECT_FALSE(matches("uid < 1000", socket));
  EXPECT_TRUE(matches("uid ne 0", socket));
  EXPECT_TRUE(matches("uid = 7", sctp_endpoint({"10.0.0.1"}, 5000)));
  EXPECT_TRUE(matches("uid = 7", sctp_association({"10.0.0.1"}, 5000, {"10.0.0.2"}, 6000)));
}

// --- sctp ----------------------------------------------------------------------------------------

TEST(SocketFilterTest, SctpEndpointsListenOnAllTheirAddresses) {
  auto endpoint = sctp_endpoint({"10.0.0.1", "192.168.0.1"}, 5000);
  EXPECT_TRUE(matches("src 192.168.0.0/16", endpoint));
  EXPECT_TRUE(matches("src 10.0.0.1:5000", endpoint));
  EXPECT_FALSE(matches("src 172.16.0.0/12", endpoint));
  EXPECT_TRUE(matches("sport = 5000", endpoint));
  EXPECT_FALSE(matches("dport = 0", endpoint));  // an endpoint has no remote end
  EXPECT_FALSE(matches("dst *", endpoint));
  EXPECT_TRUE(matches("state listen", endpoint));
  EXPECT_FALSE(matches("state established", endpoint));
  EXPECT_TRUE(matches("proto sctp", endpoint));
  EXPECT_TRUE(matches("proto sctp4", endpoint));
  EXPECT_FALSE(matches("proto sctp6", endpoint));
}

TEST(SocketFilterTest, SctpAssociationsAreEstablished) {
  auto association = sctp_association({"10.0.0.1"}, 5000, {"172.16.0.5", "172.16.1.5"}, 6000);
  association.ipv6 = true;
  EXPECT_TRUE(matches("dst 172.16.1.5", association));
  EXPECT_TRUE(matches("dst 172.16.0.0/16:6000", association));
  EXPECT_FALSE(matches("dst 172.16.0.0/16:5000", association));
  EXPECT_TRUE(matches("dport = 6000 and sport = 5000", association));
  EXPECT_TRUE(matches("state established", association));
  EXPECT_TRUE(matches("state connected", association));
  EXPECT_FALSE(matches("state listen", association));
  EXPECT_TRUE(matches("proto sctp6 and family inet6", association));
}

// --- conntrack -----------------------------------------------------------------------------------

TEST(SocketFilterTest, ConntrackFlowsUseTheOriginalTuple) {
  auto https = flow("tcp", "ESTABLISHED", "10.0.0.1", 40000, "93.184.216.34", 443);
  EXPECT_TRUE(matches("dport = 443", https));
  EXPECT_FALSE(matches("sport = 443", https));  // only the reply tuple has it there
  EXPECT_TRUE(matches("src 10.0.0.0/8", https));
  EXPECT_TRUE(matches("dst 93.184.216.34:443", https));
  EXPECT_FALSE(matches("dst 10.0.0.1", https));
  EXPECT_TRUE(matches("state established", https));
  EXPECT_TRUE(matches("state connected", https));
  EXPECT_TRUE(matches("proto tcp4", https));
  EXPECT_FALSE(matches("proto tcp6", https));
  EXPECT_TRUE(matches("family inet", https));
  EXPECT_FALSE(matches("pid = 1", https));
  EXPECT_TRUE(matches("not pid = 1", https));
  EXPECT_FALSE(matches("program *", https));
  EXPECT_FALSE(matches("uid = 0", https));
}

TEST(SocketFilterTest, ConntrackStatesAndProtocols) {
  EXPECT_TRUE(matches("state time-wait", flow("tcp", "TIME_WAIT", "10.0.0.1", 1, "10.0.0.2", 2)));
  EXPECT_TRUE(matches("state syn-sent", flow("tcp", "SYN_SENT", "10.0.0.1", 1, "10.0.0.2", 2)));
  EXPECT_TRUE(matches("state bucket", flow("tcp", "SYN_RECV", "10.0.0.1", 1, "10.0.0.2", 2)));
  // Conntrack's FIN_WAIT is neither of TCP's two.
  auto fin_wait = flow("tcp", "FIN_WAIT", "10.0.0.1", 1, "10.0.0.2", 2);
  EXPECT_FALSE(matches("state fin-wait-1 or state fin-wait-2", fin_wait));
  auto dns = flow("udp", "", "2001:db8::1", 5353, "2001:db8::53", 53);
  EXPECT_FALSE(matches("state established", dns));
  EXPECT_TRUE(matches("proto udp6 and family inet6 and dst [2001:db8::]/32:53", dns));
  auto ping = flow("icmp", "", "10.0.0.1", 0, "10.0.0.2", 0);
  EXPECT_TRUE(matches("proto icmp", ping));
  EXPECT_FALSE(matches("proto icmpv6", ping));
  EXPECT_TRUE(matches("proto gre", flow("gre", "", "10.0.0.1", 0, "10.0.0.2", 0)));
}

// --- and, or, not --------------------------------------------------------------------------------

TEST(SocketFilterTest, AndBindsTighterThanOr) {
  // sport 1 alone: true as "a or (b and c)", false as "(a or b) and c".
  auto socket = inet("10.0.0.1", 1, "10.0.0.2", 9);
  EXPECT_TRUE(matches("sport = 1 or sport = 2 and dport = 3", socket));
  EXPECT_FALSE(matches("(sport = 1 or sport = 2) and dport = 3", socket));
  EXPECT_FALSE(matches("sport = 2 and dport = 9 or sport = 3", socket));
  EXPECT_TRUE(matches("sport = 2 or sport = 1 and dport = 9", socket));
  EXPECT_EQ(canonical("sport = 1 or sport = 2 and dport = 3"),
            "sport = 1 or sport = 2 and dport = 3");
  EXPECT_EQ(canonical("(sport = 1 or sport = 2) and dport = 3"),
            "(sport = 1 or sport = 2) and dport = 3");
}

TEST(SocketFilterTest, NotAndParentheses) {
  auto socket = inet("10.0.0.1", 1, "10.0.0.2", 9);
  EXPECT_FALSE(matches("not sport = 1", socket));
  EXPECT_FALSE(matches("! sport = 1", socket));
  EXPECT_FALSE(matches("!sport = 1", socket));
  EXPECT_TRUE(matches("not not sport = 1", socket));
  EXPECT_FALSE(matches("not (sport = 2 or dport = 9)", socket));
  EXPECT_TRUE(matches("not sport = 2 or dport = 9", socket));
  // not binds tighter than and: (not sport = 1) and dport = 9.
  EXPECT_FALSE(matches("not sport = 1 and dport = 9", socket));
  EXPECT_TRUE(matches("not (sport = 1 and dport = 8)", socket));
  EXPECT_TRUE(matches("((sport = 1))", socket));
  EXPECT_EQ(canonical("not (sport = 1 and dport = 8)"), "not (sport = 1 and dport = 8)");
  EXPECT_EQ(canonical("not (sport = 1)"), "not sport = 1");
}

TEST(SocketFilterTest, JuxtapositionAndSymbolsJoinPredicates) {
  auto listener = inet("0.0.0.0", 22, "0.0.0.0", 0, kListen);
  EXPECT_TRUE(matches("state listen sport = 22", listener));
  EXPECT_FALSE(matches("state listen sport = 80", listener));
  EXPECT_TRUE(matches("state listen && sport = 22", listener));
  EXPECT_TRUE(matches("sport = 80 || sport = 22", listener));
  EXPECT_FALSE(matches("sport = 80 || sport = 81", listener));
  EXPECT_EQ(canonical("state listen sport = 22"), "state listen and sport = 22");
  EXPECT_EQ(canonical("sport = 80 || sport = 22 && ! dport = 1"),
            "sport = 80 or sport = 22 and not dport = 1");
}

TEST(SocketFilterTest, KeywordsAreCaseInsensitive) {
  auto https = inet("10.0.0.1", 40000, "10.0.0.2", 443);
  EXPECT_TRUE(matches("STATE Established AND DPORT EQ 443", https));
  EXPECT_TRUE(matches("Not State Listen Or Sport = 1", https));
  EXPECT_EQ(canonical("STATE Established AND DPORT EQ 443"), "state established and dport = 443");
}

TEST(SocketFilterTest, SsStyleExamples) {
  auto client = inet("10.0.0.1", 40000, "10.2.0.2", 443);
  auto server = inet("10.0.0.1", 443, "10.2.0.2", 40000);
  auto listener = inet("0.0.0.0", 443, "0.0.0.0", 0, kListen);
  auto other = inet("10.0.0.1", 40001, "10.2.0.2", 80);
  const char* https = "state established and ( dport = :443 or sport = :443 )";
  EXPECT_TRUE(matches(https, client));
  EXPECT_TRUE(matches(https, server));
  EXPECT_FALSE(matches(https, listener));
  EXPECT_FALSE(matches(https, other));
  EXPECT_TRUE(matches("dst 10.0.0.0/8", other));
  EXPECT_FALSE(matches("dst 10.0.0.0/8", listener));
  EXPECT_TRUE(matches("src [::1]:80", inet("::1", 80, "::", 0, kListen)));
  EXPECT_TRUE(matches("not state listen", other));
  EXPECT_FALSE(matches("not state listen", listener));
}

// --- canonical text ------------------------------------------------------------------------------

TEST(SocketFilterTest, CanonicalTextParsesBackToItself) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"dport = :80", "dport = 80"},
      {"sport ge 1024", "sport >= 1024"},
      {"port 53", "port = 53"},
      {"dst 10.0.0.0/8", "dst 10.0.0.0/8"},
      {"src 10.0.0.1/32", "src 10.0.0.1"},
      {"src ::1", "src [::1]"},
      {"src [::1]/128:80", "src [::1]:80"},
      {"dst FE80::/10", "dst [fe80::]/10"},
      {"addr *", "addr *"},
      {"src :22", "src *:22"},
      {"state FIN_WAIT1", "state fin-wait-1"},
      {"state closed", "state close"},
      {"state listening", "state listen"},
      {"protocol UDP6", "proto udp6"},
      {"family Inet6", "family inet6"},
      {"pid 42", "pid = 42"},
      {"uid lt 1000", "uid < 1000"},
      {"comm sshd", "program sshd"},
      {"program 'nginx: worker'", "program 'nginx: worker'"},
      {"program \"it's\"", "program \"it's\""},
      {"program 'or'", "program 'or'"},
  };
  for (const auto& [expression, expected] : cases) {
    EXPECT_EQ(canonical(expression), expected) << expression;
    EXPECT_EQ(canonical(expected), expected) << expected;
  }
  EXPECT_EQ(canonical("(state listen or (state established and not (sport = 1 or sport = 2)))"),
            "state listen or state established and not (sport = 1 or sport = 2)");
}

// --- several filters -----------------------------------------------------------------------------

TEST(SocketFilterTest, AllOfRequiresEveryFilter) {
  SocketFilter both = SocketFilter::all_of({SocketFilter::parse("state listen"), SocketFilter(),
                                            SocketFilter::parse("sport = 22 or sport = 80")});
  EXPECT_EQ(both.to_string(), "state listen and (sport = 22 or sport = 80)");
  EXPECT_TRUE(both.matches(inet("0.0.0.0", 80, "0.0.0.0", 0, kListen), no_owners()));
  EXPECT_FALSE(both.matches(inet("0.0.0.0", 443, "0.0.0.0", 0, kListen), no_owners()));
  EXPECT_FALSE(both.matches(inet("10.0.0.1", 80, "10.0.0.2", 5), no_owners()));
  SocketFilter chained = SocketFilter::all_of(
      {SocketFilter::parse("proto tcp and state listen"), SocketFilter::parse("sport = 22")});
  EXPECT_EQ(chained.to_string(), "proto tcp and state listen and sport = 22");
  EXPECT_TRUE(SocketFilter::all_of({}).matches_everything());
  EXPECT_TRUE(
      SocketFilter::all_of({SocketFilter(), SocketFilter::parse(" ")}).matches_everything());
  EXPECT_EQ(SocketFilter::all_of({SocketFilter::parse("pid 1")}).to_string(), "pid = 1");
}

TEST(SocketFilterTest, CopiesShareTheParsedExpression) {
  SocketFilter original = SocketFilter::parse("sport = 22");
  SocketFilter copy = original;
  original = SocketFilter();
  EXPECT_TRUE(original.matches_everything());
  EXPECT_EQ(copy.to_string(), "sport = 22");
  EXPECT_TRUE(copy.matches(inet("10.0.0.1", 22, "10.0.0.2", 5), no_owners()));
}

// --- apply_filter --------------------------------------------------------------------------------

model::Snapshot mixed_snapshot() {
  model::Snapshot snapshot = owned_snapshot();  // 3 inet, 2 unix, 3 processes
  snapshot.sctp_endpoints = {sctp_endpoint({"10.0.0.1"}, 5000)};
  snapshot.sctp_associations = {sctp_association({"10.0.0.1"}, 5000, {"10.0.0.2"}, 6000)};
  snapshot.conntrack = {flow("tcp", "ESTABLISHED", "10.0.0.1", 40000, "10.0.0.2", 22),
                        flow("udp", "", "10.0.0.1", 5353, "10.0.0.2", 53)};
  snapshot.routes4.resize(2);
  snapshot.interfaces.resize(3);
  snapshot.statistics.resize(1);
  return snapshot;
}

TEST(SocketFilterTest, ApplyFilterKeepsMatchingSocketsAndFlows) {
  model::Snapshot snapshot = mixed_snapshot();
  apply_filter(SocketFilter::parse("state listen"), snapshot);
  ASSERT_EQ(snapshot.inet_sockets.size(), 1u);
  EXPECT_EQ(snapshot.inet_sockets[0].local_port, 80);
  ASSERT_EQ(snapshot.unix_sockets.size(), 1u);
  EXPECT_EQ(snapshot.unix_sockets[0].inode, 500u);
  EXPECT_EQ(snapshot.sctp_endpoints.size(), 1u);
  EXPECT_EQ(snapshot.sctp_associations.size(), 0u);
  EXPECT_EQ(snapshot.conntrack.size(), 0u);
  // Everything that is not a socket or a flow stays.
  EXPECT_EQ(snapshot.processes.size(), 3u);
  EXPECT_EQ(snapshot.routes4.size(), 2u);
  EXPECT_EQ(snapshot.interfaces.size(), 3u);
  EXPECT_EQ(snapshot.statistics.size(), 1u);
}

TEST(SocketFilterTest, ApplyFilterByPortAndOwner) {
  model::Snapshot snapshot = mixed_snapshot();
  apply_filter(SocketFilter::parse("port = 22"), snapshot);
  EXPECT_EQ(snapshot.inet_sockets.size(), 2u);  // the ssh session and its TIME_WAIT
  EXPECT_EQ(snapshot.unix_sockets.size(), 0u);
  EXPECT_EQ(snapshot.sctp_endpoints.size(), 0u);
  EXPECT_EQ(snapshot.conntrack.size(), 1u);

  snapshot = mixed_snapshot();
  apply_filter(SocketFilter::parse("program sshd"), snapshot);
  EXPECT_EQ(snapshot.inet_sockets.size(), 1u);
  EXPECT_EQ(snapshot.unix_sockets.size(), 1u);
  EXPECT_EQ(snapshot.conntrack.size(), 0u);
  EXPECT_EQ(snapshot.processes.size(), 3u);
}

TEST(SocketFilterTest, ApplyingTheEmptyFilterChangesNothing) {
  model::Snapshot snapshot = mixed_snapshot();
  apply_filter(SocketFilter(), snapshot);
  EXPECT_EQ(snapshot, mixed_snapshot());
}

// --- errors --------------------------------------------------------------------------------------

TEST(SocketFilterTest, ErrorsAreFilterErrors) {
  EXPECT_THROW(SocketFilter::parse("dport = x"), FilterError);
  EXPECT_THROW(SocketFilter::parse("("), FilterError);
  EXPECT_THROW(SocketFilter::parse("state"), FilterError);
  EXPECT_NO_THROW(SocketFilter::parse("   "));
}

// Found by tools/fuzz/run.sh: 30,000 '(' overflowed the stack (tests/fuzz/regressions/).
TEST(SocketFilterTest, NestingIsBoundedNotAStackOverflow) {
  auto repeated = [](std::string_view text, size_t times) {
    std::string out;
    for (size_t i = 0; i < times; ++i) out += text;
    return out;
  };
  EXPECT_EQ(canonical(repeated("(", 100) + "pid 1" + repeated(")", 100)), "pid = 1");
  EXPECT_EQ(canonical(repeated("not ", 100) + "pid 1"), repeated("not ", 100) + "pid = 1");
  EXPECT_EQ(canonical(repeated("!(", 50) + "pid 1" + repeated(")", 50)),
            repeated("not ", 50) + "pid = 1");
  EXPECT_EQ(error_of(repeated("(", 101) + "pid 1" + repeated(")", 101)),
            "filter: more than 100 nested 'not' and '(' at column 101 ('(')");
  EXPECT_EQ(error_of(repeated("not ", 101) + "pid 1"),
            "filter: more than 100 nested 'not' and '(' at column 401 ('not')");
  EXPECT_THROW(SocketFilter::parse(repeated("(", 100'000)), FilterError);
  EXPECT_THROW(SocketFilter::parse(repeated("!", 100'000) + "pid 1"), FilterError);
}

TEST(SocketFilterTest, ErrorsNameTheTextAndColumn) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"dport = x",
       "filter: expected a port after 'dport =' at column 9 ('x'); write its number: service names "
       "depend on the recording machine"},
      {"dport = 8o",
       "filter: expected a port after 'dport =' at column 9 ('8o'); write its "
       "number: service names depend on the recording machine"},
      {"dport = 1.5", "filter: expected a port after 'dport =' at column 9 ('1.5')"},
      {"dport", "filter: expected a port after 'dport' at column 6 (end of input)"},
      {"sport = :ssh",
       "filter: expected a port after 'sport =' at column 9 (':ssh'); write its number: service "
       "names depend on the recording machine"},
      {"sport = -1", "filter: expected a port after 'sport =' at column 9 ('-1')"},
      {"dport = 70000", "filter: port 70000 is out of range (0-65535) at column 9 ('70000')"},
      {"prot tcp",
       "filter: unknown word 'prot' at column 1; expected sport, dport, port, src, dst, addr, "
       "state, proto, family, pid, program, uid, not, or '('"},
      {"state estab",
       "filter: unknown state 'estab' at column 7; expected established, syn-sent, syn-recv, "
       "fin-wait-1, fin-wait-2, time-wait, close, close-wait, last-ack, listen, closing, "
       "new-syn-recv, connected, synchronized, bucket, big, unconnected, connecting, "
       "disconnecting"},
      {"state", "filter: expected a state after 'state' at column 6 (end of input)"},
      {"state and sport = 1", "filter: expected a state after 'state' at column 7 ('and')"},
      {"proto tpc",
       "filter: unknown protocol 'tpc' at column 7; expected tcp, udp, udplite, raw, sctp, dccp, "
       "gre (each also with 4 or 6), unix, icmp, icmpv6"},
      {"proto unix6",
       "filter: unknown protocol 'unix6' at column 7; expected tcp, udp, udplite, raw, sctp, "
       "dccp, gre (each also with 4 or 6), unix, icmp, icmpv6"},
      {"family inet4", "filter: unknown family 'inet4' at column 8; expected inet, inet6, unix"},
      {"(state listen",
       "filter: expected ')' to close the '(' of column 1 at column 14 (end of input)"},
      {"(sport = 1 or (dport = 2)",
       "filter: expected ')' to close the '(' of column 1 at column 26 (end of input)"},
      {"state listen)", "filter: unmatched ')', no '(' is open at column 13 (')')"},
      {"()", "filter: expected a filter after '(' at column 2 (')')"},
      {")", "filter: expected a filter at column 1 (')')"},
      {"not", "filter: expected a filter after 'not' at column 4 (end of input)"},
      {"state listen and", "filter: expected a filter after 'and' at column 17 (end of input)"},
      {"state listen or or sport = 1", "filter: expected a filter after 'or' at column 17 ('or')"},
      {"= 80", "filter: expected a filter at column 1 ('=')"},
      {"dst 10.0.0.0/33",
       "filter: prefix length 33 is out of range for IPv4 (0-32) at column 5 ('10.0.0.0/33')"},
      {"dst [fe80::]/129",
       "filter: prefix length 129 is out of range for IPv6 (0-128) at column 5 ('[fe80::]/129')"},
      {"dst 10.0.0.0/x", "filter: expected a prefix length after '/' at column 5 ('10.0.0.0/x')"},
      {"dst example.com",
       "filter: expected a numeric IPv4 or IPv6 address after 'dst' at column 5 ('example.com')"},
      {"src [::1:80",
       "filter: expected ADDRESS[/PREFIX][:PORT], [IPV6][/PREFIX][:PORT] or *[:PORT] after 'src' "
       "at column 5 ('[::1:80')"},
      {"src */8",
       "filter: expected ADDRESS[/PREFIX][:PORT], [IPV6][/PREFIX][:PORT] or *[:PORT] after 'src' "
       "at column 5 ('*/8')"},
      {"src 10.0.0.1:http",
       "filter: expected a port in the address at column 5 ('10.0.0.1:http'); write its number: "
       "service names depend on the recording machine"},
      {"addr", "filter: expected an address after 'addr' at column 5 (end of input)"},
      {"pid = abc", "filter: expected a number after 'pid =' at column 7 ('abc')"},
      {"uid 99999999999",
       "filter: uid 99999999999 is out of range (0-4294967295) at column 5 ('99999999999')"},
      {"program", "filter: expected a program name after 'program' at column 8 (end of input)"},
      {"program ''",
       "filter: expected a non-empty program name after 'program' at column 9 ('''')"},
      {"program 'sshd", "filter: unterminated quote at column 9 (''sshd')"},
      {"sport = 1 & sport = 2", "filter: expected a filter after '1' at column 11 ('&')"},
  };
  for (const auto& [expression, message] : cases) {
    EXPECT_EQ(error_of(expression), message) << expression;
  }
}

}  // namespace
}  // namespace netsnap::analysis
