#include <gtest/gtest.h>

#include "netsnap/capture/proc_parsers.h"

namespace netsnap::capture {
namespace {

using model::Interface;

constexpr std::string_view kDevHeader =
    "Inter-|   Receive                                                |  Transmit\n"
    " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs "
    "drop fifo colls carrier compressed\n";

// Lines of the fxi fixture of NETSTAT-FORMAT.md §10.2, plus a name the counters follow directly.
TEST(ProcNetDevTest, ParsesFixtureLinesInFileOrder) {
  std::string text(kDevHeader);
  text +=
      "    lo:  844047   11129    0    0    0     0          0         0   844047   11129    0    "
      "0    0     0       0          0\n";
  text += "    v0: 1234567890123 123456789012 1 2 3 4 5 6 9876543210 987654321 7 8 9 10 11 12\n";
  text +=
      "averylongname15:     1025     10    0    0    0     0          0         0     1048577     "
      "20    0    0    0     0       0          0\n";
  text += "  tun0: 18446744073709551615 5 0 0 0 0 0 0 1024 6 0 0 0 0 0 0\n";
  text += "eth1:77 1 0 0 0 0 0 0 88 2 0 0 0 0 0 0\n";
  std::vector<Interface> interfaces;
  Diagnostics diag;
  parse_proc_net_dev(text, "proc/net/dev", interfaces, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(interfaces.size(), 5u);
  EXPECT_EQ(interfaces[0].name, "lo");
  EXPECT_EQ(interfaces[0].index, 0u);
  ASSERT_TRUE(interfaces[0].counters.has_value());
  EXPECT_EQ(interfaces[0].counters->rx_bytes, 844047u);
  EXPECT_EQ(interfaces[0].counters->tx_packets, 11129u);
  const model::InterfaceCounters& c = *interfaces[1].counters;
  EXPECT_EQ(interfaces[1].name, "v0");
  model::InterfaceCounters expected{1234567890123, 123456789012, 1, 2, 3, 4,  5,  6,
                                    9876543210,    987654321,    7, 8, 9, 10, 11, 12};
  EXPECT_EQ(c, expected);
  EXPECT_EQ(c.tx_collisions, 10u);
  EXPECT_EQ(c.tx_carrier, 11u);
  EXPECT_EQ(interfaces[2].name, "averylongname15");
  EXPECT_EQ(interfaces[2].counters->rx_bytes, 1025u);
  EXPECT_EQ(interfaces[2].counters->tx_bytes, 1048577u);
  EXPECT_EQ(interfaces[2].counters->tx_packets, 20u);
  EXPECT_EQ(interfaces[3].counters->rx_bytes, 18446744073709551615u);
  EXPECT_EQ(interfaces[4].name, "eth1");
  EXPECT_EQ(interfaces[4].counters->rx_bytes, 77u);
  EXPECT_EQ(interfaces[4].counters->tx_bytes, 88u);
}

TEST(ProcNetDevTest, FillsAnInterfaceThatIsAlreadyKnown) {
  std::vector<Interface> interfaces(1);
  interfaces[0].name = "eth0";
  interfaces[0].index = 4;
  std::string text(kDevHeader);
  text +=
      "  eth0: 18685924     466    0    0    0     0          0         0    28097     344    "
      "0    0    0     0       0          0\n";
  Diagnostics diag;
  parse_proc_net_dev(text, "proc/net/dev", interfaces, diag);
  ASSERT_EQ(interfaces.size(), 1u);
  EXPECT_EQ(interfaces[0].index, 4u);
  ASSERT_TRUE(interfaces[0].counters.has_value());
  EXPECT_EQ(interfaces[0].counters->rx_bytes, 18685924u);
  EXPECT_EQ(interfaces[0].counters->tx_packets, 344u);
}

TEST(ProcNetDevTest, OlderLayoutWithoutCompressedColumns) {
  std::string text =
      "Inter-|   Receive                           |  Transmit\n"
      " face |bytes    packets errs drop fifo frame|bytes    packets errs drop fifo colls carrier\n"
      "  eth0: 100 2 3 4 5 6 200 7 8 9 10 11 12\n";
  std::vector<Interface> interfaces;
  Diagnostics diag;
  parse_proc_net_dev(text, "proc/net/dev", interfaces, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(interfaces.size(), 1u);
  model::InterfaceCounters expected{100, 2, 3, 4, 5, 6, 0, 0, 200, 7, 8, 9, 10, 11, 12, 0};
  EXPECT_EQ(*interfaces[0].counters, expected);
}

TEST(ProcNetDevTest, MalformedLinesAreReportedAndSkipped) {
  std::string text(kDevHeader);
  text += "  eth0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n";
  text += "  eth1: 1 2 3\n";
  text += "\n";
  text += "  eth2: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 12x\n";
  text += "  eth3: 18446744073709551616 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n";
  text += "    : 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n";
  text += "  eth4: 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16\n";
  std::vector<Interface> interfaces;
  Diagnostics diag;
  parse_proc_net_dev(text, "proc/net/dev", interfaces, diag);
  ASSERT_EQ(interfaces.size(), 1u);
  EXPECT_EQ(interfaces[0].name, "eth4");
  EXPECT_EQ(interfaces[0].counters->tx_compressed, 16u);
  ASSERT_EQ(diag.warnings().size(), 5u);
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/dev");
  EXPECT_EQ(diag.warnings()[0].line, 3u);
  EXPECT_EQ(diag.warnings()[1].line, 4u);
  EXPECT_EQ(diag.warnings()[2].line, 6u);
  EXPECT_NE(diag.warnings()[2].message.find("'12x'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[3].line, 7u);
  EXPECT_NE(diag.warnings()[3].message.find("'18446744073709551616'"), std::string::npos);
  EXPECT_EQ(diag.warnings()[4].line, 8u);
}

TEST(ProcNetIfInet6Test, AttachesAddressesByNameAndCreatesUnknownInterfaces) {
  std::vector<Interface> interfaces(1);
  interfaces[0].name = "eth0";
  std::string text =
      "fe8000000000000000fc00fffe000001 04 40 20 80     eth0\n"
      "fd000000000000000000000000000002 04 40 00 82     eth0\n"
      "00000000000000000000000000000001 01 80 10 80       lo\n";
  Diagnostics diag;
  parse_proc_net_if_inet6(text, "proc/net/if_inet6", interfaces, diag);
  EXPECT_TRUE(diag.warnings().empty());
  ASSERT_EQ(interfaces.size(), 2u);
  const Interface& eth0 = interfaces[0];
  EXPECT_EQ(eth0.index, 4u);
  ASSERT_EQ(eth0.addresses6.size(), 2u);
  EXPECT_EQ(eth0.addresses6[0].address.to_string(), "fe80::fc:ff:fe00:1");
  EXPECT_EQ(eth0.addresses6[0].interface_index, 4u);
  EXPECT_EQ(eth0.addresses6[0].prefix_length, 64);
  EXPECT_EQ(eth0.addresses6[0].scope, 0x20);
  EXPECT_EQ(eth0.addresses6[0].flags, 0x80);
  EXPECT_EQ(eth0.addresses6[1].address.to_string(), "fd00::2");
  EXPECT_EQ(eth0.addresses6[1].flags, 0x82);
  EXPECT_EQ(interfaces[1].name, "lo");
  EXPECT_EQ(interfaces[1].index, 1u);
  ASSERT_EQ(interfaces[1].addresses6.size(), 1u);
  EXPECT_EQ(interfaces[1].addresses6[0].address.to_string(), "::1");
  EXPECT_EQ(interfaces[1].addresses6[0].prefix_length, 128);
  EXPECT_EQ(interfaces[1].addresses6[0].scope, 0x10);
  EXPECT_FALSE(interfaces[1].counters.has_value());
}

TEST(ProcNetIfInet6Test, MalformedLinesAreReportedAndSkipped) {
  std::string text =
      "fe80000000000000000000000000000g 02 40 20 80     eth0\n"
      "fe800000000000000000000000000001 02 40 20 80\n"
      "\n"
      "fe800000000000000000000000000001 02 40 20 100     eth0\n"
      "fe800000000000000000000000000001 02 40 20 80     eth0\n";
  std::vector<Interface> interfaces;
  Diagnostics diag;
  parse_proc_net_if_inet6(text, "proc/net/if_inet6", interfaces, diag);
  ASSERT_EQ(interfaces.size(), 1u);
  EXPECT_EQ(interfaces[0].index, 2u);
  ASSERT_EQ(interfaces[0].addresses6.size(), 1u);
  EXPECT_EQ(interfaces[0].addresses6[0].address.to_string(), "fe80::1");
  ASSERT_EQ(diag.warnings().size(), 3u);
  EXPECT_EQ(diag.warnings()[0].path, "proc/net/if_inet6");
  EXPECT_EQ(diag.warnings()[0].line, 1u);
  EXPECT_NE(diag.warnings()[0].message.find("'fe80000000000000000000000000000g'"),
            std::string::npos);
  EXPECT_EQ(diag.warnings()[1].line, 2u);
  EXPECT_EQ(diag.warnings()[2].line, 4u);
  EXPECT_NE(diag.warnings()[2].message.find("'100'"), std::string::npos);
}

}  // namespace
}  // namespace netsnap::capture
