# netsnap snapshot schema: one Snapshot per timeline frame.
#
# Everything netstat can show about a host at one moment, as structured data (never pre-rendered
# text). Values are kept as the kernel reports them (state numbers, flag bits, clock ticks), so that
# any renderer can reproduce any tool's view of them.
#
# Evolution rule: this schema only ever grows. Fields are added with new ordinals at the end of
# their struct; none is removed, renumbered or retyped. Old files stay readable: a reader sees a
# field a writer did not know as its default.
#
# Addresses are Data of 4 (IPv4) or 16 (IPv6) bytes in network byte order; an empty Data means
# "none". Paths of kernel files are relative to the capture root ("proc/net/tcp6").

@0xd7ae6db60662a17f;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("netsnap::schema");

struct Snapshot {
  host @0 :Host;                          # which machine, when, and from where
  sources @1 :List(SourceStatus);         # every kernel file capture tried, and what it found
  inetSockets @2 :List(InetSocket);       # tcp, tcp6, udp, udp6, udplite, udplite6, raw, raw6; file order
  sctpEndpoints @3 :List(SctpEndpoint);   # /proc/net/sctp{,6}/eps
  sctpAssociations @4 :List(SctpAssociation);  # /proc/net/sctp{,6}/assocs
  unixHasInodeColumn @5 :Bool = true;     # the header of /proc/net/unix named an Inode column
  unixSockets @6 :List(UnixSocket);       # /proc/net/unix, file order
  processes @7 :List(Process);            # processes holding sockets, in /proc directory order
  processScan @8 :ProcessScan;            # how the scan for socket owners went
  routes4 @9 :List(Route4);               # /proc/net/route, file order, all lines (also without U)
  routes6 @10 :List(Route6);              # /proc/net/ipv6_route, file order
  interfaces @11 :List(Interface);        # /proc/net/dev order, then interfaces known only otherwise
  multicast @12 :List(MulticastGroup);    # /proc/net/igmp order, then /proc/net/igmp6 order
  statistics @13 :List(StatSection);      # snmp, netstat, snmp6, sctp/snmp sections, kernel order
  conntrack @14 :List(ConntrackFlow);     # /proc/net/nf_conntrack entries
  masquerade @15 :List(MasqueradeEntry);  # /proc/net/ip_masquerade (Linux 2.2 only)
  names @16 :NameTable;                   # names resolved at capture time for this snapshot's keys
  warnings @17 :List(CaptureWarning);     # what could not be read, and why
  routes4Header @18 :Text;                # first line of /proc/net/route as read, newline included
                                          # ("" for an empty file; null in older recordings)
  routeCacheHeader @19 :Text;             # first line of /proc/net/rt_cache likewise (null when not
                                          # read); it also decides the layout of the lines
  routeCache @20 :List(RouteCacheEntry);  # /proc/net/rt_cache, file order (no lines since Linux 3.6)
}

enum Origin {
  live @0;     # read from the running kernel
  fixture @1;  # read from a fixture root laid out like /proc, /sys and /etc
}

struct Host {
  hostname @0 :Text;            # gethostname() live; proc/sys/kernel/hostname in a fixture
  kernelRelease @1 :Text;       # uname -r; proc/sys/kernel/osrelease in a fixture
  bootId @2 :Text;              # proc/sys/kernel/random/boot_id (identifies a boot)
  captureTimeNs @3 :Int64;      # wall clock when capture started, ns since the Unix epoch
  monotonicTimeNs @4 :Int64;    # CLOCK_MONOTONIC when capture started (ns); rates use this
  captureDurationNs @5 :Int64;  # how long capture took
  origin @6 :Origin;
  fixtureRoot @7 :Text;         # absolute path of the fixture root, when origin is fixture
  netNamespaceInode @8 :UInt64; # inode of /proc/self/ns/net (0 when unknown)
  clockTicksPerSecond @9 :UInt32 = 100;  # USER_HZ, the unit of socket timers
  capturedByUid @10 :UInt32;    # effective uid of the recorder (decides what /proc showed it)
  netsnapVersion @11 :Text;     # version of the recorder
}

enum SourceState {
  present @0;     # read successfully
  absent @1;      # does not exist: an expected absence (no IPv6, no conntrack, ...)
  unreadable @2;  # exists but could not be read; errorNumber says why
}

struct SourceStatus {
  path @0 :Text;          # relative to the root: "proc/net/tcp6"
  state @1 :SourceState;
  errorNumber @2 :Int32;  # errno when unreadable
}

enum WarningKind {
  malformedLine @0;  # a line that could not be parsed; the rest of the file was still read
  unreadable @1;     # a file or directory that could not be read
  nameLookup @2;     # a name lookup that failed or ran out of time
  other @3;
}

struct CaptureWarning {
  kind @0 :WarningKind;
  path @1 :Text;     # the file concerned, relative to the root
  line @2 :UInt32;   # 1-based line number in that file; 0 when not about one line
  message @3 :Text;  # what was wrong, for a person
}

enum InetProtocol {
  tcp @0;
  udp @1;
  udpLite @2;
  raw @3;
}

# One line of /proc/net/{tcp,udp,udplite,raw}{,6}.
struct InetSocket {
  protocol @0 :InetProtocol;
  ipv6 @1 :Bool;                # from the IPv6 file (tcp6, ...); addresses are then 16 bytes
  slot @2 :UInt32;              # "sl": the kernel's hash slot / line number
  localAddress @3 :Data;
  localPort @4 :UInt16;         # for raw sockets: the IP protocol number
  remoteAddress @5 :Data;
  remotePort @6 :UInt16;
  state @7 :UInt8;              # "st": tcp state 1..11 (1 ESTABLISHED .. 10 LISTEN, 11 CLOSING); udp 1/7
  txQueue @8 :UInt64;           # send queue bytes ("tx_queue")
  rxQueue @9 :UInt64;           # receive queue bytes, or the accept backlog of a listener
  timerKind @10 :UInt8;         # "tr": 0 none, 1 retransmit, 2 keepalive, 3 TIME_WAIT, 4 zero-window probe
  timerExpiresTicks @11 :UInt64;  # "tm->when": clock ticks until the timer fires, as printed (hex)
  retransmits @12 :UInt32;      # "retrnsmt": unrecovered RTO timeouts
  uid @13 :UInt32;              # owner uid
  timeouts @14 :UInt32;         # "timeout": unanswered zero-window probes / retransmit count
  inode @15 :UInt64;            # socket inode (0 for TIME_WAIT and request sockets)
  refCount @16 :UInt32;         # socket reference count
  kernelAddress @17 :UInt64;    # kernel address of the socket (0 when hidden by kptr_restrict)
  retransmitTimeoutTicks @18 :UInt32;  # tcp: rto in clock ticks
  ackTimeoutTicks @19 :UInt32;  # tcp: delayed-ack timeout in clock ticks
  quickAck @20 :UInt32;         # tcp: (quick ack count << 1) | pingpong
  sendCongestionWindow @21 :UInt32;  # tcp: snd_cwnd in segments
  slowStartThreshold @22 :Int32;     # tcp: snd_ssthresh; -1 while still in initial slow start
  drops @23 :UInt64;            # udp/raw: datagrams dropped
  extraFields @24 :Text;        # fields after the known ones, verbatim, for newer kernels
}

struct SctpAddress {
  address @0 :Data;
  primary @1 :Bool;  # marked with '*' by the kernel
}

# One line of /proc/net/sctp/eps.
struct SctpEndpoint {
  ipv6 @0 :Bool;             # from /proc/net/sctp6
  endpointAddress @1 :UInt64;  # "ENDPT" kernel address
  socketAddress @2 :UInt64;    # "SOCK" kernel address
  style @3 :UInt32;          # "STY": socket type
  socketState @4 :UInt32;    # "SST": tcp-style state number (10 LISTEN)
  hashBucket @5 :UInt32;     # "HBKT"
  localPort @6 :UInt16;      # "LPORT"
  uid @7 :UInt32;
  inode @8 :UInt64;
  localAddresses @9 :List(SctpAddress);
}

# One line of /proc/net/sctp/assocs.
struct SctpAssociation {
  ipv6 @0 :Bool;
  associationAddress @1 :UInt64;  # "ASSOC" kernel address
  socketAddress @2 :UInt64;       # "SOCK"
  style @3 :UInt32;               # "STY"
  socketState @4 :UInt32;         # "SST"
  associationState @5 :UInt32;    # "ST"
  hashBucket @6 :UInt32;          # "HBKT"
  associationId @7 :UInt32;       # "ASSOC-ID"
  txQueue @8 :UInt64;
  rxQueue @9 :UInt64;
  uid @10 :UInt32;
  inode @11 :UInt64;
  localPort @12 :UInt16;
  remotePort @13 :UInt16;
  localAddresses @14 :List(SctpAddress);
  remoteAddresses @15 :List(SctpAddress);
  extraFields @16 :Text;          # HBINT INS OUTS MAXRT ... verbatim
}

# One line of /proc/net/unix.
struct UnixSocket {
  kernelAddress @0 :UInt64;  # "Num"
  refCount @1 :UInt32;
  protocol @2 :UInt32;       # always 0 on Linux
  flags @3 :UInt32;          # 0x10000 = __SO_ACCEPTCON (listening)
  type @4 :UInt32;           # 1 STREAM, 2 DGRAM, 3 RAW, 4 RDM, 5 SEQPACKET
  state @5 :UInt32;          # 0 FREE, 1 UNCONNECTED, 2 CONNECTING, 3 CONNECTED, 4 DISCONNECTING
  inode @6 :UInt64;
  path @7 :Text;             # verbatim, whitespace included; abstract names start with '@'
                             # (embedded NULs printed as '@' by the kernel); empty when unbound
}

struct SocketHandle {
  fd @0 :UInt32;     # descriptor number in the process
  inode @1 :UInt64;  # socket inode it refers to
}

struct Process {
  pid @0 :UInt32;
  uid @1 :UInt32;           # real uid, from /proc/PID/status
  comm @2 :Text;            # /proc/PID/comm without the newline
  cmdline @3 :Data;         # /proc/PID/cmdline raw: NUL-separated arguments (empty for kernel threads)
  sockets @4 :List(SocketHandle);  # socket descriptors, in /proc/PID/fd directory order
}

struct ProcessScan {
  procReadable @0 :Bool = true;  # /proc itself could be listed
  pidsSeen @1 :UInt32;           # process directories found
  pidsFdDenied @2 :UInt32;       # processes whose fd directory could not be opened (EACCES)
}

# One line of /proc/net/route.
struct Route4 {
  interfaceName @0 :Text;
  destination @1 :Data;
  gateway @2 :Data;
  mask @3 :Data;
  flags @4 :UInt32;     # RTF_*: 0x1 UP, 0x2 GATEWAY, 0x4 HOST, 0x200 REJECT, ...
  refCount @5 :Int32;
  use @6 :Int32;
  metric @7 :Int32;     # as the kernel prints it; 4294967295 is kept as -1
  mtu @8 :UInt32;       # "MTU" column (the route's MSS as netstat labels it)
  window @9 :UInt32;
  irtt @10 :UInt32;
}

# One data line of /proc/net/rt_cache (Linux 2.0 to 3.5), read by the column names of its header.
# The 2.2+ layout has tos, hhRef, hhUptodate and specificDestination; the 2.0 layout hh and arp.
struct RouteCacheEntry {
  interfaceName @0 :Text;
  destination @1 :Data;
  gateway @2 :Data;
  flags @3 :UInt32;        # RTF_*/RTCF_*: 0x2 GATEWAY, 0x10000000 BROADCAST, 0x80000000 LOCAL, ...
  refCount @4 :Int32;
  use @5 :Int32;
  metric @6 :Int32;
  source @7 :Data;
  mtu @8 :Int32;           # "MTU" column (netstat labels it MSS)
  window @9 :Int32;
  irtt @10 :Int32;
  tos @11 :Int32;          # the value (the kernel prints it in hex, netstat reads it as decimal)
  hhRef @12 :Int32;        # hardware header cache references; -1 without one
  hhUptodate @13 :Int32;
  specificDestination @14 :Data;  # "SpecDst"; empty when the line stopped before it
  hh @15 :Int32;
  arp @16 :Int32;
  columns @17 :UInt8;      # how many of the layout's columns, in header order, the line filled
}

# One line of /proc/net/ipv6_route.
struct Route6 {
  destination @0 :Data;
  destinationPrefix @1 :UInt8;
  source @2 :Data;
  sourcePrefix @3 :UInt8;
  nextHop @4 :Data;
  metric @5 :UInt32;
  refCount @6 :UInt32;
  use @7 :UInt32;
  flags @8 :UInt32;     # RTF_*: 0x1 UP, 0x2 GATEWAY, 0x01000000 CACHE, ...
  device @9 :Text;
}

# Every counter of a /proc/net/dev line, in its order.
struct InterfaceCounters {
  rxBytes @0 :UInt64;
  rxPackets @1 :UInt64;
  rxErrors @2 :UInt64;
  rxDropped @3 :UInt64;
  rxFifo @4 :UInt64;
  rxFrame @5 :UInt64;
  rxCompressed @6 :UInt64;
  rxMulticast @7 :UInt64;
  txBytes @8 :UInt64;
  txPackets @9 :UInt64;
  txErrors @10 :UInt64;
  txDropped @11 :UInt64;
  txFifo @12 :UInt64;
  txCollisions @13 :UInt64;
  txCarrier @14 :UInt64;
  txCompressed @15 :UInt64;
}

struct InterfaceAddress4 {
  label @0 :Text;         # the interface name, or an alias label such as "eth0:1"
  address @1 :Data;
  netmask @2 :Data;
  broadcast @3 :Data;     # empty when none
  destination @4 :Data;   # point-to-point peer; empty when none
}

# One line of /proc/net/if_inet6.
struct InterfaceAddress6 {
  address @0 :Data;
  interfaceIndex @1 :UInt32;
  prefixLength @2 :UInt8;
  scope @3 :UInt8;        # 0x00 global, 0x10 host, 0x20 link, 0x40 site, 0x80 compat
  flags @4 :UInt8;        # IFA_F_*
}

# What SIOCGIFMAP reports (old ISA-style devices); absent on nearly every modern device.
struct DeviceMap {
  memoryStart @0 :UInt64;
  memoryEnd @1 :UInt64;
  baseAddress @2 :UInt16;
  irq @3 :UInt16;
  dma @4 :UInt8;
  port @5 :UInt8;
}

struct Interface {
  name @0 :Text;
  index @1 :UInt32;               # ifindex; 0 when unknown
  hasMtu @2 :Bool;
  mtu @3 :UInt32;
  hasFlags @4 :Bool;
  flags @5 :UInt32;               # IFF_*: 0x1 UP, 0x2 BROADCAST, 0x8 LOOPBACK, 0x40 RUNNING, ...
  hasHardwareType @6 :Bool;
  hardwareType @7 :UInt16;        # ARPHRD_*: 1 ether, 772 loopback, 65534 none, ...
  hardwareAddress @8 :Data;       # raw bytes; empty when none
  hasTxQueueLength @9 :Bool;
  txQueueLength @10 :UInt32;
  counters @11 :InterfaceCounters;  # only meaningful when hasCounters
  hasCounters @12 :Bool;          # /proc/net/dev had a line for this interface
  addresses4 @13 :List(InterfaceAddress4);
  addresses6 @14 :List(InterfaceAddress6);
  deviceMap @15 :DeviceMap;       # only meaningful when hasDeviceMap
  hasDeviceMap @16 :Bool;
}

# One group of /proc/net/igmp or one line of /proc/net/igmp6.
struct MulticastGroup {
  ipv6 @0 :Bool;
  interfaceIndex @1 :UInt32;
  device @2 :Text;
  group @3 :Data;
  users @4 :UInt32;         # "Users" (igmp) / users column (igmp6): what netstat prints as RefCnt
  timerRunning @5 :UInt32;  # igmp: timer-running flag; igmp6: the flags field
  timer @6 :UInt64;         # igmp: timer expiry; igmp6: timer
  reporter @7 :UInt32;      # igmp only
}

struct StatCounter {
  name @0 :Text;
  value @1 :UInt64;   # parsed as netstat does: a negative kernel value wraps modulo 2^64
}

# One section ("Tcp", "TcpExt", "Ip6", ...) of a statistics file, keys in kernel order.
struct StatSection {
  path @0 :Text;      # "proc/net/snmp", "proc/net/netstat", "proc/net/snmp6", "proc/net/sctp/snmp"
  name @1 :Text;
  counters @2 :List(StatCounter);
}

struct ConntrackTuple {
  source @0 :Data;
  destination @1 :Data;
  sourcePort @2 :UInt16;
  destinationPort @3 :UInt16;
  hasCounters @4 :Bool;   # packets and bytes present (nf_conntrack_acct on)
  packets @5 :UInt64;
  bytes @6 :UInt64;
  extra @7 :Text;         # other keys of the tuple (icmp type=, code=, id=, ...), verbatim
}

# One entry of /proc/net/nf_conntrack.
struct ConntrackFlow {
  ipv6 @0 :Bool;
  protocol @1 :Text;          # "tcp", "udp", "icmp", ...
  protocolNumber @2 :UInt32;
  timeoutSeconds @3 :UInt64;
  state @4 :Text;             # tcp: ESTABLISHED, TIME_WAIT, ...; empty for stateless protocols
  original @5 :ConntrackTuple;
  reply @6 :ConntrackTuple;   # differs from the swapped original when the flow is NATed
  flags @7 :List(Text);       # ASSURED, UNREPLIED, ...
  mark @8 :UInt32;
  zone @9 :UInt32;
  use @10 :UInt32;
}

# One entry of /proc/net/ip_masquerade.
struct MasqueradeEntry {
  protocol @0 :Text;          # as in the file: TCP, UDP, ICMP
  source @1 :Data;
  sourcePort @2 :UInt16;
  destination @3 :Data;
  destinationPort @4 :UInt16;
  masqueradePort @5 :UInt16;
  initialSequence @6 :UInt32;
  delta @7 :Int32;
  hasPreviousDelta @8 :Bool;  # the file had a PDelta column
  previousDelta @9 :Int32;
  expiresCentiseconds @10 :UInt64;
}

struct HostName {
  address @0 :Data;
  name @1 :Text;
}

struct ServiceName {
  port @0 :UInt16;
  protocol @1 :Text;  # "tcp", "udp" or "raw", as in the services database
  name @2 :Text;      # official name of the entry that wins (the last for that port/protocol)
}

struct ProtocolName {
  number @0 :UInt32;
  name @1 :Text;
}

struct UserName {
  uid @0 :UInt32;
  name @1 :Text;
}

# Names for the addresses, ports, protocols and uids that occur in this snapshot, as the recording
# machine's name service gave them at capture time. A key that is absent had no name (or its lookup
# did not finish in time); replay then shows it numerically.
struct NameTable {
  source @0 :Text;                 # where names came from: "files:/path/etc" or "nss"
  hosts4 @1 :List(HostName);       # gethostbyaddr, official names
  networks4 @2 :List(HostName);    # getnetbyaddr (/etc/networks)
  hosts6 @3 :List(HostName);       # getnameinfo
  services @4 :List(ServiceName);
  protocols @5 :List(ProtocolName);
  users @6 :List(UserName);
}
