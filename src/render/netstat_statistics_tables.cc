#include "netstat_statistics_tables.h"

namespace netsnap::render {
namespace {

// Rows in netstat's source order (NETSTAT-FORMAT.md §12.4). Do not sort: the order decides which
// keys netstat's binary search can find.
constexpr StatEntry kIp[] = {
    {"DefaultTTL", "", StatKind::kNever},
    {"Forwarding", "", StatKind::kNever},
    {"ForwDatagrams", "{} forwarded", StatKind::kAlways},
    {"FragCreates", "{} fragments created", StatKind::kIfNonZero},
    {"FragFails", "{} outgoing packets failed fragmentation", StatKind::kIfNonZero},
    {"FragOKs", "{} outgoing packets fragmented ok", StatKind::kIfNonZero},
    {"InAddrErrors", "{} with invalid addresses", StatKind::kIfNonZero},
    {"InDelivers", "{} incoming packets delivered", StatKind::kAlways},
    {"InDiscards", "{} incoming packets discarded", StatKind::kAlways},
    {"InHdrErrors", "{} with invalid headers", StatKind::kIfNonZero},
    {"InReceives", "{} total packets received", StatKind::kAlways},
    {"InUnknownProtos", "{} with unknown protocol", StatKind::kIfNonZero},
    {"OutDiscards", "{} outgoing packets dropped", StatKind::kIfNonZero},
    {"OutNoRoutes", "{} dropped because of missing route", StatKind::kIfNonZero},
    {"OutRequests", "{} requests sent out", StatKind::kAlways},
    {"ReasmFails", "{} packet reassemblies failed", StatKind::kIfNonZero},
    {"ReasmOKs", "{} packets reassembled ok", StatKind::kIfNonZero},
    {"ReasmReqds", "{} reassemblies required", StatKind::kIfNonZero},
    {"ReasmTimeout", "{} fragments dropped after timeout", StatKind::kIfNonZero},
};

constexpr StatEntry kIcmp[] = {
    {"InAddrMaskReps", "address mask replies: {}", StatKind::kInputHistogram},
    {"InAddrMasks", "address mask request: {}", StatKind::kInputHistogram},
    {"InDestUnreachs", "destination unreachable: {}", StatKind::kInputHistogram},
    {"InEchoReps", "echo replies: {}", StatKind::kInputHistogram},
    {"InEchos", "echo requests: {}", StatKind::kInputHistogram},
    {"InErrors", "{} input ICMP message failed", StatKind::kAlways},
    {"InMsgs", "{} ICMP messages received", StatKind::kAlways},
    {"InParmProbs", "wrong parameters: {}", StatKind::kInputHistogram},
    {"InRedirects", "redirects: {}", StatKind::kInputHistogram},
    {"InSrcQuenchs", "source quenches: {}", StatKind::kInputHistogram},
    {"InTimeExcds", "timeout in transit: {}", StatKind::kInputHistogram},
    {"InTimestampReps", "timestamp reply: {}", StatKind::kInputHistogram},
    {"InTimestamps", "timestamp request: {}", StatKind::kInputHistogram},
    {"OutAddrMaskReps", "address mask replies: {}", StatKind::kOutputHistogram},
    {"OutAddrMasks", "address mask requests: {}", StatKind::kOutputHistogram},
    {"OutDestUnreachs", "destination unreachable: {}", StatKind::kOutputHistogram},
    {"OutEchoReps", "echo replies: {}", StatKind::kOutputHistogram},
    {"OutEchos", "echo requests: {}", StatKind::kOutputHistogram},
    {"OutErrors", "{} ICMP messages failed", StatKind::kAlways},
    {"OutMsgs", "{} ICMP messages sent", StatKind::kAlways},
    {"OutParmProbs", "wrong parameters: {}", StatKind::kOutputHistogram},
    {"OutRedirects", "redirect: {}", StatKind::kOutputHistogram},
    {"OutSrcQuenchs", "source quench: {}", StatKind::kOutputHistogram},
    {"OutTimeExcds", "time exceeded: {}", StatKind::kOutputHistogram},
    {"OutTimestampReps", "timestamp replies: {}", StatKind::kOutputHistogram},
    {"OutTimestamps", "timestamp requests: {}", StatKind::kOutputHistogram},
};

constexpr StatEntry kTcp[] = {
    {"ActiveOpens", "{} active connection openings", StatKind::kAlways},
    {"AttemptFails", "{} failed connection attempts", StatKind::kAlways},
    {"CurrEstab", "{} connections established", StatKind::kAlways},
    {"EstabResets", "{} connection resets received", StatKind::kAlways},
    {"InErrs", "{} bad segments received", StatKind::kAlways},
    {"InSegs", "{} segments received", StatKind::kAlways},
    {"MaxConn", "", StatKind::kNever},
    {"OutRsts", "{} resets sent", StatKind::kAlways},
    {"OutSegs", "{} segments sent out", StatKind::kAlways},
    {"PassiveOpens", "{} passive connection openings", StatKind::kAlways},
    {"RetransSegs", "{} segments retransmitted", StatKind::kAlways},
    {"RtoAlgorithm", "", StatKind::kNever},
    {"RtoMax", "", StatKind::kNever},
    {"RtoMin", "", StatKind::kNever},
};

constexpr StatEntry kUdp[] = {
    {"InDatagrams", "{} packets received", StatKind::kAlways},
    {"InErrors", "{} packet receive errors", StatKind::kAlways},
    {"NoPorts", "{} packets to unknown port received", StatKind::kAlways},
    {"OutDatagrams", "{} packets sent", StatKind::kAlways},
    {"RcvbufErrors", "{} receive buffer errors", StatKind::kAlways},
    {"SndbufErrors", "{} send buffer errors", StatKind::kAlways},
};

constexpr StatEntry kSctp[] = {
    {"SctpAborteds", "{} Number of Aborteds ", StatKind::kAlways},
    {"SctpActiveEstabs", "{} Active Associations", StatKind::kAlways},
    {"SctpChecksumErrors", "{} Number of Packets with invalid Checksum", StatKind::kAlways},
    {"SctpCurrEstab", "{} Current Associations", StatKind::kAlways},
    {"SctpFragUsrMsgs", "{} Number of messages fragmented", StatKind::kAlways},
    {"SctpInCtrlChunks", "{} Number of control chunks received", StatKind::kAlways},
    {"SctpInOrderChunks", "{} Number of ordered chunks received", StatKind::kAlways},
    {"SctpInSCTPPacks", "{} Number of SCTP packets received", StatKind::kAlways},
    {"SctpInUnorderChunks", "{} Number of Unordered chunks received", StatKind::kAlways},
    {"SctpOutCtrlChunks", "{} Number of control chunks sent", StatKind::kAlways},
    {"SctpOutOfBlues", "{} Number of Out of Blue packets", StatKind::kAlways},
    {"SctpOutOrderChunks", "{} Number of ordered chunks sent", StatKind::kAlways},
    {"SctpOutSCTPPacks", "{} Number of SCTP packets sent", StatKind::kAlways},
    {"SctpOutUnorderChunks", "{} Number of Unordered chunks sent", StatKind::kAlways},
    {"SctpPassiveEstabs", "{} Passive Associations", StatKind::kAlways},
    {"SctpReasmUsrMsgs", "{} Number of messages reassembled ", StatKind::kAlways},
    {"SctpShutdowns", "{} Number of Graceful Terminations", StatKind::kAlways},
};

constexpr StatEntry kTcpExt[] = {
    {"DelayedACKLocked", "{} delayed acks further delayed because of locked socket",
     StatKind::kIfNonZero},
    {"DelayedACKLost", "Quick ack mode was activated {} times", StatKind::kIfNonZero},
    {"DelayedACKs", "{} delayed acks sent", StatKind::kIfNonZero},
    {"EmbryonicRsts", "{} resets received for embryonic SYN_RECV sockets", StatKind::kIfNonZero},
    {"ListenDrops", "{} SYNs to LISTEN sockets dropped", StatKind::kIfNonZero},
    {"ListenOverflows", "{} times the listen queue of a socket overflowed", StatKind::kIfNonZero},
    {"LockDroppedIcmps", "{} ICMP packets dropped because socket was locked", StatKind::kIfNonZero},
    {"OfoPruned", "{} packets dropped from out-of-order queue because of socket buffer overrun",
     StatKind::kIfNonZero},
    {"OutOfWindowIcmps", "{} ICMP packets dropped because they were out-of-window",
     StatKind::kIfNonZero},
    {"PAWSActive", "{} active connections rejected because of time stamp", StatKind::kIfNonZero},
    {"PAWSEstab", "{} packets rejected in established connections because of timestamp",
     StatKind::kIfNonZero},
    {"PAWSPassive", "{} passive connections rejected because of time stamp", StatKind::kIfNonZero},
    {"PruneCalled", "{} packets pruned from receive queue because of socket buffer overrun",
     StatKind::kIfNonZero},
    {"RcvPruned", "{} packets pruned from receive queue", StatKind::kIfNonZero},
    {"SockMallocOOM", "Ran {} times out of system memory during packet sending",
     StatKind::kIfNonZero},
    {"SyncookiesFailed", "{} invalid SYN cookies received", StatKind::kIfNonZero},
    {"SyncookiesRecv", "{} SYN cookies received", StatKind::kIfNonZero},
    {"SyncookiesSent", "{} SYN cookies sent", StatKind::kIfNonZero},
    {"TCPAbortFailed", "{} times unable to send RST due to no memory", StatKind::kIfNonZero},
    {"TCPAbortOnClose", "{} connections reset due to early user close", StatKind::kIfNonZero},
    {"TCPAbortOnData", "{} connections reset due to unexpected data", StatKind::kIfNonZero},
    {"TCPAbortOnLinger", "{} connections aborted after user close in linger timeout",
     StatKind::kIfNonZero},
    {"TCPAbortOnMemory", "{} connections aborted due to memory pressure", StatKind::kIfNonZero},
    {"TCPAbortOnSyn", "{} connections reset due to unexpected SYN", StatKind::kIfNonZero},
    {"TCPAbortOnTimeout", "{} connections aborted due to timeout", StatKind::kIfNonZero},
    {"TCPDirectCopyFromBacklog", "{} bytes directly in process context from backlog",
     StatKind::kIfNonZero},
    {"TCPDirectCopyFromPrequeue", "{} bytes directly received in process context from prequeue",
     StatKind::kIfNonZero},
    {"TCPDSACKOfoRecv", "{} DSACKs for out of order packets received", StatKind::kIfNonZero},
    {"TCPDSACKOfoSent", "{} DSACKs sent for out of order packets", StatKind::kIfNonZero},
    {"TCPDSACKOldSent", "{} DSACKs sent for old packets", StatKind::kIfNonZero},
    {"TCPDSACKRecv", "{} DSACKs received", StatKind::kIfNonZero},
    {"TCPDSackUndo", "{} congestion window recovered without slow start using DSACK",
     StatKind::kIfNonZero},
    {"TCPDSACKUndo", "{} congestion windows recovered without slow start by DSACK",
     StatKind::kIfNonZero},
    {"TCPFACKReorder", "Detected reordering {} times using FACK", StatKind::kIfNonZero},
    {"TCPFastRetrans", "{} fast retransmits", StatKind::kIfNonZero},
    {"TCPForwardRetrans", "{} forward retransmits", StatKind::kIfNonZero},
    {"TCPFullUndo", "{} congestion windows fully recovered without slow start",
     StatKind::kIfNonZero},
    {"TCPHPAcks", "{} predicted acknowledgments", StatKind::kIfNonZero},
    {"TCPHPHits", "{} packet headers predicted", StatKind::kAlways},
    {"TCPHPHitsToUser", "{} packet headers predicted and directly queued to user",
     StatKind::kIfNonZero},
    {"TCPLossFailures", "{} timeouts in loss state", StatKind::kIfNonZero},
    {"TCPLoss", "{} TCP data loss events", StatKind::kIfNonZero},
    {"TCPLossUndo", "{} congestion windows recovered without slow start after partial ack",
     StatKind::kIfNonZero},
    {"TCPLostRetransmits", "{} retransmits lost", StatKind::kIfNonZero},
    {"TCPMemoryPressures", "TCP ran low on memory {} times", StatKind::kIfNonZero},
    {"TCPPartialUndo", "{} congestion windows partially recovered using Hoe heuristic",
     StatKind::kIfNonZero},
    {"TCPPrequeued", "{} packets directly queued to recvmsg prequeue", StatKind::kIfNonZero},
    {"TCPPrequeueDropped", "{} packets dropped from prequeue", StatKind::kIfNonZero},
    {"TCPPureAcks", "{} acknowledgments not containing data payload received",
     StatKind::kIfNonZero},
    {"TCPRcvCollapsed", "{} packets collapsed in receive queue due to low socket buffer",
     StatKind::kIfNonZero},
    {"TCPRenoFailures", "{} timeouts after reno fast retransmit", StatKind::kIfNonZero},
    {"TCPRenoRecoveryFailed", "{} reno fast retransmits failed", StatKind::kIfNonZero},
    {"TCPRenoRecoveryFail", "{} classic Reno fast retransmits failed", StatKind::kIfNonZero},
    {"TCPRenoRecovery", "{} times recovered from packet loss due to fast retransmit",
     StatKind::kIfNonZero},
    {"TCPRenoReorder", "Detected reordering {} times using reno fast retransmit",
     StatKind::kIfNonZero},
    {"TCPSackFailures", "{} timeouts after SACK recovery", StatKind::kIfNonZero},
    {"TCPSackRecoveryFail", "{} SACK retransmits failed", StatKind::kIfNonZero},
    {"TCPSackRecovery", "{} times recovered from packet loss by selective acknowledgements",
     StatKind::kIfNonZero},
    {"TCPSACKReneging", "{} bad SACK blocks received", StatKind::kIfNonZero},
    {"TCPSACKReorder", "Detected reordering {} times using SACK", StatKind::kIfNonZero},
    {"TCPSchedulerFailed", "{} times receiver scheduled too late for direct processing",
     StatKind::kIfNonZero},
    {"TCPSlowStartRetrans", "{} retransmits in slow start", StatKind::kIfNonZero},
    {"TCPTimeouts", "{} other TCP timeouts", StatKind::kIfNonZero},
    {"TCPTSReorder", "Detected reordering {} times using time stamp", StatKind::kIfNonZero},
    {"TWKilled", "{} TCP sockets finished time wait in slow timer", StatKind::kIfNonZero},
    {"TW", "{} TCP sockets finished time wait in fast timer", StatKind::kIfNonZero},
    {"TWRecycled", "{} time wait sockets recycled by time stamp", StatKind::kIfNonZero},
};

constexpr StatEntry kIp6[] = {
    {"Ip6FragCreates", "{} fragments created", StatKind::kIfNonZero},
    {"Ip6FragFails", "{} outgoing packets failed fragmentation", StatKind::kIfNonZero},
    {"Ip6FragOKs", "{} outgoing packets fragmented ok", StatKind::kIfNonZero},
    {"Ip6InAddrErrors", "{} with invalid addresses", StatKind::kIfNonZero},
    {"Ip6InDelivers", "{} incoming packets delivered", StatKind::kAlways},
    {"Ip6InDiscards", "{} incoming packets discarded", StatKind::kAlways},
    {"Ip6InHdrErrors", "{} with invalid headers", StatKind::kIfNonZero},
    {"Ip6InMcastPkts", "{} incoming multicast packets", StatKind::kIfNonZero},
    {"Ip6InNoRoutes", "{} incoming packets with no route", StatKind::kIfNonZero},
    {"Ip6InReceives", "{} total packets received", StatKind::kAlways},
    {"Ip6InTooBigErrors", "{} with packets too big", StatKind::kIfNonZero},
    {"Ip6InTruncatedPkts", "{} with truncated packets", StatKind::kIfNonZero},
    {"Ip6InUnknownProtos", "{} with unknown protocol", StatKind::kIfNonZero},
    {"Ip6OutDiscards", "{} outgoing packets dropped", StatKind::kIfNonZero},
    {"Ip6OutForwDatagrams", "{} forwarded", StatKind::kAlways},
    {"Ip6OutMcastPkts", "{} outgoing multicast packets", StatKind::kIfNonZero},
    {"Ip6OutNoRoutes", "{} dropped because of missing route", StatKind::kIfNonZero},
    {"Ip6OutRequests", "{} requests sent out", StatKind::kAlways},
    {"Ip6ReasmFails", "{} packet reassemblies failed", StatKind::kIfNonZero},
    {"Ip6ReasmOKs", "{} packets reassembled ok", StatKind::kIfNonZero},
    {"Ip6ReasmReqds", "{} reassemblies required", StatKind::kIfNonZero},
    {"Ip6ReasmTimeout", "{} fragments dropped after timeout", StatKind::kIfNonZero},
};

constexpr StatEntry kIcmp6[] = {
    {"Icmp6InDestUnreachs", "destination unreachable: {}", StatKind::kInputHistogram},
    {"Icmp6InEchoReplies", "echo replies: {}", StatKind::kInputHistogram},
    {"Icmp6InEchos", "echo requests: {}", StatKind::kInputHistogram},
    {"Icmp6InErrors", "{} input ICMP message failed", StatKind::kAlways},
    {"Icmp6InGroupMembQueries", "group member queries: {}", StatKind::kInputHistogram},
    {"Icmp6InGroupMembReductions", "group member reductions: {}", StatKind::kInputHistogram},
    {"Icmp6InGroupMembResponses", "group member responses: {}", StatKind::kInputHistogram},
    {"Icmp6InMsgs", "{} ICMP messages received", StatKind::kAlways},
    {"Icmp6InNeighborAdvertisements", "neighbour advertisement: {}", StatKind::kInputHistogram},
    {"Icmp6InNeighborSolicits", "neighbour solicits: {}", StatKind::kInputHistogram},
    {"Icmp6InParmProblems", "parameter problem: {}", StatKind::kInputHistogram},
    {"Icmp6InPktTooBigs", "packets too big: {}", StatKind::kInputHistogram},
    {"Icmp6InRedirects", "redirects: {}", StatKind::kInputHistogram},
    {"Icmp6InRouterAdvertisements", "router advertisement: {}", StatKind::kInputHistogram},
    {"Icmp6InRouterSolicits", "router solicits: {}", StatKind::kInputHistogram},
    {"Icmp6InTimeExcds", "received ICMPv6 time exceeded: {}", StatKind::kInputHistogram},
    {"Icmp6OutDestUnreachs", "destination unreachable: {}", StatKind::kOutputHistogram},
    {"Icmp6OutEchoReplies", "echo replies: {}", StatKind::kOutputHistogram},
    {"Icmp6OutEchos", "echo requests: {}", StatKind::kOutputHistogram},
    {"Icmp6OutGroupMembQueries", "group member queries: {}", StatKind::kOutputHistogram},
    {"Icmp6OutGroupMembReductions", "group member reductions: {}", StatKind::kOutputHistogram},
    {"Icmp6OutGroupMembResponses", "group member responses: {}", StatKind::kOutputHistogram},
    {"Icmp6OutMsgs", "{} ICMP messages sent", StatKind::kAlways},
    {"Icmp6OutNeighborAdvertisements", "neighbor advertisements: {}", StatKind::kOutputHistogram},
    {"Icmp6OutNeighborSolicits", "neighbor solicits: {}", StatKind::kOutputHistogram},
    {"Icmp6OutParmProblems", "parameter problem: {}", StatKind::kOutputHistogram},
    {"Icmp6OutPktTooBigs", "packets too big: {}", StatKind::kOutputHistogram},
    {"Icmp6OutRedirects", "redirects: {}", StatKind::kOutputHistogram},
    {"Icmp6OutRouterAdvertisements ", "router advertisement: {}", StatKind::kOutputHistogram},
    {"Icmp6OutRouterSolicits", "router solicits: {}", StatKind::kOutputHistogram},
    {"Icmp6OutTimeExcds", "sent ICMPv6 time exceeded: {}", StatKind::kOutputHistogram},
};

constexpr StatEntry kUdp6[] = {
    {"Udp6InDatagrams", "{} packets received", StatKind::kAlways},
    {"Udp6InErrors", "{} packet receive errors", StatKind::kAlways},
    {"Udp6NoPorts", "{} packets to unknown port received", StatKind::kAlways},
    {"Udp6OutDatagrams", "{} packets sent", StatKind::kAlways},
};

constexpr StatTable kSnmpTables[] = {
    {"Ip", kIp, StatFlag::kRaw},      {"Icmp", kIcmp, StatFlag::kRaw},
    {"Tcp", kTcp, StatFlag::kTcp},    {"Udp", kUdp, StatFlag::kUdp},
    {"Sctp", kSctp, StatFlag::kSctp}, {"TcpExt", kTcpExt, StatFlag::kTcp},
};

// Tcp6 reuses the Tcp table; the kernel has no such section.
constexpr StatTable kSnmp6Tables[] = {
    {"Ip6", kIp6, StatFlag::kRaw},
    {"Icmp6", kIcmp6, StatFlag::kRaw},
    {"Udp6", kUdp6, StatFlag::kUdp},
    {"Tcp6", kTcp, StatFlag::kTcp},
};

// strcmp(): compares as unsigned char, stops at the end of the shorter string.
int c_compare(std::string_view a, std::string_view b) {
  size_t n = std::min(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    auto x = static_cast<unsigned char>(a[i]), y = static_cast<unsigned char>(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

}  // namespace

const StatTable* find_stat_table(StatTableSet set, std::string_view title) {
  std::span<const StatTable> tables = kSnmpTables;
  if (set == StatTableSet::kSnmp6) tables = kSnmp6Tables;
  for (const StatTable& table : tables) {
    if (table.title == title) return &table;
  }
  return nullptr;
}

const StatEntry* find_stat_entry(const StatTable& table, std::string_view key) {
  // A key from a C string ends at its first NUL; netstat's keys never contain one.
  key = key.substr(0, key.find('\0'));
  size_t low = 0, high = table.entries.size();
  while (low < high) {
    size_t middle = (low + high) / 2;
    int order = c_compare(key, table.entries[middle].key);
    if (order == 0) return &table.entries[middle];
    if (order < 0) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return nullptr;
}

std::string stat_entry_text(const StatEntry& entry, uint64_t value) {
  std::string text(entry.text);
  size_t at = text.find("{}");
  if (at != std::string::npos) text.replace(at, 2, std::to_string(value));
  return text;
}

}  // namespace netsnap::render
