#!/usr/bin/env python3
"""Writes a random, adversarial fixture root (a /proc, /sys and /etc tree) for one seed.

    python3 tools/oracle/gen_fixture.py SEED OUTDIR [--malformed]

The same SEED always gives the same tree (python3 stdlib only; no input but the seed). OUTDIR must
not exist or be empty. The tree follows fixtures/README.md and the kernel's exact text formats
(kernel_text.py), so that both `netsnap record --root OUTDIR` and the real netstat through
`netstat-oracle OUTDIR ...` can read it, and is built to hit netstat's corners: every tcp state
01-0B (including the kernel's short time-wait and request-socket lines), udp/raw states, IPv4-mapped
and long IPv6 addresses that get truncated, port 0 and named ports, long host/service/user names
(truncation), duplicate services (the last wins), shared sockets, empty and odd command lines,
reject routes and every route flag bit, all-zero and huge (2^64-1) counters, interfaces whose names
sort "naturally", optional files (every file may be missing, which netstat reports differently).

Interfaces stay within what the oracle can reproduce with `ORACLE_IFACES=1` (veth devices in a
fresh network namespace): names of at most 14 characters (netstat 2.10 zeroes the counters of
15-character names, a listed deviation), type Ethernet, txqueuelen 1000, and sysfs flags made only
of UP, BROADCAST, NOARP, PROMISC, ALLMULTI and MULTICAST (lo: LOOPBACK, UP). Like a real sysfs,
the flags never contain RUNNING; the oracle's veths have no carrier (their peers stay down), so
netstat shows no `R` for them, while lo, when up, is RUNNING and gets 127.0.0.1.

--malformed additionally mixes a few broken lines into the socket, route and interface files
(labelled in OUTDIR/GENERATED.md); without it every line is one the kernel could print.

OUTDIR/GENERATED.md says which seed, which optional parts were chosen and which files were left out.
"""

import argparse
import ipaddress
import os
import random
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kernel_text as kt  # noqa: E402
import stat_keys  # noqa: E402

U64_MAX = (1 << 64) - 1
TCP_STATES = list(range(0x01, 0x0C))  # ESTABLISHED .. CLOSING
LISTEN, CLOSE, SYN_RECV, TIME_WAIT, FIN_WAIT2 = 0x0A, 0x07, 0x03, 0x06, 0x05

# Interface names: natural-sort traps (eth2 < eth10, br0 < bridge, trailing digits), dots, dashes,
# one-letter and 14-character names. Never "oraclepeer*" (the oracle's veth peers).
IFACE_NAMES = ["eth0", "eth1", "eth2", "eth9", "eth10", "eth0.100", "br0", "bridge", "docker0",
               "veth1a2b3c4", "wlan0", "enp0s31f6", "a1b2", "x", "abcdefghijklmn", "br-3f2a9c81d0",
               "tun0", "wg0", "bond0", "ens3", "ens10", "vlan.7", "eth_a", "lan-1"]
MTUS = [68, 576, 1280, 1420, 1500, 1500, 1500, 9000, 65535]

SERVICES_BASE = [("tcpmux", 1, "tcp"), ("echo", 7, "tcp"), ("echo", 7, "udp"),
                 ("ftp", 21, "tcp"), ("ssh", 22, "tcp"), ("telnet", 23, "tcp"),
                 ("smtp", 25, "tcp"), ("domain", 53, "tcp"), ("domain", 53, "udp"),
                 ("bootps", 67, "udp"), ("bootpc", 68, "udp"), ("http", 80, "tcp"),
                 ("ntp", 123, "udp"), ("https", 443, "tcp"), ("https", 443, "udp"),
                 ("ipp", 631, "tcp"), ("mysql", 3306, "tcp"), ("http-alt", 8080, "tcp"),
                 ("mdns", 5353, "udp"), ("dhcpv6-client", 546, "udp"), ("syslog", 514, "udp")]
PROTOCOLS_BASE = [("ip", 0, "IP"), ("icmp", 1, "ICMP"), ("igmp", 2, "IGMP"), ("tcp", 6, "TCP"),
                  ("udp", 17, "UDP"), ("ipv6", 41, "IPv6"), ("gre", 47, "GRE"),
                  ("ipv6-icmp", 58, "IPv6-ICMP"), ("sctp", 132, "SCTP"),
                  ("udplite", 136, "UDPLite")]
RAW_PROTOCOLS = [1, 2, 6, 17, 58, 132, 136, 250, 253, 255]


class Gen:
    """The random world of one fixture root, built up step by step, then written out."""

    def __init__(self, seed, malformed):
        self.rng = random.Random(seed)
        self.seed = seed
        self.malformed = malformed
        self.notes = []
        self.next_inode = self.rng.choice([1000, 20000, 1 << 20, (1 << 32) - 50])
        self.files = {}  # relative path -> bytes
        self.links = {}  # relative path -> symlink target
        self.dirs = set()

    # -- small random helpers ------------------------------------------------------------------

    def chance(self, p):
        return self.rng.random() < p

    def pick(self, seq):
        return self.rng.choice(seq)

    def inode(self):
        self.next_inode += self.rng.choice([1, 1, 2, 7, 1000])
        return self.next_inode

    def counter(self):
        """A counter value: mostly ordinary, sometimes 0, 2^32, 2^53+1 or 2^64-1."""
        return self.pick([0, 0, 1, 7, 42, 999, 65536, 123456, 4294967295, 4294967296,
                          9007199254740993, 123456789012, 10 ** 15, U64_MAX, U64_MAX - 1,
                          self.rng.randrange(1 << 40)])

    def label(self, length):
        letters = "abcdefghijklmnopqrstuvwxyz"
        return "".join(self.pick(letters + "0123456789-" if i else letters) for i in range(length))

    def dotted_name(self, length):
        """A host name of exactly `length` characters, with dots, not ending in '-' or '.'."""
        name = ""
        while len(name) < length:
            part = self.label(min(self.rng.randint(2, 9), length - len(name)))
            name = (name + "." + part) if name else part
        name = name[:length]
        if name[-1] in ".-":
            name = name[:-1] + "z"
        return name

    def name_length(self):
        """Lengths around netstat's cut points (17, 18, 22, 23, 24) and far past them."""
        return self.pick([3, 5, 8, 12, 16, 17, 18, 19, 21, 22, 23, 24, 30, 47, 60])

    def write(self, path, text):
        self.files[path] = text.encode() if isinstance(text, str) else text

    def note(self, text):
        self.notes.append(text)

    # -- addresses -----------------------------------------------------------------------------

    def build_addresses(self):
        r = self.rng
        self.own4 = [kt.ipv4("10.%d.%d.%d" % (r.randrange(256), r.randrange(256),
                                              r.randint(1, 254))) for _ in range(3)]
        self.peers4 = [kt.ipv4("%d.%d.%d.%d" % (self.pick([10, 192, 172, 203, 198, 100, 8]),
                                                r.randrange(256), r.randrange(256),
                                                r.randint(1, 254))) for _ in range(8)]
        self.peers4 += [kt.ipv4("0.1.2.3"), kt.ipv4("0.10.0.0"), kt.ipv4("255.255.255.255"),
                        kt.ipv4("127.0.0.1"), kt.ipv4("127.0.1.1"), kt.ipv4("1.0.0.0")]
        long6 = [kt.ipv6(":".join("%x" % r.randint(0x1000, 0xffff) for _ in range(8)))
                 for _ in range(3)]
        self.own6 = long6[:1] + [kt.ipv6("fe80::%x:%x:%x:%x" % tuple(r.randint(1, 0xffff)
                                                                     for _ in range(4))),
                                 kt.ipv6("2001:db8::%x" % r.randint(1, 0xffff)),
                                 kt.ipv6("fd00:%x::1:0:0:1" % r.randint(1, 0xffff))]
        self.peers6 = long6[1:] + [kt.ipv6("2001:db8:1234:5678:9abc:def0:1234:5678"),
                                   kt.ipv6("fe80::aaaa:bbbb:cccc:dddd"), kt.ipv6("::1"),
                                   kt.ipv6("::10.1.2.3"), kt.ipv6("2001:db8::1:0:0:1"),
                                   kt.ipv6("ff02::1")]
        self.mapped = [kt.ipv6("::ffff:" + str(a)) for a in
                       [self.own4[0], self.peers4[0], kt.ipv4("127.0.0.1"),
                        kt.ipv4("192.168.100.200"), kt.ipv4("0.1.2.3"), kt.ipv4("0.0.0.0")]]

    def local4(self):
        return self.pick(self.own4 + [kt.ipv4("0.0.0.0"), kt.ipv4("127.0.0.1")])

    def local6(self):
        return self.pick(self.own6 + self.mapped[:3] + [kt.ipv6("::"), kt.ipv6("::1")])

    def remote(self, version):
        if version == 4:
            return self.pick(self.peers4 + self.own4)
        return self.pick(self.peers6 + self.mapped + self.own6)

    # -- name databases ------------------------------------------------------------------------

    def build_ports(self):
        """Port numbers used by sockets, and long service names for some of them."""
        r = self.rng
        self.ports = [22, 80, 443, 53, 68, 123, 631, 8080, 3306, 5353, 546, 1, 65535]
        self.ports += [r.randint(1024, 65535) for _ in range(8)]
        self.long_services = []
        for port in self.rng.sample(self.ports[9:], 6):
            proto = self.pick(["tcp", "udp"])
            self.long_services.append((self.label(self.name_length()), port, proto))

    def port(self):
        return 0 if self.chance(0.08) else self.pick(self.ports)

    def write_services(self):
        entries = list(SERVICES_BASE) + self.long_services
        # The same port/protocol listed twice: netstat keeps the last entry.
        for name, port, proto in self.rng.sample(entries, 3):
            entries.append((self.label(self.pick([4, 17, 18, 19, 25])), port, proto))
        entries.append(("rawsvc", self.pick(RAW_PROTOCOLS), "raw"))
        lines = ["# services (generated)\n", "\n"]
        for name, port, proto in entries:
            alias = ("\t" + self.label(6)) if self.chance(0.2) else ""
            comment = "\t\t# comment" if self.chance(0.1) else ""
            lines.append("%s\t\t%d/%s%s%s\n" % (name, port, proto, alias, comment))
        self.write("etc/services", "".join(lines))

    def write_protocols(self):
        entries = list(PROTOCOLS_BASE)
        entries.append((self.label(self.pick([8, 19, 30])), 250, "X"))
        if self.chance(0.5):
            entries.append(("icmp-again", 1, "ICMP2"))  # duplicate number: last wins
        lines = ["# protocols (generated)\n"]
        lines += ["%s\t%d\t%s\t\t# %s\n" % (n, p, a, n) for n, p, a in entries]
        self.write("etc/protocols", "".join(lines))

    def write_hosts(self):
        """Names for some IPv4, IPv6 and IPv4-mapped addresses, of every interesting length."""
        lines = ["127.0.0.1\tlocalhost\n", "::1\tip6-localhost ip6-loopback\n"]
        named = self.rng.sample(self.own4 + self.peers4[:8], 7)
        named += self.rng.sample(self.own6 + self.peers6, 4)
        named += self.rng.sample(self.mapped, 2)
        for addr in named:
            lines.append("%s\t%s%s\n" % (addr, self.dotted_name(self.name_length()),
                                         (" alias" + self.label(3)) if self.chance(0.3) else ""))
        lines.append("%s\tduplicate-address\n" % named[0])  # of two lines, the first one wins
        lines.append("224.0.0.1\tall-systems.mcast.net\n")
        lines.append("ff02::1\tip6-allnodes\n")
        if self.chance(0.5):
            lines.append("# comment line\n\n")
        self.rng.shuffle(lines)
        self.write("etc/hosts", "".join(lines))

    def write_networks(self):
        lines = ["default\t\t0.0.0.0\n", "loopback\t127.0.0.0\n", "link-local\t169.254.0.0\n",
                 "weird-net\t0.1.2.3\n", "%s\t0.10.0.0\n" % self.label(self.pick([5, 16, 20]))]
        for dest in self.route_networks:
            if self.chance(0.5):
                lines.append("%s\t%s\n" % (self.label(self.name_length()), dest))
        # The short form "10.200" of 10.200.0.0: glibc pads it with ".0" before inet_network().
        octets = str(self.pick(self.route_networks or self.own4)).split(".")
        while len(octets) > 1 and octets[-1] == "0":
            octets.pop()
        lines.append("short-form\t%s\n" % ".".join(octets))
        self.write("etc/networks", "".join(lines))

    def build_users(self):
        self.users = [("root", 0), ("daemon", 1), ("www-data", 33), ("alice", 1000),
                      (self.label(self.pick([10, 11, 20, 45])), 1001), ("bob", 1002),
                      ("nobody", 65534), ("ten-chars!", 1003)]
        self.uids = [u for _, u in self.users] + [4242, 4294967294, 77777]

    def write_passwd(self):
        lines = ["%s:x:%d:%d::/home/%s:/bin/sh\n" % (n, u, u, n) for n, u in self.users]
        lines.append("duplicate-uid:x:1000:1000::/:/bin/sh\n")  # getpwuid returns the first
        self.write("etc/passwd", "".join(lines))

    def write_group(self):
        self.write("etc/group", "root:x:0:\nadm:x:4:alice\nusers:x:100:\n")

    # -- Internet sockets ----------------------------------------------------------------------

    def timer_fields(self, tcp):
        """(timer, when, retransmits, probes) across every timer kind netstat names."""
        timer = self.pick([0, 0, 0, 1, 2, 3, 4]) if tcp else self.pick([0] * 8 + [1, 2, 3])
        when = 0 if timer == 0 and self.chance(0.7) else self.pick(
            [1, 26, 100, 3000, 7000, 123456, 0x7FFFFFFF])
        return timer, when, self.pick([0, 0, 1, 3, 255]), self.pick([0, 0, 0, 1, 9])

    def queue(self):
        """Queue sizes: mostly empty, sometimes wider than the 6-character column."""
        if self.chance(0.7):
            return 0
        return self.pick([1, 36, 512, 129, 212992, 999999, 6000000, 2147483647, 4294967295])

    def tcp_socket(self, version, state):
        """A tcp/tcp6 socket in `state`, with the line format the kernel uses for that state."""
        listening = state == LISTEN or (state == CLOSE and self.chance(0.5))
        if listening or self.chance(0.2):
            local = self.local4() if version == 4 else self.local6()
        else:  # a connected socket has a concrete local address
            local = self.pick(self.own4 + [kt.ipv4("127.0.0.1")] if version == 4
                              else self.own6 + self.mapped[:3] + [kt.ipv6("::1")])
        remote = (kt.ipv4("0.0.0.0") if version == 4 else kt.ipv6("::")) if listening \
            else self.remote(version)
        timer, when, retr, probes = self.timer_fields(True)
        s = {"local": local, "lport": self.pick(self.ports), "remote": remote,
             "rport": 0 if listening else self.port() or 1, "state": state, "kind": "full",
             "txq": self.queue(), "rxq": self.queue(), "timer": timer, "when": when,
             "retr": retr, "uid": self.pick(self.uids), "probes": probes,
             "inode": self.inode(), "refcnt": self.pick([1, 2, 3]),
             "tail": [self.pick([20, 100, 200]), 4, 0, 10, self.pick([-1, 0, 7])]}
        if state == LISTEN:
            s.update(timer=0, when=0, retr=0, txq=self.pick([128, 4096, 0]),
                     rxq=self.pick([0, 0, 3, 129]))
        if state in (TIME_WAIT, FIN_WAIT2) and self.chance(0.6):
            s.update(kind="timewait", timer=3, uid=0, probes=0, inode=0, txq=0, rxq=0, retr=0)
        if state == SYN_RECV and self.chance(0.6):
            s.update(kind="request", timer=1, probes=0, inode=0, refcnt=0, txq=0, rxq=0)
        return s

    def build_tcp(self):
        """Every state 01-0B at least once over tcp+tcp6, plus a random extra set."""
        self.tcp = {4: [], 6: []}
        for state in TCP_STATES + [self.pick(TCP_STATES) for _ in range(self.rng.randint(0, 12))]:
            version = self.pick([4, 4, 6])
            self.tcp[version].append(self.tcp_socket(version, state))
        for v in (4, 6):
            self.rng.shuffle(self.tcp[v])

    def dgram_socket(self, version, proto):
        """A udp/udplite/raw socket: unconnected, connected, or connected with remote port 0."""
        local = self.local4() if version == 4 else self.local6()
        zero = kt.ipv4("0.0.0.0") if version == 4 else kt.ipv6("::")
        shape = self.pick(["unconnected", "unconnected", "connected", "to-zero-addr",
                           "port-zero"])
        remote, rport, state = zero, 0, 0x07
        if shape == "connected":
            remote, rport, state = self.remote(version), self.port() or 53, 0x01
        elif shape == "to-zero-addr":  # connected to 0.0.0.0:53 counts as a server for -l
            rport, state = 53, 0x01
        elif shape == "port-zero":
            remote = self.remote(version)
        if proto == "raw":
            rport = 0
            lport = self.pick(RAW_PROTOCOLS)
            state = self.pick([0x07, 0x07, 0x01, 0x0A]) if shape != "connected" else 0x01
        else:
            lport = self.pick(self.ports) if self.chance(0.9) else 0
            if self.chance(0.1):
                state = self.pick([0x02, 0x0A, 0x00])  # netstat prints UNKNOWN / empty
        timer, when, retr, probes = self.timer_fields(False)
        return {"local": local, "lport": lport, "remote": remote, "rport": rport,
                "state": state, "txq": self.queue(), "rxq": self.queue(), "timer": timer,
                "when": when, "retr": retr, "uid": self.pick(self.uids), "probes": probes,
                "inode": self.inode(), "refcnt": 2, "drops": self.pick([0, 0, 5]),
                "slot": lport % 256 if proto == "raw" else self.rng.randrange(1024)}

    def build_dgram(self):
        self.dgram = {}
        for proto in ("udp", "udplite", "raw"):
            for v in (4, 6):
                n = self.rng.randint(0, 7 if proto == "udp" else 3)
                self.dgram[(proto, v)] = [self.dgram_socket(v, proto) for _ in range(n)]

    def write_inet(self):
        plan = [("tcp", 4, kt.TCP4_HEADER), ("tcp", 6, kt.TCP6_HEADER),
                ("udp", 4, kt.UDP4_HEADER), ("udp", 6, kt.UDP6_HEADER),
                ("udplite", 4, kt.UDP4_HEADER), ("udplite", 6, kt.UDP6_HEADER),
                ("raw", 4, kt.RAW4_HEADER), ("raw", 6, kt.RAW6_HEADER)]
        for proto, v, header in plan:
            name = proto + ("6" if v == 6 else "")
            if not self.keep_file("proc/net/" + name, 0.93):
                continue
            if proto == "tcp":
                rows = [kt.tcp_row(i, s) for i, s in enumerate(self.tcp[v])]
            elif proto == "raw":
                rows = [kt.raw_row(s) for s in self.dgram[(proto, v)]]
            else:
                rows = [kt.udp_row(s) for s in self.dgram[(proto, v)]]
            if self.malformed:
                rows = self.break_rows(rows, name)
            self.write("proc/net/" + name, header + "".join(rows))

    # -- unix sockets --------------------------------------------------------------------------

    def unix_path(self):
        r = self.rng
        kind = self.pick(["none", "none", "path", "path", "abstract", "space", "long", "utf8",
                          "autobind", "nul", "relative"])
        if kind == "none":
            return None
        if kind == "path":
            return "/run/%s/%s.sock" % (self.label(r.randint(2, 10)), self.label(r.randint(1, 12)))
        if kind == "abstract":
            return "@/tmp/.X11-unix/X%d" % r.randint(0, 9)
        if kind == "space":
            return "/tmp/with %s\tsep" % self.label(4)  # netstat cuts at the first whitespace
        if kind == "long":
            return "/" + "/".join(self.label(9) for _ in range(10))[:106]
        if kind == "utf8":
            return "/run/caf\u00e9-\u00fcber.sock"
        if kind == "autobind":
            return "@%05x" % r.randrange(1 << 20)
        if kind == "nul":
            return "@abstract@with@nul"
        return "relative.sock"

    def unix_socket(self):
        state = self.pick([1, 1, 3, 3, 3, 2, 4, 0])
        listening = state == 1 and self.chance(0.5)
        return {"refcnt": self.pick([2, 2, 3, 10, 0x1F, 0x100]),
                "protocol": 0 if self.chance(0.95) else 1,
                "flags": 0x10000 if listening else self.pick([0] * 12 + [0x20000, 0x70000]),
                "type": self.pick([1, 1, 1, 2, 2, 5, 3, 4]), "state": state,
                "inode": self.inode(), "path": self.unix_path()}

    def build_unix(self):
        self.unix = [self.unix_socket() for _ in range(self.rng.randint(0, 14))]

    def write_unix(self):
        if not self.keep_file("proc/net/unix", 0.93):
            return
        rows = [kt.unix_row(s) for s in self.unix]
        if self.malformed:
            rows = self.break_rows(rows, "unix")
        self.write("proc/net/unix", kt.UNIX_HEADER + "".join(rows))

    # -- sctp ----------------------------------------------------------------------------------

    def build_sctp(self):
        self.has_sctp = self.chance(0.4)
        self.sctp_eps, self.sctp_assocs = [], []
        if not self.has_sctp:
            return
        for _ in range(self.rng.randint(0, 3)):
            v6 = self.chance(0.4)
            addrs = ([self.pick(self.own6)] if v6 else []) + \
                self.rng.sample(self.own4, self.rng.randint(1, 2))
            self.sctp_eps.append({"type": self.pick([1, 2]), "sst": self.pick([10, 10, 7]),
                                  "hash": self.rng.randrange(64), "lport": self.port(),
                                  "uid": self.pick(self.uids), "inode": self.inode(),
                                  "laddrs": addrs})
        for _ in range(self.rng.randint(0, 3)):
            v6 = self.chance(0.3)
            local = self.own6 if v6 else self.own4
            remote = self.peers6[:4] + self.mapped[:2] if v6 else self.peers4[:8]
            self.sctp_assocs.append({
                "type": 2, "sst": self.pick([1, 1, 8, 7, 2]), "st": self.pick([4, 3, 5]),
                "assoc_id": self.rng.randint(1, 20), "txq": self.pick([0, 5, 1 << 20]),
                "rxq": self.pick([0, 7]), "uid": self.pick(self.uids), "inode": self.inode(),
                "lport": self.port(), "rport": self.port(),
                "laddrs": self.rng.sample(local, self.rng.randint(1, 3)),
                "raddrs": self.rng.sample(remote, self.rng.randint(1, 4))})

    def write_sctp(self):
        if not self.has_sctp:
            self.note("no proc/net/sctp (SCTP module not loaded)")
            return
        self.write("proc/net/sctp/eps",
                   kt.SCTP_EPS_HEADER + "".join(kt.sctp_eps_row(e) for e in self.sctp_eps))
        self.write("proc/net/sctp/assocs", kt.SCTP_ASSOCS_HEADER
                   + "".join(kt.sctp_assocs_row(a) for a in self.sctp_assocs))
        pairs = [(k, self.counter() if self.chance(0.5) else 0) for k in stat_keys.SCTP]
        self.write("proc/net/sctp/snmp", kt.sctp_snmp_text(pairs))

    # -- processes -----------------------------------------------------------------------------

    def cmdline(self):
        """argv as bytes: absolute and relative argv[0], empty, long, odd characters.

        No control characters: netsnap prints them as '?' where 2.10 prints them raw (a listed
        deviation, covered by the renderer's unit tests)."""
        r = self.rng
        base = self.label(r.randint(2, 12))
        kind = self.pick(["abs", "abs", "abs", "rel", "empty", "long", "slash-end", "spaces",
                          "utf8", "no-nul", "huge"])
        if kind == "abs":
            argv = ["/usr/sbin/" + base] + [self.label(4) for _ in range(r.randint(0, 3))]
        elif kind == "rel":
            argv = [self.pick(["sshd: root@pts/0", "nginx: worker process", "python3", base])]
        elif kind == "empty":
            return b""
        elif kind == "long":
            argv = ["/opt/" + self.label(40), "--flag"]
        elif kind == "slash-end":
            argv = ["/usr/bin/"]
        elif kind == "spaces":
            argv = ["/usr/lib/" + base + " with spaces", "x"]
        elif kind == "utf8":
            argv = ["/usr/bin/\u00fcberd\u00e4mon-\u00e9t\u00e9-\u65e5\u672c\u8a9e"]
        elif kind == "no-nul":
            return ("/usr/bin/" + base).encode()
        else:  # longer than netstat's 511-byte read
            return ("/" + "d" * 520 + "/" + base).encode() + b"\0"
        return b"".join(a.encode() + b"\0" for a in argv)

    def build_processes(self):
        """PIDs owning the sockets; some sockets shared, some unowned, some processes idle."""
        r = self.rng
        inodes = [s["inode"] for v in (4, 6) for s in self.tcp[v] if s["inode"]]
        inodes += [s["inode"] for lst in self.dgram.values() for s in lst]
        inodes += [s["inode"] for s in self.unix]
        inodes += [e["inode"] for e in self.sctp_eps + self.sctp_assocs]
        owned = [i for i in inodes if self.chance(0.75)]
        pids = sorted(r.sample(range(2, 40000), r.randint(2, 9)))
        pids = [1] + pids + ([4194303] if self.chance(0.3) else [])
        self.processes = {pid: {"cmdline": self.cmdline(), "fds": []} for pid in pids}
        for inode in owned:
            holders = r.sample(pids, self.pick([1, 1, 1, 2, 3]) if len(pids) >= 3 else 1)
            for pid in holders:
                self.processes[pid]["fds"].append(inode)
        if self.chance(0.3):
            self.note("proc/self is a symlink (not a PID entry)")
            self.links["proc/self"] = str(pids[-1])

    def write_processes(self):
        for pid, p in self.processes.items():
            base = "proc/%d/" % pid
            self.write(base + "cmdline", p["cmdline"])
            name = p["cmdline"].split(b"\0")[0].rsplit(b"/", 1)[-1][:15] or b"kworker"
            self.write(base + "comm", name + b"\n")
            uid = self.pick(self.uids[:5])
            self.write(base + "status", "Name:\t%s\nUmask:\t0022\nState:\tS (sleeping)\n"
                       "Tgid:\t%d\nPid:\t%d\nPPid:\t1\nUid:\t%d\t%d\t%d\t%d\nGid:\t0\t0\t0\t0\n"
                       % (name.decode(errors="replace").replace("\n", "\\n"), pid, pid,
                          uid, uid, uid, uid))
            self.dirs.add(base + "fd")
            fd = self.pick([0, 3])
            for inode in p["fds"]:
                fd += self.pick([1, 1, 2, 100])
                self.links[base + "fd/%d" % fd] = "socket:[%d]" % inode
            for target in self.rng.sample(["/dev/null", "pipe:[4026531840]",
                                           "anon_inode:[eventfd]", "/var/log/x.log"],
                                          self.rng.randint(0, 3)):
                fd += 1
                self.links[base + "fd/%d" % fd] = target

    # -- interfaces ----------------------------------------------------------------------------

    def build_interfaces(self):
        r = self.rng
        names = r.sample(IFACE_NAMES, r.randint(0, 6))
        self.ifaces = [{"name": "lo", "index": 1, "mtu": self.pick([65536, 65536, 16436]),
                        "flags": 0x9 if self.chance(0.9) else 0x8}]
        for i, name in enumerate(names):
            flags = 0x1002 if self.chance(0.85) else 0x0002
            flags |= 0x1 if self.chance(0.8) else 0
            for bit in (0x80, 0x100, 0x200):  # NOARP, PROMISC, ALLMULTI
                if self.chance(0.15):
                    flags |= bit
            self.ifaces.append({"name": name, "index": i + 2, "mtu": self.pick(MTUS),
                                "flags": flags})
        for iface in self.ifaces:
            iface["counters"] = [self.counter() if self.chance(0.6) else 0 for _ in range(16)]
            iface["mac"] = "00:00:00:00:00:00" if iface["name"] == "lo" else \
                ":".join("%02x" % (r.randrange(256) & (0xFC if k == 0 else 0xFF) | (2 if k == 0
                                                                                    else 0))
                         for k in range(6))
        self.iface_names = [i["name"] for i in self.ifaces]

    def write_interfaces(self):
        vanished = None
        if len(self.ifaces) > 2 and self.chance(0.08):
            vanished = self.pick(self.ifaces[1:])["name"]
            self.note("interface %s is in proc/net/dev but not in sys/class/net (it vanished "
                      "before netstat's ioctl: -i stops there with exit 1)" % vanished)
        for iface in self.ifaces:
            if iface["name"] == vanished:
                continue
            d = "sys/class/net/%s/" % iface["name"]
            self.write(d + "ifindex", "%d\n" % iface["index"])
            self.write(d + "mtu", "%d\n" % iface["mtu"])
            self.write(d + "flags", "0x%x\n" % iface["flags"])
            self.write(d + "type", "772\n" if iface["name"] == "lo" else "1\n")
            self.write(d + "address", iface["mac"] + "\n")
            self.write(d + "tx_queue_len", "1000\n")
            up = iface["flags"] & 1
            if iface["name"] == "lo":
                self.write(d + "operstate", "unknown\n" if up else "down\n")
            else:  # the oracle's veths have no carrier: their peers stay down
                self.write(d + "operstate", "lowerlayerdown\n" if up else "down\n")
            if up:
                self.write(d + "carrier", "1\n" if iface["name"] == "lo" else "0\n")
        if self.keep_file("proc/net/dev", 0.95):
            rows = [kt.dev_row(i["name"], i["counters"]) for i in self.ifaces]
            self.rng.shuffle(rows)  # the kernel lists by ifindex hash, not by name
            self.write("proc/net/dev", kt.DEV_HEADER + "".join(rows))
        self.write_if_inet6()

    def write_if_inet6(self):
        if not self.keep_file("proc/net/if_inet6", 0.9):
            return
        rows = []
        for iface in self.ifaces:
            here = {"iface": iface["name"], "ifindex": iface["index"]}
            if iface["name"] == "lo":
                rows.append(dict(here, addr=kt.ipv6("::1"), plen=128, scope=0x10, flags=0x80))
            for _ in range(self.rng.randint(0, 3)):
                addr, scope, plen = self.pick([
                    (self.own6[1], 0x20, 64), (self.own6[0], 0x00, 64), (self.own6[2], 0x00, 48),
                    (kt.ipv6("fec0::1"), 0x40, 64), (kt.ipv6("::10.9.9.9"), 0x80, 96),
                    (self.mapped[0], 0x00, 96)])
                rows.append(dict(here, addr=addr, plen=plen, scope=scope,
                                 flags=self.pick([0x80, 0x80, 0x01, 0x21, 0x40, 0x02])))
        self.rng.shuffle(rows)
        self.write("proc/net/if_inet6", "".join(kt.if_inet6_row(a) for a in rows))

    # -- routes --------------------------------------------------------------------------------

    def route_flags(self):
        """Flag words covering every bit netstat names, unknown bits, and routes without U."""
        flags = 0x0001 if self.chance(0.9) else 0
        for bit in (0x2, 0x4, 0x8, 0x10, 0x20, 0x40, 0x80, 0x100, 0x400, 0x10000, 0x20000,
                    0x40000, 0x200000, 0x400000, 0x1000000, 0x2000000, 0x4000000, 0x80000000,
                    0x800):
            if self.chance(0.08):
                flags |= bit
        if self.chance(0.1):
            flags |= 0x0200  # reject
        return flags

    def build_routes(self):
        r = self.rng
        devs = [i["name"] for i in self.ifaces] + ["*"]
        self.routes, self.route_networks = [], []
        zero = kt.ipv4("0.0.0.0")
        if self.chance(0.8):  # default route
            self.routes.append({"iface": self.pick(devs[:-1]), "dest": zero,
                                "gw": self.pick(self.peers4[:8]), "mask": zero, "flags": 0x3})
        for _ in range(r.randint(0, 9)):
            plen = self.pick([0, 1, 8, 12, 16, 20, 24, 24, 30, 32, 32])
            mask = kt.ipv4((0xFFFFFFFF << (32 - plen)) & 0xFFFFFFFF if plen else 0)
            base = self.pick(self.peers4 + self.own4 + [kt.ipv4("169.254.0.0"),
                                                         kt.ipv4("0.10.0.0")])
            dest = kt.ipv4(int(base) & int(mask)) if self.chance(0.85) else base
            flags = self.route_flags() | (0x4 if plen == 32 and self.chance(0.5) else 0)
            gw = self.pick(self.peers4[:8] + self.own4) if flags & 0x2 else zero
            self.route_networks.append(dest)
            self.routes.append({"iface": "*" if flags & 0x200 else self.pick(devs),
                                "dest": dest, "gw": gw, "mask": mask, "flags": flags})
        for route in self.routes:
            route.update(refcnt=self.pick([0] * 8 + [1, 2, 0xFFFFFFFF]),
                         use=self.pick([0] * 6 + [3, 12345, 4294967295]),
                         metric=self.pick([0, 0, 100, 600, 1000, 2147483647, 4294967295]),
                         mtu=self.pick([0] * 5 + [1460, 1500]),
                         window=self.pick([0] * 6 + [8192, 65535]),
                         irtt=self.pick([0] * 6 + [20, 300]))
        r.shuffle(self.routes)

    def write_routes(self):
        if self.keep_file("proc/net/route", 0.93):
            rows = [kt.route_row(x) for x in self.routes]
            if self.malformed:
                rows = self.break_rows(rows, "route")
            self.write("proc/net/route", kt.ROUTE_HEADER + "".join(rows))
            self.write("proc/net/rt_cache", kt.RT_CACHE_HEADER)  # header only since Linux 3.6
        if self.keep_file("proc/net/ipv6_route", 0.9):
            self.write("proc/net/ipv6_route", "".join(kt.ipv6_route_row(x)
                                                      for x in self.ipv6_routes()))

    def ipv6_routes(self):
        r = self.rng
        zero = kt.ipv6("::")
        devs = [i["name"] for i in self.ifaces]
        routes = []
        for _ in range(r.randint(0, 10)):
            plen = self.pick([0, 8, 48, 64, 64, 96, 128])
            base = self.pick(self.own6 + self.peers6 + self.mapped + [zero, kt.ipv6("ff00::")])
            dest = kt.ipv6(int(base) & (((1 << 128) - 1) ^ ((1 << (128 - plen)) - 1)))
            flags = self.pick([0x1, 0x1, 0x3, 0x00450003, 0x80200001, 0x00200200, 0x0201,
                               0x01000003, 0x01000001, 0x02220021, 0, 0x00040001])
            if self.chance(0.2):  # any bit, shown or not by netstat
                flags ^= 1 << self.rng.randrange(32)
            routes.append({"dest": dest, "dest_len": plen,
                           "src": zero if self.chance(0.9) else self.own6[2],
                           "src_len": 0 if self.chance(0.9) else 48,
                           "gw": self.pick(self.peers6 + self.own6) if flags & 2 else zero,
                           "metric": self.pick([0, 0x100, 0x400, 0x14, 0xffffffff]),
                           "refcnt": self.pick([0, 1, 2, 0xffffffff]),
                           "use": self.pick([0, 5, 123456, 0xffffffff]), "flags": flags,
                           "iface": "lo" if flags & 0x200 else self.pick(devs)})
        return routes

    # -- multicast -----------------------------------------------------------------------------

    def write_groups(self):
        groups4 = [kt.ipv4(a) for a in ["224.0.0.1", "224.0.0.251", "224.0.0.2", "239.12.11.10",
                                        "239.255.255.250"]]
        if self.keep_file("proc/net/igmp", 0.9):
            text = kt.IGMP_HEADER
            for iface in self.rng.sample(self.ifaces, self.rng.randint(0, len(self.ifaces))):
                members = self.rng.sample(groups4, self.rng.randint(0, 3))
                text += kt.igmp_device_row(iface["index"], iface["name"], len(members),
                                           self.pick(["V1", "V2", "V3", "V3"]))
                for g in members:
                    text += kt.igmp_group_row({"group": g, "users": self.pick([1, 1, 2, 65535]),
                                               "running": self.pick([0, 0, 1]),
                                               "expires": self.pick([0, 0x12C]),
                                               "reporter": self.pick([0, 1])})
            self.write("proc/net/igmp", text)
        if self.keep_file("proc/net/igmp6", 0.85):
            groups6 = [kt.ipv6(a) for a in ["ff02::1", "ff02::1:ff00:2", "ff05::fb", "ff01::1",
                                            "ff0e::101", "ff02::2"]]
            rows = []
            for iface in self.ifaces:
                for g in self.rng.sample(groups6, self.rng.randint(0, 3)):
                    rows.append(kt.igmp6_row({"ifindex": iface["index"], "iface": iface["name"],
                                              "group": g, "users": self.pick([1, 2, 12]),
                                              "flags": self.pick([4, 0xC, 8, 6]),
                                              "expires": self.pick([0, 0, 12345])}))
            self.write("proc/net/igmp6", "".join(rows))

    # -- statistics ----------------------------------------------------------------------------

    def stat_value(self, key):
        if key == "MaxConn":
            return -1
        if key in ("RtoAlgorithm", "Forwarding"):
            return self.pick([1, 2])
        if key == "DefaultTTL":
            return 64
        return self.counter() if self.chance(0.4) else 0

    def write_statistics(self):
        sets = self.pick([stat_keys.LINUX_6, stat_keys.LINUX_3_10])
        if self.keep_file("proc/net/snmp", 0.9):
            text = ""
            for title, keys in sets["snmp"]:
                if title == "IcmpMsg" and self.chance(0.3):
                    continue  # the kernel omits IcmpMsg when no ICMP type was counted
                text += kt.snmp_pair_text(title, [(k, self.stat_value(k)) for k in keys])
            self.write("proc/net/snmp", text)
        if self.keep_file("proc/net/netstat", 0.85):
            text = "".join(kt.snmp_pair_text(t, [(k, self.stat_value(k)) for k in keys])
                           for t, keys in sets["netstat"])
            self.write("proc/net/netstat", text)
        if self.keep_file("proc/net/snmp6", 0.85):
            self.write("proc/net/snmp6",
                       kt.snmp6_text([(k, self.stat_value(k)) for k in sets["snmp6"]]))

    def write_masquerade(self):
        """Linux 2.2's ip_masquerade (absent from every modern kernel; only for -M fidelity)."""
        if not self.chance(0.2):
            return
        self.note("proc/net/ip_masquerade present (Linux 2.2 format)")
        pdelta = self.chance(0.5)
        text = "Prc FromIP   FPrt ToIP     TPrt Masq Init-seq  Delta %sExpires (free=40950,40950," \
               "40950)\n" % ("PDelta " if pdelta else "")
        for _ in range(self.rng.randint(0, 4)):
            proto = self.pick(["TCP", "UDP", "ICMP"])
            text += "%s %08X:%04X %08X:%04X %04X %08X %+d %s%d\n" % (
                proto, int(self.pick(self.own4)), self.port(), int(self.pick(self.peers4[:8])),
                self.port(), self.rng.randint(61000, 65095), self.rng.randrange(1 << 32),
                self.pick([0, 7, -3]), ("%+d " % self.pick([0, -5, 9])) if pdelta else "",
                self.pick([0, 99, 3000, 12345, 360000]))
        self.write("proc/net/ip_masquerade", text)

    # -- file presence and malformed lines -----------------------------------------------------

    def keep_file(self, path, p):
        """Whether an optional file exists; a left-out file is noted in GENERATED.md."""
        if self.chance(p):
            return True
        self.note("no " + path)
        return False

    def break_rows(self, rows, name):
        """--malformed: replaces or inserts a few broken lines (noted in GENERATED.md)."""
        broken = ["garbage\n", "   0: 0100007F:0016\n", "\n",
                  "  99: ZZZZZZZZ:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000\n"]
        for _ in range(self.rng.randint(1, 2)):
            line = self.pick(broken)
            rows.insert(self.rng.randint(0, len(rows)), line)
            self.note("MALFORMED: %s has the line %r" % (name, line))
        return rows

    # -- the whole root ------------------------------------------------------------------------

    def build(self):
        self.build_addresses()
        self.build_ports()
        self.build_users()
        self.build_tcp()
        self.build_dgram()
        self.build_unix()
        self.build_sctp()
        self.build_interfaces()
        self.build_routes()
        self.build_processes()
        self.write_inet()
        self.write_unix()
        self.write_sctp()
        self.write_processes()
        self.write_interfaces()
        self.write_routes()
        self.write_groups()
        self.write_statistics()
        self.write_masquerade()
        self.write_identity()
        self.write_etc()

    def write_identity(self):
        self.write("proc/sys/kernel/hostname", "gen-%d\n" % self.seed)
        self.write("proc/sys/kernel/osrelease", "6.1.0-generated\n")
        self.write("proc/sys/kernel/random/boot_id",
                   "%08x-0000-4000-8000-%012x\n" % (self.seed & 0xFFFFFFFF, self.seed))

    def write_etc(self):
        """Each name database is optional; when absent, both sides use this machine's file."""
        for name, writer in [("hosts", self.write_hosts), ("services", self.write_services),
                             ("networks", self.write_networks),
                             ("protocols", self.write_protocols), ("passwd", self.write_passwd),
                             ("group", self.write_group)]:
            if self.keep_file("etc/" + name, 0.85):
                writer()

    def save(self, outdir):
        for d in sorted(self.dirs):
            os.makedirs(os.path.join(outdir, d), exist_ok=True)
        for path in sorted(self.files):
            full = os.path.join(outdir, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as f:
                f.write(self.files[path])
        for path in sorted(self.links):
            full = os.path.join(outdir, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            os.symlink(self.links[path], full)
        summary = ["# Generated fixture root, seed %d%s\n\n" % (
            self.seed, " (with malformed lines)" if self.malformed else ""),
            "Written by tools/oracle/gen_fixture.py; regenerate with the same seed.\n\n"]
        summary += ["- %s\n" % n for n in self.notes]
        with open(os.path.join(outdir, "GENERATED.md"), "w") as f:
            f.write("".join(summary))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("seed", type=int)
    parser.add_argument("outdir")
    parser.add_argument("--malformed", action="store_true",
                        help="mix a few broken lines into some files (labelled)")
    args = parser.parse_args()
    if os.path.exists(args.outdir) and os.listdir(args.outdir):
        sys.exit("gen_fixture: %s exists and is not empty" % args.outdir)
    gen = Gen(args.seed, args.malformed)
    gen.build()
    os.makedirs(args.outdir, exist_ok=True)
    gen.save(args.outdir)


if __name__ == "__main__":
    main()
