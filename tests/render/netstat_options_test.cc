// netstat's command line: glibc getopt_long behaviour and netstat's implications. Expected texts
// are what /usr/bin/netstat 2.10 printed for the same arguments.
#include "netsnap/render/netstat_options.h"

#include <gtest/gtest.h>

namespace netsnap::render {
namespace {

NetstatCommandLine parse(std::vector<std::string> args) { return parse_netstat_command_line(args); }

std::string first_line(const std::string& text) { return text.substr(0, text.find('\n') + 1); }

TEST(NetstatOptionsTest, ClusteredShortOptions) {
  auto r = parse({"-tanpeo"});
  ASSERT_TRUE(r.options);
  EXPECT_TRUE(r.options->tcp && r.options->all && r.options->programs && r.options->timers);
  EXPECT_TRUE(r.options->numeric_hosts && r.options->numeric_ports && r.options->numeric_users);
  EXPECT_EQ(r.options->extend, 1);
  EXPECT_EQ(r.options->explicit_count, 1);
  EXPECT_TRUE(r.options->inet && r.options->inet6);  // a protocol flag implies both families
  EXPECT_EQ(r.options->mode, NetstatMode::kSockets);
}

TEST(NetstatOptionsTest, FamilyAloneSelectsEveryInternetProtocol) {
  auto r = parse({"-4"});
  ASSERT_TRUE(r.options);
  EXPECT_TRUE(r.options->tcp && r.options->udp && r.options->udplite && r.options->raw &&
              r.options->sctp);
  EXPECT_TRUE(r.options->inet);
  EXPECT_FALSE(r.options->inet6);
  EXPECT_EQ(r.options->af_list, "inet");
}

TEST(NetstatOptionsTest, ProtocolListKeepsCommandLineOrder) {
  auto r = parse({"-A", "ip6,unix", "-4", "-Ainet"});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.options->af_list, "inet6,unix,inet,inet");
  EXPECT_TRUE(r.options->unix_sockets);
}

TEST(NetstatOptionsTest, UnknownOrEmptyFamilyExitsOne) {
  auto r = parse({"-A", "inet,,unix"});
  EXPECT_FALSE(r.options);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.early.stderr_text(), "Unknown address family `'.\n");
  EXPECT_EQ(parse({"--protocol=foo"}).early.stderr_text(), "Unknown address family `foo'.\n");
}

TEST(NetstatOptionsTest, InvalidOptionPrintsUsageAndExitsThree) {
  auto r = parse({"-T"});
  EXPECT_FALSE(r.options);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.early.stdout_text(), "");
  EXPECT_EQ(first_line(r.early.stderr_text()), "netstat: invalid option -- 'T'\n");
  EXPECT_NE(r.early.stderr_text().find("    ddp (Appletalk DDP) x25 (CCITT X.25) \n"),
            std::string::npos);
}

TEST(NetstatOptionsTest, LongOptionErrorsUseGlibcWording) {
  EXPECT_EQ(first_line(parse({"--notrim"}).early.stderr_text()),
            "netstat: unrecognized option '--notrim'\n");
  EXPECT_EQ(first_line(parse({"--unix=3"}).early.stderr_text()),
            "netstat: option '--unix' doesn't allow an argument\n");
  EXPECT_EQ(first_line(parse({"--protocol"}).early.stderr_text()),
            "netstat: option '--protocol' requires an argument\n");
  EXPECT_EQ(first_line(parse({"-A"}).early.stderr_text()),
            "netstat: option requires an argument -- 'A'\n");
  EXPECT_EQ(first_line(parse({"--u"}).early.stderr_text()),
            "netstat: option '--u' is ambiguous; possibilities: '--unix' '--udp' '--udplite' "
            "'--unix'\n");
  EXPECT_EQ(first_line(parse({"--n"}).early.stderr_text()),
            "netstat: option '--n' is ambiguous; possibilities: '--netrom' '--numeric' "
            "'--numeric-hosts' '--numeric-ports' '--numeric-users'\n");
}

TEST(NetstatOptionsTest, AbbreviationsResolveLikeGetoptLong) {
  auto r = parse({"--numeric-h", "--rou", "--ine"});
  ASSERT_TRUE(r.options);
  EXPECT_TRUE(r.options->numeric_hosts);
  EXPECT_FALSE(r.options->numeric_ports);
  EXPECT_EQ(r.options->mode, NetstatMode::kRoutes);
  EXPECT_EQ(r.options->af_list, "inet");  // --ine: inet and inet6 match alike, the first wins
}

TEST(NetstatOptionsTest, TcpipLongOptionIsAnInternalErrorNote) {
  auto r = parse({"--tcpip", "-r"});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.early.stderr_text(), "netstat.c: Internal Error `longopts 1 range'.\n");
  EXPECT_EQ(r.options->af_list, "");
}

TEST(NetstatOptionsTest, HelpSplitsUsageBetweenStreams) {
  auto r = parse({"-h"});
  EXPECT_FALSE(r.options);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(first_line(r.early.stdout_text()),
            "usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}\n");
  EXPECT_EQ(first_line(r.early.stderr_text()),
            "    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) \n");
}

TEST(NetstatOptionsTest, OptionsActInOrder) {
  EXPECT_EQ(parse({"-V", "-T"}).exit_code, 0);  // version exits before the bad option
  EXPECT_EQ(parse({"-T", "-V"}).exit_code, 3);
  EXPECT_EQ(parse({"-Z"}).early.stderr_text(), "SELinux is not enabled on this machine.\n");
}

TEST(NetstatOptionsTest, MoreThanOneModeIsAUsageError) {
  auto r = parse({"-rr"});
  EXPECT_FALSE(r.options);
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(first_line(r.early.stderr_text()),
            "usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}\n");
  ASSERT_TRUE(parse({"-g", "-r"}).options);  // -g is not a mode
}

TEST(NetstatOptionsTest, NonOptionsAreIgnoredAndDoubleDashEndsOptions) {
  auto r = parse({"-W", "--", "-T", "-r"});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.options->mode, NetstatMode::kSockets);
  r = parse({"foo", "-r", "bar"});
  ASSERT_TRUE(r.options);
  EXPECT_EQ(r.options->mode, NetstatMode::kRoutes);
}

TEST(NetstatOptionsTest, ModePrecedence) {
  EXPECT_EQ(parse({"-s"}).options->mode, NetstatMode::kStatistics);
  EXPECT_EQ(parse({"-M"}).options->mode, NetstatMode::kMasquerade);
  EXPECT_EQ(parse({"-i"}).options->mode, NetstatMode::kInterfaces);
  EXPECT_EQ(parse({"-s"}).options->tcp, true);  // -s alone enables every protocol section
}

}  // namespace
}  // namespace netsnap::render
