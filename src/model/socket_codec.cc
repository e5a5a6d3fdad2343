// Codec for sockets and the processes that hold them.
#include "codec_internal.h"

namespace netsnap::model::codec {

// --- sockets
// --------------------------------------------------------------------------------------

void write_inet(const InetSocket& v, s::InetSocket::Builder b) {
  b.setProtocol(static_cast<s::InetProtocol>(v.protocol));
  b.setIpv6(v.ipv6);
  b.setSlot(v.slot);
  b.setLocalAddress(bytes_of(v.local_address));
  b.setLocalPort(v.local_port);
  b.setRemoteAddress(bytes_of(v.remote_address));
  b.setRemotePort(v.remote_port);
  b.setState(v.state);
  b.setTxQueue(v.tx_queue);
  b.setRxQueue(v.rx_queue);
  b.setTimerKind(v.timer_kind);
  b.setTimerExpiresTicks(v.timer_expires_ticks);
  b.setRetransmits(v.retransmits);
  b.setUid(v.uid);
  b.setTimeouts(v.timeouts);
  b.setInode(v.inode);
  b.setRefCount(v.ref_count);
  b.setKernelAddress(v.kernel_address);
  b.setRetransmitTimeoutTicks(v.retransmit_timeout_ticks);
  b.setAckTimeoutTicks(v.ack_timeout_ticks);
  b.setQuickAck(v.quick_ack);
  b.setSendCongestionWindow(v.send_congestion_window);
  b.setSlowStartThreshold(v.slow_start_threshold);
  b.setDrops(v.drops);
  b.setExtraFields(text_of(v.extra_fields));
}

InetSocket read_inet(s::InetSocket::Reader r) {
  InetSocket v;
  v.protocol = static_cast<InetProtocol>(r.getProtocol());
  v.ipv6 = r.getIpv6();
  v.slot = r.getSlot();
  v.local_address = address(r.getLocalAddress());
  v.local_port = r.getLocalPort();
  v.remote_address = address(r.getRemoteAddress());
  v.remote_port = r.getRemotePort();
  v.state = r.getState();
  v.tx_queue = r.getTxQueue();
  v.rx_queue = r.getRxQueue();
  v.timer_kind = r.getTimerKind();
  v.timer_expires_ticks = r.getTimerExpiresTicks();
  v.retransmits = r.getRetransmits();
  v.uid = r.getUid();
  v.timeouts = r.getTimeouts();
  v.inode = r.getInode();
  v.ref_count = r.getRefCount();
  v.kernel_address = r.getKernelAddress();
  v.retransmit_timeout_ticks = r.getRetransmitTimeoutTicks();
  v.ack_timeout_ticks = r.getAckTimeoutTicks();
  v.quick_ack = r.getQuickAck();
  v.send_congestion_window = r.getSendCongestionWindow();
  v.slow_start_threshold = r.getSlowStartThreshold();
  v.drops = r.getDrops();
  v.extra_fields = text(r.getExtraFields());
  return v;
}

namespace {
void write_sctp_addresses(const std::vector<SctpAddress>& v,
                          capnp::List<s::SctpAddress>::Builder list) {
  write_list(v, list, [](const SctpAddress& a, s::SctpAddress::Builder b) {
    b.setAddress(bytes_of(a.address));
    b.setPrimary(a.primary);
  });
}
std::vector<SctpAddress> read_sctp_addresses(capnp::List<s::SctpAddress>::Reader list) {
  return read_list<SctpAddress>(list, [](s::SctpAddress::Reader r) {
    return SctpAddress{address(r.getAddress()), r.getPrimary()};
  });
}

}  // namespace

void write_sctp_endpoint(const SctpEndpoint& v, s::SctpEndpoint::Builder b) {
  b.setIpv6(v.ipv6);
  b.setEndpointAddress(v.endpoint_address);
  b.setSocketAddress(v.socket_address);
  b.setStyle(v.style);
  b.setSocketState(v.socket_state);
  b.setHashBucket(v.hash_bucket);
  b.setLocalPort(v.local_port);
  b.setUid(v.uid);
  b.setInode(v.inode);
  write_sctp_addresses(v.local_addresses, INIT_LIST(b, LocalAddresses, v.local_addresses));
}
SctpEndpoint read_sctp_endpoint(s::SctpEndpoint::Reader r) {
  SctpEndpoint v;
  v.ipv6 = r.getIpv6();
  v.endpoint_address = r.getEndpointAddress();
  v.socket_address = r.getSocketAddress();
  v.style = r.getStyle();
  v.socket_state = r.getSocketState();
  v.hash_bucket = r.getHashBucket();
  v.local_port = r.getLocalPort();
  v.uid = r.getUid();
  v.inode = r.getInode();
  v.local_addresses = read_sctp_addresses(r.getLocalAddresses());
  return v;
}

void write_sctp_association(const SctpAssociation& v, s::SctpAssociation::Builder b) {
  b.setIpv6(v.ipv6);
  b.setAssociationAddress(v.association_address);
  b.setSocketAddress(v.socket_address);
  b.setStyle(v.style);
  b.setSocketState(v.socket_state);
  b.setAssociationState(v.association_state);
  b.setHashBucket(v.hash_bucket);
  b.setAssociationId(v.association_id);
  b.setTxQueue(v.tx_queue);
  b.setRxQueue(v.rx_queue);
  b.setUid(v.uid);
  b.setInode(v.inode);
  b.setLocalPort(v.local_port);
  b.setRemotePort(v.remote_port);
  write_sctp_addresses(v.local_addresses, INIT_LIST(b, LocalAddresses, v.local_addresses));
  write_sctp_addresses(v.remote_addresses, INIT_LIST(b, RemoteAddresses, v.remote_addresses));
  b.setExtraFields(text_of(v.extra_fields));
}
SctpAssociation read_sctp_association(s::SctpAssociation::Reader r) {
  SctpAssociation v;
  v.ipv6 = r.getIpv6();
  v.association_address = r.getAssociationAddress();
  v.socket_address = r.getSocketAddress();
  v.style = r.getStyle();
  v.socket_state = r.getSocketState();
  v.association_state = r.getAssociationState();
  v.hash_bucket = r.getHashBucket();
  v.association_id = r.getAssociationId();
  v.tx_queue = r.getTxQueue();
  v.rx_queue = r.getRxQueue();
  v.uid = r.getUid();
  v.inode = r.getInode();
  v.local_port = r.getLocalPort();
  v.remote_port = r.getRemotePort();
  v.local_addresses = read_sctp_addresses(r.getLocalAddresses());
  v.remote_addresses = read_sctp_addresses(r.getRemoteAddresses());
  v.extra_fields = text(r.getExtraFields());
  return v;
}

void write_unix(const UnixSocket& v, s::UnixSocket::Builder b) {
  b.setKernelAddress(v.kernel_address);
  b.setRefCount(v.ref_count);
  b.setProtocol(v.protocol);
  b.setFlags(v.flags);
  b.setType(v.type);
  b.setState(v.state);
  b.setInode(v.inode);
  b.setPath(text_of(v.path));
}
UnixSocket read_unix(s::UnixSocket::Reader r) {
  return {r.getKernelAddress(), r.getRefCount(), r.getProtocol(), r.getFlags(),
          r.getType(),          r.getState(),    r.getInode(),    text(r.getPath())};
}

void write_process(const Process& v, s::Process::Builder b) {
  b.setPid(v.pid);
  b.setUid(v.uid);
  b.setComm(text_of(v.comm));
  b.setCmdline(bytes_of(v.cmdline));
  write_list(v.sockets, INIT_LIST(b, Sockets, v.sockets),
             [](const SocketHandle& h, s::SocketHandle::Builder hb) {
               hb.setFd(h.fd);
               hb.setInode(h.inode);
             });
}
Process read_process(s::Process::Reader r) {
  Process v;
  v.pid = r.getPid();
  v.uid = r.getUid();
  v.comm = text(r.getComm());
  v.cmdline = std::string(view(r.getCmdline()));
  v.sockets = read_list<SocketHandle>(r.getSockets(), [](s::SocketHandle::Reader h) {
    return SocketHandle{h.getFd(), h.getInode()};
  });
  return v;
}

}  // namespace netsnap::model::codec
