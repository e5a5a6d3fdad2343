// netstat's socket listing (NETSTAT-FORMAT.md §1.3): the Internet sections, -g groups, UNIX
// sockets and the legacy families, in that fixed order. A section that fails ends the listing
// with its status.
#include "netstat_modes.h"
#include "socket_listing.h"

namespace netsnap::render {
namespace {

bool any_internet_protocol(const NetstatOptions& o) {
  return o.tcp || o.sctp || o.udp || o.udplite || o.raw;
}

std::string internet_header(const SocketListing& listing) {
  const NetstatOptions& o = listing.options();
  std::string text = "Active Internet connections ";
  text.append(listing_scope(o));
  text.append("\nProto Recv-Q Send-Q Local Address           Foreign Address         State      ");
  if (o.extend > 0) text.append(" User       Inode     ");
  if (listing.shows_programs()) text.append(" PID/Program name    ");
  if (o.timers) text.append(" Timer");
  text += '\n';
  return text;
}

// tcp, sctp, udp, udplite, raw; each stops the listing when it fails.
int render_internet(SocketListing& listing, Output& output) {
  const NetstatOptions& o = listing.options();
  bool everything = o.explicit_count == 0;
  if (!everything && !any_internet_protocol(o)) return 0;
  listing.load_programs(output);
  output.out(internet_header(listing));
  using model::InetProtocol;
  if (everything || o.tcp) {
    if (int status = render_inet_sockets(listing, InetProtocol::kTcp, output)) return status;
  }
  if (everything || o.sctp) {
    if (int status = render_sctp_sockets(listing, output)) return status;
  }
  struct Datagram {
    bool selected;
    InetProtocol protocol;
  };
  for (Datagram d :
       {Datagram{o.udp, InetProtocol::kUdp}, Datagram{o.udplite, InetProtocol::kUdpLite},
        Datagram{o.raw, InetProtocol::kRaw}}) {
    if (!everything && !d.selected) continue;
    if (int status = render_inet_sockets(listing, d.protocol, output)) return status;
  }
  return 0;
}

// IPX, AX.25, X.25, NET/ROM and ROSE: their /proc files are never recorded, so each behaves as on
// a kernel without it (§7).
int render_legacy_families(const NetstatOptions& o, Output& output) {
  struct Legacy {
    bool selected;
    const char* name;
  };
  bool everything = o.explicit_count == 0;
  for (Legacy l : {Legacy{o.ipx, "AF IPX"}, Legacy{o.ax25, "AF AX25"}, Legacy{o.x25, "AF X25"},
                   Legacy{o.netrom, "AF NETROM"}, Legacy{o.rose, "AF ROSE"}}) {
    if (!everything && !l.selected) continue;
    if (!everything || o.verbose) {
      output.err(std::string("netstat: no support for `") + l.name + "' on this system.\n");
    }
    if (!everything) return 1;
  }
  return 0;
}

// Bluetooth is compiled out of 2.10; asking for it fails after everything else was printed.
int render_bluetooth(const NetstatOptions& o, Output& output) {
  if (!o.l2cap && !o.rfcomm) return 0;
  output.err(
      "netstat: feature `AF BLUETOOTH' not supported.\n"
      "Please recompile `net-tools' with newer kernel source or full configuration.\n");
  return 1;
}

}  // namespace

int render_sockets(const RenderContext& context, Output& output) {
  SocketListing listing(context);
  const NetstatOptions& o = context.options;
  if (int status = render_internet(listing, output)) return status;
  if (o.groups) {
    if (int status = render_groups(context, output)) return status;
  }
  if (o.explicit_count == 0 || o.unix_sockets) {
    listing.load_programs(output);
    if (int status = render_unix_sockets(listing, output)) return status;
  }
  if (int status = render_legacy_families(o, output)) return status;
  return render_bluetooth(o, output);
}

}  // namespace netsnap::render
