// The snapshot as a whole: top-level fields, names, and message (de)serialisation.
#include "netsnap/model/snapshot_codec.h"

#include <capnp/message.h>
#include <capnp/serialize-text.h>
#include <capnp/serialize.h>
#include <kj/exception.h>

#include <cstring>
#include <stdexcept>

#include "codec_internal.h"
#include "netsnap/model/flat_message.h"

namespace netsnap::model {
namespace {

using namespace codec;

// --- host, sources, warnings
// ----------------------------------------------------------------------

void write_host(const HostInfo& h, s::Host::Builder b) {
  b.setHostname(text_of(h.hostname));
  b.setKernelRelease(text_of(h.kernel_release));
  b.setBootId(text_of(h.boot_id));
  b.setCaptureTimeNs(h.capture_time_ns);
  b.setMonotonicTimeNs(h.monotonic_time_ns);
  b.setCaptureDurationNs(h.capture_duration_ns);
  b.setOrigin(h.origin == Origin::kLive ? s::Origin::LIVE : s::Origin::FIXTURE);
  b.setFixtureRoot(text_of(h.fixture_root));
  b.setNetNamespaceInode(h.net_namespace_inode);
  b.setClockTicksPerSecond(h.clock_ticks_per_second);
  b.setCapturedByUid(h.captured_by_uid);
  b.setNetsnapVersion(text_of(h.netsnap_version));
}

HostInfo read_host(s::Host::Reader r) {
  HostInfo h;
  h.hostname = text(r.getHostname());
  h.kernel_release = text(r.getKernelRelease());
  h.boot_id = text(r.getBootId());
  h.capture_time_ns = r.getCaptureTimeNs();
  h.monotonic_time_ns = r.getMonotonicTimeNs();
  h.capture_duration_ns = r.getCaptureDurationNs();
  h.origin = r.getOrigin() == s::Origin::LIVE ? Origin::kLive : Origin::kFixture;
  h.fixture_root = text(r.getFixtureRoot());
  h.net_namespace_inode = r.getNetNamespaceInode();
  h.clock_ticks_per_second = r.getClockTicksPerSecond();
  h.captured_by_uid = r.getCapturedByUid();
  h.netsnap_version = text(r.getNetsnapVersion());
  return h;
}

void write_source(const SourceStatus& v, s::SourceStatus::Builder b) {
  b.setPath(text_of(v.path));
  b.setState(static_cast<s::SourceState>(v.state));
  b.setErrorNumber(v.error_number);
}
SourceStatus read_source(s::SourceStatus::Reader r) {
  return {text(r.getPath()), static_cast<SourceState>(r.getState()), r.getErrorNumber()};
}

void write_warning(const CaptureWarning& v, s::CaptureWarning::Builder b) {
  b.setKind(static_cast<s::WarningKind>(v.kind));
  b.setPath(text_of(v.path));
  b.setLine(v.line);
  b.setMessage(text_of(v.message));
}
CaptureWarning read_warning(s::CaptureWarning::Reader r) {
  return {static_cast<WarningKind>(r.getKind()), text(r.getPath()), r.getLine(),
          text(r.getMessage())};
}

// --- names ---------------------------------------------------------------------------------------

void write_host_names(const std::vector<HostName>& v, capnp::List<s::HostName>::Builder list) {
  write_list(v, list, [](const HostName& h, s::HostName::Builder b) {
    b.setAddress(bytes_of(h.address));
    b.setName(text_of(h.name));
  });
}
std::vector<HostName> read_host_names(capnp::List<s::HostName>::Reader list) {
  return read_list<HostName>(list, [](s::HostName::Reader r) {
    return HostName{address(r.getAddress()), text(r.getName())};
  });
}

void write_names(const NameTable& n, s::NameTable::Builder b) {
  b.setSource(text_of(n.source));
  write_host_names(n.hosts4, INIT_LIST(b, Hosts4, n.hosts4));
  write_host_names(n.networks4, INIT_LIST(b, Networks4, n.networks4));
  write_host_names(n.hosts6, INIT_LIST(b, Hosts6, n.hosts6));
  write_list(n.services, INIT_LIST(b, Services, n.services),
             [](const ServiceName& v, s::ServiceName::Builder sb) {
               sb.setPort(v.port);
               sb.setProtocol(text_of(v.protocol));
               sb.setName(text_of(v.name));
             });
  write_list(n.protocols, INIT_LIST(b, Protocols, n.protocols),
             [](const ProtocolName& v, s::ProtocolName::Builder pb) {
               pb.setNumber(v.number);
               pb.setName(text_of(v.name));
             });
  write_list(n.users, INIT_LIST(b, Users, n.users), [](const UserName& v, s::UserName::Builder ub) {
    ub.setUid(v.uid);
    ub.setName(text_of(v.name));
  });
}

NameTable read_names(s::NameTable::Reader r) {
  NameTable n;
  n.source = text(r.getSource());
  n.hosts4 = read_host_names(r.getHosts4());
  n.networks4 = read_host_names(r.getNetworks4());
  n.hosts6 = read_host_names(r.getHosts6());
  n.services = read_list<ServiceName>(r.getServices(), [](s::ServiceName::Reader v) {
    return ServiceName{v.getPort(), text(v.getProtocol()), text(v.getName())};
  });
  n.protocols = read_list<ProtocolName>(r.getProtocols(), [](s::ProtocolName::Reader v) {
    return ProtocolName{v.getNumber(), text(v.getName())};
  });
  n.users = read_list<UserName>(r.getUsers(), [](s::UserName::Reader v) {
    return UserName{v.getUid(), text(v.getName())};
  });
  return n;
}

}  // namespace

void to_capnp(const Snapshot& v, schema::Snapshot::Builder b) {
  write_host(v.host, b.initHost());
  write_list(v.sources, INIT_LIST(b, Sources, v.sources), write_source);
  write_list(v.inet_sockets, INIT_LIST(b, InetSockets, v.inet_sockets), write_inet);
  write_list(v.sctp_endpoints, INIT_LIST(b, SctpEndpoints, v.sctp_endpoints), write_sctp_endpoint);
  write_list(v.sctp_associations, INIT_LIST(b, SctpAssociations, v.sctp_associations),
             write_sctp_association);
  b.setUnixHasInodeColumn(v.unix_has_inode_column);
  write_list(v.unix_sockets, INIT_LIST(b, UnixSockets, v.unix_sockets), write_unix);
  write_list(v.processes, INIT_LIST(b, Processes, v.processes), write_process);
  auto scan = b.initProcessScan();
  scan.setProcReadable(v.process_scan.proc_readable);
  scan.setPidsSeen(v.process_scan.pids_seen);
  scan.setPidsFdDenied(v.process_scan.pids_fd_denied);
  write_list(v.routes4, INIT_LIST(b, Routes4, v.routes4), write_route4);
  write_list(v.routes6, INIT_LIST(b, Routes6, v.routes6), write_route6);
  write_list(v.interfaces, INIT_LIST(b, Interfaces, v.interfaces), write_interface);
  write_list(v.multicast, INIT_LIST(b, Multicast, v.multicast), write_multicast);
  write_list(v.statistics, INIT_LIST(b, Statistics, v.statistics), write_stat_section);
  write_list(v.conntrack, INIT_LIST(b, Conntrack, v.conntrack), write_conntrack);
  write_list(v.masquerade, INIT_LIST(b, Masquerade, v.masquerade), write_masquerade);
  write_names(v.names, b.initNames());
  write_list(v.warnings, INIT_LIST(b, Warnings, v.warnings), write_warning);
  // Null and "" differ here: null means the header was not kept, "" an empty file.
  if (v.routes4_header) b.setRoutes4Header(text_of(*v.routes4_header));
  if (v.route_cache_header) b.setRouteCacheHeader(text_of(*v.route_cache_header));
  write_list(v.route_cache, INIT_LIST(b, RouteCache, v.route_cache), write_route_cache_entry);
}

Snapshot from_capnp(schema::Snapshot::Reader r) {
  Snapshot v;
  v.host = read_host(r.getHost());
  v.sources = read_list<SourceStatus>(r.getSources(), read_source);
  v.inet_sockets = read_list<InetSocket>(r.getInetSockets(), read_inet);
  v.sctp_endpoints = read_list<SctpEndpoint>(r.getSctpEndpoints(), read_sctp_endpoint);
  v.sctp_associations = read_list<SctpAssociation>(r.getSctpAssociations(), read_sctp_association);
  v.unix_has_inode_column = r.getUnixHasInodeColumn();
  v.unix_sockets = read_list<UnixSocket>(r.getUnixSockets(), read_unix);
  v.processes = read_list<Process>(r.getProcesses(), read_process);
  auto scan = r.getProcessScan();
  v.process_scan = {scan.getProcReadable(), scan.getPidsSeen(), scan.getPidsFdDenied()};
  v.routes4 = read_list<Route4>(r.getRoutes4(), read_route4);
  v.routes6 = read_list<Route6>(r.getRoutes6(), read_route6);
  v.interfaces = read_list<Interface>(r.getInterfaces(), read_interface);
  v.multicast = read_list<MulticastGroup>(r.getMulticast(), read_multicast);
  v.statistics = read_list<StatSection>(r.getStatistics(), read_stat_section);
  v.conntrack = read_list<ConntrackFlow>(r.getConntrack(), read_conntrack);
  v.masquerade = read_list<MasqueradeEntry>(r.getMasquerade(), read_masquerade);
  v.names = read_names(r.getNames());
  v.warnings = read_list<CaptureWarning>(r.getWarnings(), read_warning);
  if (r.hasRoutes4Header()) v.routes4_header = text(r.getRoutes4Header());
  if (r.hasRouteCacheHeader()) v.route_cache_header = text(r.getRouteCacheHeader());
  v.route_cache = read_list<RouteCacheEntry>(r.getRouteCache(), read_route_cache_entry);
  return v;
}

std::string encode_snapshot(const Snapshot& snapshot) {
  capnp::MallocMessageBuilder message;
  to_capnp(snapshot, message.initRoot<schema::Snapshot>());
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

namespace {

// Runs fn on the message's root; every failure is a std::runtime_error.
template <typename Fn>
auto with_snapshot_reader(std::string_view bytes, Fn fn) {
  try {
    FlatMessage message(bytes);
    return fn(message.root<schema::Snapshot>());
  } catch (const kj::Exception& e) {
    throw std::runtime_error(std::string("invalid snapshot message: ") + e.getDescription().cStr());
  }
}

}  // namespace

Snapshot decode_snapshot(std::string_view bytes) {
  return with_snapshot_reader(bytes, [](schema::Snapshot::Reader r) { return from_capnp(r); });
}

std::string snapshot_message_to_text(std::string_view bytes) {
  return with_snapshot_reader(bytes, [](schema::Snapshot::Reader r) {
    capnp::TextCodec codec;
    codec.setPrettyPrint(true);
    kj::String text = codec.encode(r);
    return std::string(text.cStr()) + "\n";
  });
}

}  // namespace netsnap::model
