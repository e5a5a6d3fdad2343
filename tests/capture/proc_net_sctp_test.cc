#include <gtest/gtest.h>

#include "netsnap/capture/proc_parsers.h"

namespace netsnap::capture {
namespace {

constexpr std::string_view kEpsHeader = " ENDPT     SOCK   STY SST HBKT LPORT   UID INODE LADDRS\n";
constexpr std::string_view kAssocsHeader =
    " ASSOC     SOCK   STY SST ST HBKT ASSOC-ID TX_QUEUE RX_QUEUE UID INODE LPORT RPORT LADDRS <-> "
    "RADDRS HBINT INS OUTS MAXRT T1X T2X RTXC wmema wmemq sndbuf rcvbuf\n";

TEST(ProcNetSctpTest, ParsesEndpointsWithPrimaryAndIpv6Addresses) {
  std::string text(kEpsHeader);
  text +=
      "ffff88810a4c9000 ffff88810b2b9800 2   10  29   5000      0 31337 *10.0.0.7 192.168.1.7 \n";
  text +=
      "ffff88810a4c9800 ffff88810b2ba000 1   7   30   5001   1000 31338 "
      "2001:0db8:0000:0000:0000:0000:0000:0001 \n";
  std::vector<model::SctpEndpoint> out;
  Diagnostics diag;
  parse_proc_net_sctp_eps(text, "proc/net/sctp/eps", false, out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 2u);
  const auto& e = out[0];
  EXPECT_FALSE(e.ipv6);
  EXPECT_EQ(e.endpoint_address, 0xffff88810a4c9000u);
  EXPECT_EQ(e.socket_address, 0xffff88810b2b9800u);
  EXPECT_EQ(e.style, 2u);
  EXPECT_EQ(e.socket_state, 10u);
  EXPECT_EQ(e.hash_bucket, 29u);
  EXPECT_EQ(e.local_port, 5000);
  EXPECT_EQ(e.uid, 0u);
  EXPECT_EQ(e.inode, 31337u);
  ASSERT_EQ(e.local_addresses.size(), 2u);
  EXPECT_EQ(e.local_addresses[0].address.to_string(), "10.0.0.7");
  EXPECT_TRUE(e.local_addresses[0].primary);
  EXPECT_EQ(e.local_addresses[1].address.to_string(), "192.168.1.7");
  EXPECT_FALSE(e.local_addresses[1].primary);
  EXPECT_EQ(out[1].uid, 1000u);
  ASSERT_EQ(out[1].local_addresses.size(), 1u);
  EXPECT_EQ(out[1].local_addresses[0].address.to_string(), "2001:db8::1");
}

TEST(ProcNetSctpTest, ParsesAssociationWithBothSidesAndTail) {
  std::string text(kAssocsHeader);
  text +=
      "ffff88810a4ca000 ffff88810b2b9d00 2   1   4  1000    1        5        7       0 31339 "
      "5000  6000 *10.0.0.7 192.168.1.7 <-> *10.0.0.9 10.0.0.10 10.0.0.11 \t    30000    10    "
      "10    5  0    0        0        1        0   212992   212992\n";
  std::vector<model::SctpAssociation> out;
  Diagnostics diag;
  parse_proc_net_sctp_assocs(text, "proc/net/sctp/assocs", true, out, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(out.size(), 1u);
  const auto& a = out[0];
  EXPECT_TRUE(a.ipv6);
  EXPECT_EQ(a.association_address, 0xffff88810a4ca000u);
  EXPECT_EQ(a.socket_address, 0xffff88810b2b9d00u);
  EXPECT_EQ(a.style, 2u);
  EXPECT_EQ(a.socket_state, 1u);
  EXPECT_EQ(a.association_state, 4u);
  EXPECT_EQ(a.hash_bucket, 1000u);
  EXPECT_EQ(a.association_id, 1u);
  EXPECT_EQ(a.tx_queue, 5u);
  EXPECT_EQ(a.rx_queue, 7u);
  EXPECT_EQ(a.uid, 0u);
  EXPECT_EQ(a.inode, 31339u);
  EXPECT_EQ(a.local_port, 5000);
  EXPECT_EQ(a.remote_port, 6000);
  ASSERT_EQ(a.local_addresses.size(), 2u);
  EXPECT_TRUE(a.local_addresses[0].primary);
  EXPECT_EQ(a.local_addresses[1].address.to_string(), "192.168.1.7");
  ASSERT_EQ(a.remote_addresses.size(), 3u);
  EXPECT_EQ(a.remote_addresses[0].address.to_string(), "10.0.0.9");
  EXPECT_TRUE(a.remote_addresses[0].primary);
  EXPECT_EQ(a.remote_addresses[2].address.to_string(), "10.0.0.11");
  EXPECT_FALSE(a.remote_addresses[2].primary);
  EXPECT_EQ(a.extra_fields, "30000 10 10 5 0 0 0 1 0 212992 212992");
}

TEST(ProcNetSctpTest, MalformedEndpointLinesAreReportedAndSkipped) {
  std::string text(kEpsHeader);
  text += "ffff88810a4c9000 ffff88810b2b9800 2 10 29 5000 0 31337 10.0.0.7\n";
  text += "ffff88810a4c9000 ffff88810b2b9800 2 10 29 70000 0 31338 10.0.0.7\n";
  text += "\n";
  text += "ffff88810a4c9000 ffff88810b2b9800 2 10 29 5000 0 31339 *10.0.0.999\n";
  text += "ffff88810a4c9000 ffff88810b2b9800 2 10\n";
  text += "ffff88810a4c9000 ffff88810b2b9800 2 10 29 5002 0 31340 10.0.0.8\n";
  std::vector<model::SctpEndpoint> out;
  Diagnostics diag;
  parse_proc_net_sctp_eps(text, "proc/net/sctp/eps", false, out, diag);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].inode, 31337u);
  EXPECT_EQ(out[1].inode, 31340u);
  ASSERT_EQ(diag.warnings().size(), 3u);
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/sctp/eps");
  EXPECT_EQ(diag.warnings()[0].line, 3u);
  EXPECT_NE(diag.warnings()[0].message.find("'70000'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[1].line, 5u);
  EXPECT_NE(diag.warnings()[1].message.find("'*10.0.0.999'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[2].line, 6u);
  EXPECT_EQ(diag.warnings()[2].kind, model::WarningKind::kMalformedLine);
}

TEST(ProcNetSctpTest, AssociationWithoutArrowIsMalformed) {
  std::string text(kAssocsHeader);
  text += "ffff1 ffff2 2 1 4 0 1 0 0 0 100 5000 6000 10.0.0.7 10.0.0.9\n";
  text += "ffff1 ffff2 2 1 4 0 1 0 0 0 101 5000 6000 10.0.0.7 <-> *bogus\n";
  text += "ffff1 ffff2 2 1 4 0 1 0 0 0 102 5000 6000 10.0.0.7 <-> 10.0.0.9\n";
  std::vector<model::SctpAssociation> out;
  Diagnostics diag;
  parse_proc_net_sctp_assocs(text, "proc/net/sctp/assocs", false, out, diag);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].inode, 102u);
  EXPECT_EQ(out[0].extra_fields, "");
  ASSERT_EQ(diag.warnings().size(), 2u);
  EXPECT_EQ(diag.warnings()[0].line, 2u);
  EXPECT_NE(diag.warnings()[0].message.find("<->"), std::string::npos);
  EXPECT_EQ(diag.warnings()[1].line, 3u);
  EXPECT_NE(diag.warnings()[1].message.find("'*bogus'"), std::string::npos);
}

}  // namespace
}  // namespace netsnap::capture
