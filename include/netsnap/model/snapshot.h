// The snapshot model: everything netstat can show about one host at one moment, as plain values.
//
// Capture fills these structs; the codec (model/snapshot_codec.h) turns them into the Cap'n Proto
// messages of schema/snapshot.capnp and back; render and analysis read them. Field meanings are
// documented once, in schema/snapshot.capnp; the names here match the schema's.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "netsnap/model/ip_address.h"

namespace netsnap::model {

enum class Origin : uint8_t { kLive, kFixture };

struct HostInfo {
  std::string hostname;
  std::string kernel_release;
  std::string boot_id;
  int64_t capture_time_ns = 0;    // wall clock, ns since the Unix epoch
  int64_t monotonic_time_ns = 0;  // CLOCK_MONOTONIC at capture
  int64_t capture_duration_ns = 0;
  Origin origin = Origin::kLive;
  std::string fixture_root;          // set when origin == kFixture
  uint64_t net_namespace_inode = 0;  // 0 when unknown
  uint32_t clock_ticks_per_second = 100;
  uint32_t captured_by_uid = 0;
  std::string netsnap_version;
  bool operator==(const HostInfo&) const = default;
};

// Whether a kernel file (path relative to the root, "proc/net/tcp6") could be read.
enum class SourceState : uint8_t { kPresent, kAbsent, kUnreadable };

struct SourceStatus {
  std::string path;
  SourceState state = SourceState::kPresent;
  int32_t error_number = 0;  // errno when kUnreadable
  bool operator==(const SourceStatus&) const = default;
};

enum class WarningKind : uint8_t { kMalformedLine, kUnreadable, kNameLookup, kOther };

struct CaptureWarning {
  WarningKind kind = WarningKind::kOther;
  std::string path;   // file the warning is about, relative to the root
  uint32_t line = 0;  // 1-based line number; 0 when not about a line
  std::string message;
  bool operator==(const CaptureWarning&) const = default;
};

enum class InetProtocol : uint8_t { kTcp, kUdp, kUdpLite, kRaw };

struct InetSocket {
  InetProtocol protocol = InetProtocol::kTcp;
  bool ipv6 = false;  // came from the "6" file (tcp6, udp6, ...)
  uint32_t slot = 0;
  IpAddress local_address;
  uint16_t local_port = 0;
  IpAddress remote_address;
  uint16_t remote_port = 0;
  uint8_t state = 0;  // kernel state number as printed in the file
  uint64_t tx_queue = 0;
  uint64_t rx_queue = 0;
  uint8_t timer_kind = 0;
  uint64_t timer_expires_ticks = 0;
  uint32_t retransmits = 0;
  uint32_t uid = 0;
  uint32_t timeouts = 0;
  uint64_t inode = 0;
  uint32_t ref_count = 0;
  uint64_t kernel_address = 0;
  // tcp only (0 when the line does not carry them)
  uint32_t retransmit_timeout_ticks = 0;
  uint32_t ack_timeout_ticks = 0;
  uint32_t quick_ack = 0;
  uint32_t send_congestion_window = 0;
  int32_t slow_start_threshold = 0;
  // udp/raw only
  uint64_t drops = 0;
  std::string extra_fields;  // anything after the known fields, verbatim
  bool operator==(const InetSocket&) const = default;
};

struct SctpAddress {
  IpAddress address;
  bool primary = false;
  bool operator==(const SctpAddress&) const = default;
};

struct SctpEndpoint {
  bool ipv6 = false;
  uint64_t endpoint_address = 0;
  uint64_t socket_address = 0;
  uint32_t style = 0;
  uint32_t socket_state = 0;
  uint32_t hash_bucket = 0;
  uint16_t local_port = 0;
  uint32_t uid = 0;
  uint64_t inode = 0;
  std::vector<SctpAddress> local_addresses;
  bool operator==(const SctpEndpoint&) const = default;
};

struct SctpAssociation {
  bool ipv6 = false;
  uint64_t association_address = 0;
  uint64_t socket_address = 0;
  uint32_t style = 0;
  uint32_t socket_state = 0;
  uint32_t association_state = 0;
  uint32_t hash_bucket = 0;
  uint32_t association_id = 0;
  uint64_t tx_queue = 0;
  uint64_t rx_queue = 0;
  uint32_t uid = 0;
  uint64_t inode = 0;
  uint16_t local_port = 0;
  uint16_t remote_port = 0;
  std::vector<SctpAddress> local_addresses;
  std::vector<SctpAddress> remote_addresses;
  std::string extra_fields;
  bool operator==(const SctpAssociation&) const = default;
};

struct UnixSocket {
  uint64_t kernel_address = 0;
  uint32_t ref_count = 0;
  uint32_t protocol = 0;
  uint32_t flags = 0;
  uint32_t type = 0;
  uint32_t state = 0;
  uint64_t inode = 0;
  std::string path;  // verbatim as the kernel prints it; abstract names start with '@'
  bool operator==(const UnixSocket&) const = default;
};

struct SocketHandle {
  uint32_t fd = 0;
  uint64_t inode = 0;
  bool operator==(const SocketHandle&) const = default;
};

struct Process {
  uint32_t pid = 0;
  uint32_t uid = 0;
  std::string comm;
  std::string cmdline;                // raw bytes, NUL-separated arguments as in /proc/PID/cmdline
  std::vector<SocketHandle> sockets;  // in /proc/PID/fd directory order
  bool operator==(const Process&) const = default;
};

// How the /proc scan for socket owners went; netstat -p's warnings derive from it.
struct ProcessScan {
  bool proc_readable = true;
  uint32_t pids_seen = 0;
  uint32_t pids_fd_denied = 0;  // /proc/PID/fd could not be opened (EACCES)
  bool operator==(const ProcessScan&) const = default;
};

struct Route4 {
  std::string interface_name;
  IpAddress destination;
  IpAddress gateway;
  IpAddress mask;
  uint32_t flags = 0;
  int32_t ref_count = 0;
  int32_t use = 0;
  int32_t metric = 0;
  uint32_t mtu = 0;
  uint32_t window = 0;
  uint32_t irtt = 0;
  // netstat names the destination as a host (gethostbyaddr) when the route is flagged RTF_HOST or
  // host bits remain under the mask, otherwise as a network (getnetbyaddr).
  bool destination_is_host() const;
  bool operator==(const Route4&) const = default;
};

// One data line of /proc/net/rt_cache (Linux 2.0 to 3.5; later kernels print only the header).
// Which of the layout-specific fields are meaningful depends on the header (2.2+: tos, hh_ref,
// hh_uptodate, specific_destination; 2.0: hh, arp).
struct RouteCacheEntry {
  std::string interface_name;
  IpAddress destination;
  IpAddress gateway;
  uint32_t flags = 0;  // RTF_* and RTCF_* bits
  int32_t ref_count = 0;
  int32_t use = 0;
  int32_t metric = 0;
  IpAddress source;
  int32_t mtu = 0;
  int32_t window = 0;
  int32_t irtt = 0;
  int32_t tos = 0;  // the value; the file has it in hex
  int32_t hh_ref = 0;
  int32_t hh_uptodate = 0;
  IpAddress specific_destination;  // kNone when the line stopped before it
  int32_t hh = 0;
  int32_t arp = 0;
  uint8_t columns = 0;  // how many of the layout's columns, in header order, the line filled
  bool operator==(const RouteCacheEntry&) const = default;
};

struct Route6 {
  IpAddress destination;
  uint8_t destination_prefix = 0;
  IpAddress source;
  uint8_t source_prefix = 0;
  IpAddress next_hop;
  uint32_t metric = 0;
  uint32_t ref_count = 0;
  uint32_t use = 0;
  uint32_t flags = 0;
  std::string device;
  bool operator==(const Route6&) const = default;
};

struct InterfaceCounters {
  uint64_t rx_bytes = 0, rx_packets = 0, rx_errors = 0, rx_dropped = 0, rx_fifo = 0, rx_frame = 0,
           rx_compressed = 0, rx_multicast = 0;
  uint64_t tx_bytes = 0, tx_packets = 0, tx_errors = 0, tx_dropped = 0, tx_fifo = 0,
           tx_collisions = 0, tx_carrier = 0, tx_compressed = 0;
  bool operator==(const InterfaceCounters&) const = default;
};

struct InterfaceAddress4 {
  std::string label;  // "eth0" or an alias label such as "eth0:1"
  IpAddress address;
  IpAddress netmask;
  std::optional<IpAddress> broadcast;
  std::optional<IpAddress> destination;
  bool operator==(const InterfaceAddress4&) const = default;
};

struct InterfaceAddress6 {
  IpAddress address;
  uint32_t interface_index = 0;
  uint8_t prefix_length = 0;
  uint8_t scope = 0;
  uint8_t flags = 0;
  bool operator==(const InterfaceAddress6&) const = default;
};

struct DeviceMap {
  uint64_t memory_start = 0, memory_end = 0;
  uint16_t base_address = 0;
  uint16_t irq = 0;
  uint8_t dma = 0, port = 0;
  bool operator==(const DeviceMap&) const = default;
};

struct Interface {
  std::string name;
  uint32_t index = 0;  // 0 when unknown
  std::optional<uint32_t> mtu;
  std::optional<uint32_t> flags;          // IFF_* as the kernel reports them
  std::optional<uint16_t> hardware_type;  // ARPHRD_*
  std::string hardware_address;           // raw bytes
  std::optional<uint32_t> tx_queue_length;
  std::optional<InterfaceCounters> counters;  // absent when /proc/net/dev has no line for it
  std::vector<InterfaceAddress4> addresses4;
  std::vector<InterfaceAddress6> addresses6;
  std::optional<DeviceMap> device_map;
  bool operator==(const Interface&) const = default;
};

struct MulticastGroup {
  bool ipv6 = false;
  uint32_t interface_index = 0;
  std::string device;
  IpAddress group;
  uint32_t users = 0;
  uint32_t timer_running = 0;  // igmp: timer flag; igmp6: flags field
  uint64_t timer = 0;
  uint32_t reporter = 0;
  bool operator==(const MulticastGroup&) const = default;
};

struct StatCounter {
  std::string name;
  uint64_t value = 0;  // as netstat parses it: negative kernel values wrap modulo 2^64
  bool operator==(const StatCounter&) const = default;
};

struct StatSection {
  std::string path;                   // "proc/net/snmp"
  std::string name;                   // "Tcp"
  std::vector<StatCounter> counters;  // kernel order
  bool operator==(const StatSection&) const = default;
};

struct ConntrackTuple {
  IpAddress source;
  IpAddress destination;
  uint16_t source_port = 0;
  uint16_t destination_port = 0;
  std::optional<uint64_t> packets;
  std::optional<uint64_t> bytes;
  std::string extra;  // protocol-specific keys (type=, code=, id=, ...), verbatim
  bool operator==(const ConntrackTuple&) const = default;
};

struct ConntrackFlow {
  bool ipv6 = false;
  std::string protocol;  // "tcp", "udp", "icmp", ...
  uint32_t protocol_number = 0;
  uint64_t timeout_seconds = 0;
  std::string state;  // tcp state as conntrack names it; empty for stateless protocols
  ConntrackTuple original;
  ConntrackTuple reply;
  std::vector<std::string> flags;  // ASSURED, UNREPLIED, ...
  uint32_t mark = 0;
  uint32_t zone = 0;
  uint32_t use = 0;
  // Whether conntrack translated the flow: its reply tuple is not the mirror of its original one.
  bool is_nat() const;
  bool operator==(const ConntrackFlow&) const = default;
};

// /proc/net/ip_masquerade (Linux 2.2), kept so fixtures with it replay as 2.10 prints them.
struct MasqueradeEntry {
  std::string protocol;  // as in the file: TCP, UDP, ICMP
  IpAddress source;
  uint16_t source_port = 0;
  IpAddress destination;
  uint16_t destination_port = 0;
  uint16_t masquerade_port = 0;
  uint32_t initial_sequence = 0;
  int32_t delta = 0;
  std::optional<int32_t> previous_delta;
  uint64_t expires_centiseconds = 0;
  bool operator==(const MasqueradeEntry&) const = default;
};

struct HostName {
  IpAddress address;
  std::string name;
  bool operator==(const HostName&) const = default;
};

struct ServiceName {
  uint16_t port = 0;
  std::string protocol;  // "tcp", "udp", "raw" as in the services database
  std::string name;
  bool operator==(const ServiceName&) const = default;
};

struct ProtocolName {
  uint32_t number = 0;
  std::string name;
  bool operator==(const ProtocolName&) const = default;
};

struct UserName {
  uint32_t uid = 0;
  std::string name;
  bool operator==(const UserName&) const = default;
};

// Names resolved at capture time, so replay never consults the replaying machine.
// A key that is not present had no name (or its lookup did not finish in time).
struct NameTable {
  std::string source;  // where the names came from ("files:/etc", "nss")
  std::vector<HostName> hosts4;
  std::vector<HostName> networks4;
  std::vector<HostName> hosts6;
  std::vector<ServiceName> services;
  std::vector<ProtocolName> protocols;
  std::vector<UserName> users;
  bool operator==(const NameTable&) const = default;
};

struct Snapshot {
  HostInfo host;
  std::vector<SourceStatus> sources;
  std::vector<InetSocket> inet_sockets;  // file order: tcp, tcp6, udp, udp6, udplite, ..., raw6
  std::vector<SctpEndpoint> sctp_endpoints;
  std::vector<SctpAssociation> sctp_associations;
  bool unix_has_inode_column = true;
  std::vector<UnixSocket> unix_sockets;
  std::vector<Process> processes;  // only those holding sockets, in /proc directory order
  ProcessScan process_scan;
  std::vector<Route4> routes4;
  // The first line of /proc/net/route as read, newline included ("" for an empty file): netstat
  // checks it for the columns it needs. nullopt in recordings made before it was kept.
  std::optional<std::string> routes4_header;
  std::vector<Route6> routes6;
  // The same for /proc/net/rt_cache, whose header also decides its layout; nullopt when not read.
  std::optional<std::string> route_cache_header;
  std::vector<RouteCacheEntry> route_cache;  // file order
  std::vector<Interface> interfaces;  // /proc/net/dev order, then interfaces known only otherwise
  std::vector<MulticastGroup> multicast;  // igmp order, then igmp6 order
  std::vector<StatSection> statistics;    // snmp, netstat, snmp6, sctp/snmp; each in kernel order
  std::vector<ConntrackFlow> conntrack;
  std::vector<MasqueradeEntry> masquerade;
  NameTable names;
  std::vector<CaptureWarning> warnings;
  bool operator==(const Snapshot&) const = default;

  const SourceStatus* find_source(std::string_view path) const;
  // The errno opening `path` met at capture, as a reader such as netstat would have met it: 0
  // when the file was read, ENOENT when it was absent or not recorded at all, else the recorded
  // errno.
  int open_error(std::string_view path) const;
};

// The name a command line goes by, as netstat -p names it: argv[0], cut to its basename when it is
// an absolute path ("/usr/sbin/sshd" -> "sshd"), else whole ("sshd: root@pts/0"); "" when the
// command line is empty (kernel threads, zombies).
std::string_view program_name_of(std::string_view cmdline);

// The interface called name, appended (with only its name set) when there is none yet.
Interface& find_or_add_interface(std::vector<Interface>& interfaces, std::string_view name);

}  // namespace netsnap::model
