// Codec for routes, interfaces, multicast groups, statistics and NAT flows.
#include "codec_internal.h"

namespace netsnap::model::codec {

void write_route4(const Route4& v, s::Route4::Builder b) {
  b.setInterfaceName(text_of(v.interface_name));
  b.setDestination(bytes_of(v.destination));
  b.setGateway(bytes_of(v.gateway));
  b.setMask(bytes_of(v.mask));
  b.setFlags(v.flags);
  b.setRefCount(v.ref_count);
  b.setUse(v.use);
  b.setMetric(v.metric);
  b.setMtu(v.mtu);
  b.setWindow(v.window);
  b.setIrtt(v.irtt);
}
Route4 read_route4(s::Route4::Reader r) {
  return {text(r.getInterfaceName()),
          address(r.getDestination()),
          address(r.getGateway()),
          address(r.getMask()),
          r.getFlags(),
          r.getRefCount(),
          r.getUse(),
          r.getMetric(),
          r.getMtu(),
          r.getWindow(),
          r.getIrtt()};
}

void write_route_cache_entry(const RouteCacheEntry& v, s::RouteCacheEntry::Builder b) {
  b.setInterfaceName(text_of(v.interface_name));
  b.setDestination(bytes_of(v.destination));
  b.setGateway(bytes_of(v.gateway));
  b.setFlags(v.flags);
  b.setRefCount(v.ref_count);
  b.setUse(v.use);
  b.setMetric(v.metric);
  b.setSource(bytes_of(v.source));
  b.setMtu(v.mtu);
  b.setWindow(v.window);
  b.setIrtt(v.irtt);
  b.setTos(v.tos);
  b.setHhRef(v.hh_ref);
  b.setHhUptodate(v.hh_uptodate);
  b.setSpecificDestination(bytes_of(v.specific_destination));
  b.setHh(v.hh);
  b.setArp(v.arp);
  b.setColumns(v.columns);
}
RouteCacheEntry read_route_cache_entry(s::RouteCacheEntry::Reader r) {
  RouteCacheEntry v;
  v.interface_name = text(r.getInterfaceName());
  v.destination = address(r.getDestination());
  v.gateway = address(r.getGateway());
  v.flags = r.getFlags();
  v.ref_count = r.getRefCount();
  v.use = r.getUse();
  v.metric = r.getMetric();
  v.source = address(r.getSource());
  v.mtu = r.getMtu();
  v.window = r.getWindow();
  v.irtt = r.getIrtt();
  v.tos = r.getTos();
  v.hh_ref = r.getHhRef();
  v.hh_uptodate = r.getHhUptodate();
  v.specific_destination = address(r.getSpecificDestination());
  v.hh = r.getHh();
  v.arp = r.getArp();
  v.columns = r.getColumns();
  return v;
}

void write_route6(const Route6& v, s::Route6::Builder b) {
  b.setDestination(bytes_of(v.destination));
  b.setDestinationPrefix(v.destination_prefix);
  b.setSource(bytes_of(v.source));
  b.setSourcePrefix(v.source_prefix);
  b.setNextHop(bytes_of(v.next_hop));
  b.setMetric(v.metric);
  b.setRefCount(v.ref_count);
  b.setUse(v.use);
  b.setFlags(v.flags);
  b.setDevice(text_of(v.device));
}
Route6 read_route6(s::Route6::Reader r) {
  return {address(r.getDestination()),
          r.getDestinationPrefix(),
          address(r.getSource()),
          r.getSourcePrefix(),
          address(r.getNextHop()),
          r.getMetric(),
          r.getRefCount(),
          r.getUse(),
          r.getFlags(),
          text(r.getDevice())};
}

namespace {

void write_counters(const InterfaceCounters& c, s::InterfaceCounters::Builder b) {
  b.setRxBytes(c.rx_bytes);
  b.setRxPackets(c.rx_packets);
  b.setRxErrors(c.rx_errors);
  b.setRxDropped(c.rx_dropped);
  b.setRxFifo(c.rx_fifo);
  b.setRxFrame(c.rx_frame);
  b.setRxCompressed(c.rx_compressed);
  b.setRxMulticast(c.rx_multicast);
  b.setTxBytes(c.tx_bytes);
  b.setTxPackets(c.tx_packets);
  b.setTxErrors(c.tx_errors);
  b.setTxDropped(c.tx_dropped);
  b.setTxFifo(c.tx_fifo);
  b.setTxCollisions(c.tx_collisions);
  b.setTxCarrier(c.tx_carrier);
  b.setTxCompressed(c.tx_compressed);
}
InterfaceCounters read_counters(s::InterfaceCounters::Reader r) {
  return {r.getRxBytes(), r.getRxPackets(),    r.getRxErrors(),     r.getRxDropped(),
          r.getRxFifo(),  r.getRxFrame(),      r.getRxCompressed(), r.getRxMulticast(),
          r.getTxBytes(), r.getTxPackets(),    r.getTxErrors(),     r.getTxDropped(),
          r.getTxFifo(),  r.getTxCollisions(), r.getTxCarrier(),    r.getTxCompressed()};
}

std::optional<IpAddress> optional_address(capnp::Data::Reader d) {
  if (d.size() == 0) return std::nullopt;
  return address(d);
}

void write_address4(const InterfaceAddress4& a, s::InterfaceAddress4::Builder b) {
  b.setLabel(text_of(a.label));
  b.setAddress(bytes_of(a.address));
  b.setNetmask(bytes_of(a.netmask));
  if (a.broadcast) b.setBroadcast(bytes_of(*a.broadcast));
  if (a.destination) b.setDestination(bytes_of(*a.destination));
}
InterfaceAddress4 read_address4(s::InterfaceAddress4::Reader r) {
  return {text(r.getLabel()), address(r.getAddress()), address(r.getNetmask()),
          optional_address(r.getBroadcast()), optional_address(r.getDestination())};
}

void write_address6(const InterfaceAddress6& a, s::InterfaceAddress6::Builder b) {
  b.setAddress(bytes_of(a.address));
  b.setInterfaceIndex(a.interface_index);
  b.setPrefixLength(a.prefix_length);
  b.setScope(a.scope);
  b.setFlags(a.flags);
}
InterfaceAddress6 read_address6(s::InterfaceAddress6::Reader r) {
  return {address(r.getAddress()), r.getInterfaceIndex(), r.getPrefixLength(), r.getScope(),
          r.getFlags()};
}

void write_device_map(const DeviceMap& m, s::DeviceMap::Builder b) {
  b.setMemoryStart(m.memory_start);
  b.setMemoryEnd(m.memory_end);
  b.setBaseAddress(m.base_address);
  b.setIrq(m.irq);
  b.setDma(m.dma);
  b.setPort(m.port);
}
DeviceMap read_device_map(s::DeviceMap::Reader r) {
  return {r.getMemoryStart(), r.getMemoryEnd(), r.getBaseAddress(),
          r.getIrq(),         r.getDma(),       r.getPort()};
}

}  // namespace

void write_interface(const Interface& v, s::Interface::Builder b) {
  b.setName(text_of(v.name));
  b.setIndex(v.index);
  b.setHasMtu(v.mtu.has_value());
  b.setMtu(v.mtu.value_or(0));
  b.setHasFlags(v.flags.has_value());
  b.setFlags(v.flags.value_or(0));
  b.setHasHardwareType(v.hardware_type.has_value());
  b.setHardwareType(v.hardware_type.value_or(0));
  b.setHardwareAddress(bytes_of(v.hardware_address));
  b.setHasTxQueueLength(v.tx_queue_length.has_value());
  b.setTxQueueLength(v.tx_queue_length.value_or(0));
  b.setHasCounters(v.counters.has_value());
  if (v.counters) write_counters(*v.counters, b.initCounters());
  write_list(v.addresses4, INIT_LIST(b, Addresses4, v.addresses4), write_address4);
  write_list(v.addresses6, INIT_LIST(b, Addresses6, v.addresses6), write_address6);
  b.setHasDeviceMap(v.device_map.has_value());
  if (v.device_map) write_device_map(*v.device_map, b.initDeviceMap());
}

Interface read_interface(s::Interface::Reader r) {
  Interface v;
  v.name = text(r.getName());
  v.index = r.getIndex();
  if (r.getHasMtu()) v.mtu = r.getMtu();
  if (r.getHasFlags()) v.flags = r.getFlags();
  if (r.getHasHardwareType()) v.hardware_type = r.getHardwareType();
  v.hardware_address = std::string(view(r.getHardwareAddress()));
  if (r.getHasTxQueueLength()) v.tx_queue_length = r.getTxQueueLength();
  if (r.getHasCounters()) v.counters = read_counters(r.getCounters());
  v.addresses4 = read_list<InterfaceAddress4>(r.getAddresses4(), read_address4);
  v.addresses6 = read_list<InterfaceAddress6>(r.getAddresses6(), read_address6);
  if (r.getHasDeviceMap()) v.device_map = read_device_map(r.getDeviceMap());
  return v;
}

void write_multicast(const MulticastGroup& v, s::MulticastGroup::Builder b) {
  b.setIpv6(v.ipv6);
  b.setInterfaceIndex(v.interface_index);
  b.setDevice(text_of(v.device));
  b.setGroup(bytes_of(v.group));
  b.setUsers(v.users);
  b.setTimerRunning(v.timer_running);
  b.setTimer(v.timer);
  b.setReporter(v.reporter);
}
MulticastGroup read_multicast(s::MulticastGroup::Reader r) {
  return {r.getIpv6(),  r.getInterfaceIndex(), text(r.getDevice()), address(r.getGroup()),
          r.getUsers(), r.getTimerRunning(),   r.getTimer(),        r.getReporter()};
}

void write_stat_section(const StatSection& v, s::StatSection::Builder b) {
  b.setPath(text_of(v.path));
  b.setName(text_of(v.name));
  write_list(v.counters, INIT_LIST(b, Counters, v.counters),
             [](const StatCounter& c, s::StatCounter::Builder cb) {
               cb.setName(text_of(c.name));
               cb.setValue(c.value);
             });
}
StatSection read_stat_section(s::StatSection::Reader r) {
  return {text(r.getPath()), text(r.getName()),
          read_list<StatCounter>(r.getCounters(), [](s::StatCounter::Reader c) {
            return StatCounter{text(c.getName()), c.getValue()};
          })};
}

namespace {

void write_tuple(const ConntrackTuple& t, s::ConntrackTuple::Builder b) {
  b.setSource(bytes_of(t.source));
  b.setDestination(bytes_of(t.destination));
  b.setSourcePort(t.source_port);
  b.setDestinationPort(t.destination_port);
  b.setHasCounters(t.packets.has_value());
  b.setPackets(t.packets.value_or(0));
  b.setBytes(t.bytes.value_or(0));
  b.setExtra(text_of(t.extra));
}
ConntrackTuple read_tuple(s::ConntrackTuple::Reader r) {
  ConntrackTuple t{address(r.getSource()), address(r.getDestination()),
                   r.getSourcePort(),      r.getDestinationPort(),
                   std::nullopt,           std::nullopt,
                   text(r.getExtra())};
  if (r.getHasCounters()) {
    t.packets = r.getPackets();
    t.bytes = r.getBytes();
  }
  return t;
}

}  // namespace

void write_conntrack(const ConntrackFlow& v, s::ConntrackFlow::Builder b) {
  b.setIpv6(v.ipv6);
  b.setProtocol(text_of(v.protocol));
  b.setProtocolNumber(v.protocol_number);
  b.setTimeoutSeconds(v.timeout_seconds);
  b.setState(text_of(v.state));
  write_tuple(v.original, b.initOriginal());
  write_tuple(v.reply, b.initReply());
  auto flags = INIT_LIST(b, Flags, v.flags);
  for (unsigned i = 0; i < v.flags.size(); ++i) flags.set(i, text_of(v.flags[i]));
  b.setMark(v.mark);
  b.setZone(v.zone);
  b.setUse(v.use);
}
ConntrackFlow read_conntrack(s::ConntrackFlow::Reader r) {
  ConntrackFlow v;
  v.ipv6 = r.getIpv6();
  v.protocol = text(r.getProtocol());
  v.protocol_number = r.getProtocolNumber();
  v.timeout_seconds = r.getTimeoutSeconds();
  v.state = text(r.getState());
  v.original = read_tuple(r.getOriginal());
  v.reply = read_tuple(r.getReply());
  for (auto f : r.getFlags()) v.flags.push_back(text(f));
  v.mark = r.getMark();
  v.zone = r.getZone();
  v.use = r.getUse();
  return v;
}

void write_masquerade(const MasqueradeEntry& v, s::MasqueradeEntry::Builder b) {
  b.setProtocol(text_of(v.protocol));
  b.setSource(bytes_of(v.source));
  b.setSourcePort(v.source_port);
  b.setDestination(bytes_of(v.destination));
  b.setDestinationPort(v.destination_port);
  b.setMasqueradePort(v.masquerade_port);
  b.setInitialSequence(v.initial_sequence);
  b.setDelta(v.delta);
  b.setHasPreviousDelta(v.previous_delta.has_value());
  b.setPreviousDelta(v.previous_delta.value_or(0));
  b.setExpiresCentiseconds(v.expires_centiseconds);
}
MasqueradeEntry read_masquerade(s::MasqueradeEntry::Reader r) {
  MasqueradeEntry v{text(r.getProtocol()),       address(r.getSource()), r.getSourcePort(),
                    address(r.getDestination()), r.getDestinationPort(), r.getMasqueradePort(),
                    r.getInitialSequence(),      r.getDelta(),           std::nullopt,
                    r.getExpiresCentiseconds()};
  if (r.getHasPreviousDelta()) v.previous_delta = r.getPreviousDelta();
  return v;
}

}  // namespace netsnap::model::codec
