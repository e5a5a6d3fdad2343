#include <gtest/gtest.h>

#include "netsnap/capture/proc_parsers.h"

namespace netsnap::capture {
namespace {

using model::InetProtocol;
using model::IpAddress;

constexpr std::string_view kTcpHeader =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout "
    "inode\n";

TEST(ProcNetInetTest, ParsesTcpLineWithAllFields) {
  std::string text(kTcpHeader);
  text +=
      "   5: 0700000A:AFC8 C864A8C0:01BB 02 00000024:00000010 01:00000064 00000003  1000        2 "
      "1005 1 ffff8881 100 40 3 10 -1\n";
  std::vector<model::InetSocket> out;
  Diagnostics diag;
  parse_proc_net_inet(text, "proc/net/tcp", InetProtocol::kTcp, false, out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(diag.warnings().empty());
  const auto& s = out[0];
  EXPECT_EQ(s.slot, 5u);
  EXPECT_EQ(s.local_address.to_string(), "10.0.0.7");
  EXPECT_EQ(s.local_port, 45000);
  EXPECT_EQ(s.remote_address.to_string(), "192.168.100.200");
  EXPECT_EQ(s.remote_port, 443);
  EXPECT_EQ(s.state, 2);
  EXPECT_EQ(s.tx_queue, 0x24u);
  EXPECT_EQ(s.rx_queue, 0x10u);
  EXPECT_EQ(s.timer_kind, 1);
  EXPECT_EQ(s.timer_expires_ticks, 100u);
  EXPECT_EQ(s.retransmits, 3u);
  EXPECT_EQ(s.uid, 1000u);
  EXPECT_EQ(s.timeouts, 2u);
  EXPECT_EQ(s.inode, 1005u);
  EXPECT_EQ(s.ref_count, 1u);
  EXPECT_EQ(s.kernel_address, 0u);  // checked, not kept
  EXPECT_EQ(s.retransmit_timeout_ticks, 100u);
  EXPECT_EQ(s.ack_timeout_ticks, 40u);
  EXPECT_EQ(s.quick_ack, 3u);
  EXPECT_EQ(s.send_congestion_window, 10u);
  EXPECT_EQ(s.slow_start_threshold, -1);
  EXPECT_EQ(s.extra_fields, "");
}

TEST(ProcNetInetTest, ParsesIpv6AndMappedAddresses) {
  std::string text(kTcpHeader);
  text +=
      "   1: 0000000000000000FFFF00000100007F:1F90 B80D012078563412F0DEBC9A78563412:01BB 01 "
      "00000000:00000000 00:00000000 00000000     0        0 1103 1 0000000000000000 100 0 0 10 "
      "0\n";
  std::vector<model::InetSocket> out;
  Diagnostics diag;
  parse_proc_net_inet(text, "proc/net/tcp6", InetProtocol::kTcp, true, out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].local_address.is_v4_mapped());
  EXPECT_EQ(out[0].local_address.to_string(), "::ffff:127.0.0.1");
  EXPECT_EQ(out[0].local_port, 8080);
  EXPECT_EQ(out[0].remote_address.to_string(), "2001:db8:1234:5678:9abc:def0:1234:5678");
}

TEST(ProcNetInetTest, UdpTailCarriesDrops) {
  std::string text =
      "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout "
      "inode ref pointer drops\n"
      " 100: 00000000:0044 00000000:0000 07 00000000:00000200 00:00000000 00000000     0        0 "
      "4001 2 0000000000000000 17\n";
  std::vector<model::InetSocket> out;
  Diagnostics diag;
  parse_proc_net_inet(text, "proc/net/udp", InetProtocol::kUdp, false, out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].rx_queue, 0x200u);
  EXPECT_EQ(out[0].drops, 17u);
  EXPECT_EQ(out[0].protocol, InetProtocol::kUdp);
}

TEST(ProcNetInetTest, MalformedLinesAreReportedAndSkipped) {
  std::string text(kTcpHeader);
  text += "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1001\n";
  text += "garbage that is not a socket\n";
  text += "   2: ZZZZ0000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1002\n";
  text += "\n";
  text += "   3: 00000000:0017 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1003\n";
  std::vector<model::InetSocket> out;
  Diagnostics diag;
  parse_proc_net_inet(text, "proc/net/tcp", InetProtocol::kTcp, false, out, diag);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].inode, 1001u);
  EXPECT_EQ(out[1].inode, 1003u);
  ASSERT_EQ(diag.warnings().size(), 2u);
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/tcp");
  EXPECT_EQ(diag.warnings()[0].line, 3u);
  EXPECT_EQ(diag.warnings()[1].line, 4u);
  EXPECT_NE(diag.warnings()[1].message.find("ZZZZ0000"), std::string::npos);
}

TEST(ProcNetInetTest, Ipv4AddressInIpv6FileIsMalformed) {
  std::string text(kTcpHeader);
  text += "   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 1001\n";
  std::vector<model::InetSocket> out;
  Diagnostics diag;
  parse_proc_net_inet(text, "proc/net/tcp6", InetProtocol::kTcp, true, out, diag);
  EXPECT_TRUE(out.empty());
  ASSERT_EQ(diag.warnings().size(), 1u);
}

}  // namespace
}  // namespace netsnap::capture
