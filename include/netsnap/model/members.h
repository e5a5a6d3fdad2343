// Every field of every snapshot struct, listed once, in declaration order: members(s) ties them
// into a tuple of references (const when s is const). Code that walks a snapshot field by field
// (the frame codec in timeline/) uses this instead of naming fields itself, so a field added to a
// struct here reaches every such walker. A test checks each list against the struct's size.
#pragma once

#include <concepts>
#include <tuple>
#include <type_traits>

#include "netsnap/model/snapshot.h"

namespace netsnap::model {

template <class S, class T>
concept Is = std::same_as<std::remove_const_t<S>, T>;

// clang-format off
template <Is<HostInfo> S> auto members(S& s) {
  return std::tie(s.hostname, s.kernel_release, s.boot_id, s.capture_time_ns,
                  s.monotonic_time_ns, s.capture_duration_ns, s.origin, s.fixture_root,
                  s.net_namespace_inode, s.clock_ticks_per_second, s.captured_by_uid,
                  s.netsnap_version);
}
template <Is<SourceStatus> S> auto members(S& s) {
  return std::tie(s.path, s.state, s.error_number);
}
template <Is<CaptureWarning> S> auto members(S& s) {
  return std::tie(s.kind, s.path, s.line, s.message);
}
template <Is<InetSocket> S> auto members(S& s) {
  return std::tie(s.protocol, s.ipv6, s.slot, s.local_address, s.local_port, s.remote_address,
                  s.remote_port, s.state, s.tx_queue, s.rx_queue, s.timer_kind,
                  s.timer_expires_ticks, s.retransmits, s.uid, s.timeouts, s.inode, s.ref_count,
                  s.kernel_address, s.retransmit_timeout_ticks, s.ack_timeout_ticks, s.quick_ack,
                  s.send_congestion_window, s.slow_start_threshold, s.drops, s.extra_fields);
}
template <Is<SctpAddress> S> auto members(S& s) { return std::tie(s.address, s.primary); }
template <Is<SctpEndpoint> S> auto members(S& s) {
  return std::tie(s.ipv6, s.endpoint_address, s.socket_address, s.style, s.socket_state,
                  s.hash_bucket, s.local_port, s.uid, s.inode, s.local_addresses);
}
template <Is<SctpAssociation> S> auto members(S& s) {
  return std::tie(s.ipv6, s.association_address, s.socket_address, s.style, s.socket_state,
                  s.association_state, s.hash_bucket, s.association_id, s.tx_queue, s.rx_queue,
                  s.uid, s.inode, s.local_port, s.remote_port, s.local_addresses,
                  s.remote_addresses, s.extra_fields);
}
template <Is<UnixSocket> S> auto members(S& s) {
  return std::tie(s.kernel_address, s.ref_count, s.protocol, s.flags, s.type, s.state, s.inode,
                  s.path);
}
template <Is<SocketHandle> S> auto members(S& s) { return std::tie(s.fd, s.inode); }
template <Is<Process> S> auto members(S& s) {
  return std::tie(s.pid, s.uid, s.comm, s.cmdline, s.sockets);
}
template <Is<ProcessScan> S> auto members(S& s) {
  return std::tie(s.proc_readable, s.pids_seen, s.pids_fd_denied);
}
template <Is<Route4> S> auto members(S& s) {
  return std::tie(s.interface_name, s.destination, s.gateway, s.mask, s.flags, s.ref_count, s.use,
                  s.metric, s.mtu, s.window, s.irtt);
}
template <Is<RouteCacheEntry> S> auto members(S& s) {
  return std::tie(s.interface_name, s.destination, s.gateway, s.flags, s.ref_count, s.use,
                  s.metric, s.source, s.mtu, s.window, s.irtt, s.tos, s.hh_ref, s.hh_uptodate,
                  s.specific_destination, s.hh, s.arp, s.columns);
}
template <Is<Route6> S> auto members(S& s) {
  return std::tie(s.destination, s.destination_prefix, s.source, s.source_prefix, s.next_hop,
                  s.metric, s.ref_count, s.use, s.flags, s.device);
}
template <Is<InterfaceCounters> S> auto members(S& s) {
  return std::tie(s.rx_bytes, s.rx_packets, s.rx_errors, s.rx_dropped, s.rx_fifo, s.rx_frame,
                  s.rx_compressed, s.rx_multicast, s.tx_bytes, s.tx_packets, s.tx_errors,
                  s.tx_dropped, s.tx_fifo, s.tx_collisions, s.tx_carrier, s.tx_compressed);
}
template <Is<InterfaceAddress4> S> auto members(S& s) {
  return std::tie(s.label, s.address, s.netmask, s.broadcast, s.destination);
}
template <Is<InterfaceAddress6> S> auto members(S& s) {
  return std::tie(s.address, s.interface_index, s.prefix_length, s.scope, s.flags);
}
template <Is<DeviceMap> S> auto members(S& s) {
  return std::tie(s.memory_start, s.memory_end, s.base_address, s.irq, s.dma, s.port);
}
template <Is<Interface> S> auto members(S& s) {
  return std::tie(s.name, s.index, s.mtu, s.flags, s.hardware_type, s.hardware_address,
                  s.tx_queue_length, s.counters, s.addresses4, s.addresses6, s.device_map);
}
template <Is<MulticastGroup> S> auto members(S& s) {
  return std::tie(s.ipv6, s.interface_index, s.device, s.group, s.users, s.timer_running, s.timer,
                  s.reporter);
}
template <Is<StatCounter> S> auto members(S& s) { return std::tie(s.name, s.value); }
template <Is<StatSection> S> auto members(S& s) {
  return std::tie(s.path, s.name, s.counters);
}
template <Is<ConntrackTuple> S> auto members(S& s) {
  return std::tie(s.source, s.destination, s.source_port, s.destination_port, s.packets, s.bytes,
                  s.extra);
}
template <Is<ConntrackFlow> S> auto members(S& s) {
  return std::tie(s.ipv6, s.protocol, s.protocol_number, s.timeout_seconds, s.state, s.original,
                  s.reply, s.flags, s.mark, s.zone, s.use);
}
template <Is<MasqueradeEntry> S> auto members(S& s) {
  return std::tie(s.protocol, s.source, s.source_port, s.destination, s.destination_port,
                  s.masquerade_port, s.initial_sequence, s.delta, s.previous_delta,
                  s.expires_centiseconds);
}
template <Is<HostName> S> auto members(S& s) { return std::tie(s.address, s.name); }
template <Is<ServiceName> S> auto members(S& s) {
  return std::tie(s.port, s.protocol, s.name);
}
template <Is<ProtocolName> S> auto members(S& s) { return std::tie(s.number, s.name); }
template <Is<UserName> S> auto members(S& s) { return std::tie(s.uid, s.name); }
template <Is<NameTable> S> auto members(S& s) {
  return std::tie(s.source, s.hosts4, s.networks4, s.hosts6, s.services, s.protocols, s.users);
}
template <Is<Snapshot> S> auto members(S& s) {
  return std::tie(s.host, s.sources, s.inet_sockets, s.sctp_endpoints, s.sctp_associations,
                  s.unix_has_inode_column, s.unix_sockets, s.processes, s.process_scan,
                  s.routes4, s.routes4_header, s.routes6, s.route_cache_header, s.route_cache,
                  s.interfaces, s.multicast, s.statistics, s.conntrack, s.masquerade, s.names,
                  s.warnings);
}
// clang-format on

// A struct members() knows.
template <class S>
concept HasMembers = requires(S& s) {
  members(s);
};

}  // namespace netsnap::model
