"""Line formats of the Linux kernel's /proc/net files, as its seq_printf calls write them.

A library for gen_fixture.py (not a command). Every function returns the exact text the kernel
would print for one header or one row, so that fixture roots built from them are byte-compatible
with a real /proc. The kernel format strings are quoted above each function; addresses are passed
as `ipaddress.IPv4Address`/`IPv6Address`.

Byte-order conventions (x86, little-endian):
  * IPv4 in tcp/udp/raw/route/igmp files: the network-order 32-bit word printed with %08X, so
    127.0.0.1 is 0100007F (hex4 below).
  * IPv6 in tcp6/udp6/raw6: four 32-bit words, each printed with %08X (hex6_words).
  * IPv6 in ipv6_route, if_inet6, igmp6 (%pi6): 32 lower-case hex digits in network order (hex6).
"""

import ipaddress

TCP4_WIDTH = 149  # tcp4_seq_show pads every line to TMPSZ - 1
UDP4_WIDTH = 127  # udp4_seq_show pads to 127
ROUTE_WIDTH = 127  # fib_route_seq_show pads to 127

KERNEL_POINTER = "0000000000000000"  # %pK as kptr_restrict prints it


def hex4(addr):
    """IPv4 address as the kernel's %08X of the network-order word."""
    return "%08X" % int.from_bytes(addr.packed, "little")


def hex6_words(addr):
    """IPv6 address as tcp6/udp6/raw6 print it: four %08X words in host byte order."""
    b = addr.packed
    return "".join("%08X" % int.from_bytes(b[i:i + 4], "little") for i in range(0, 16, 4))


def hex6(addr):
    """IPv6 address as %pi6: 32 lower-case hex digits in network order."""
    return addr.packed.hex()


def full6(addr):
    """IPv6 address as %pI6: eight 4-digit groups separated by colons (sctp files)."""
    h = addr.packed.hex()
    return ":".join(h[i:i + 4] for i in range(0, 32, 4))


def pad(line, width):
    """seq_pad: pads with spaces to `width` characters (never truncates)."""
    return line.ljust(width) + "\n"


def addr_hex(addr):
    return hex6_words(addr) if addr.version == 6 else hex4(addr)


# ---------------------------------------------------------------------------------------------
# tcp, tcp6
# ---------------------------------------------------------------------------------------------

TCP4_HEADER = pad("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
                  "   uid  timeout inode", TCP4_WIDTH)
TCP6_HEADER = ("  sl  local_address                         remote_address                        "
               "st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n")


def _endpoints(s):
    return "%s:%04X %s:%04X" % (addr_hex(s["local"]), s["lport"], addr_hex(s["remote"]),
                                s["rport"])


def tcp_row(i, s):
    """One tcp/tcp6 row. s["kind"] is "full", "timewait" or "request" (three kernel formats).

    full:     "%4d: %08X:%04X %08X:%04X %02X %08X:%08X %02X:%08lX %08X %5u %8d %lu %d %pK
               %lu %lu %u %u %d"
    timewait: "... %02X:%08lX %08X %5d %8d %d %d %pK"   (uid, timeout, inode, refcnt all 0)
    request:  "... %02X:%08lX %08X %5u %8d %u %d %pK"   (inode 0)
    IPv4 rows are padded to 149 columns, IPv6 rows are not.
    """
    head = "%4d: %s %02X %08X:%08X %02X:%08X %08X %5d %8d %d %d %s" % (
        i, _endpoints(s), s["state"], s["txq"], s["rxq"], s["timer"], s["when"], s["retr"],
        s["uid"], s["probes"], s["inode"], s["refcnt"], KERNEL_POINTER)
    if s["kind"] == "full":
        head += " %d %d %d %d %d" % tuple(s["tail"])
    if s["local"].version == 6:
        return head + "\n"
    return pad(head, TCP4_WIDTH)


# ---------------------------------------------------------------------------------------------
# udp, udp6, udplite, udplite6 (same seq_show), raw, raw6
# ---------------------------------------------------------------------------------------------

UDP4_HEADER = pad("   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
                  "   uid  timeout inode ref pointer drops", UDP4_WIDTH)
UDP6_HEADER = ("  sl  local_address                         remote_address                        "
               "st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n")
RAW4_HEADER = ("  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt"
               "   uid  timeout inode ref pointer drops\n")
RAW6_HEADER = UDP6_HEADER


def _dgram_fields(s):
    return "%s %02X %08X:%08X %02X:%08X %08X %5d %8d %d %d %s %d" % (
        _endpoints(s), s["state"], s["txq"], s["rxq"], s["timer"], s["when"], s["retr"], s["uid"],
        s["probes"], s["inode"], s["refcnt"], KERNEL_POINTER, s["drops"])


def udp_row(s):
    """udp4: "%5d: %08X:%04X ... %pK %u" padded to 127; udp6: same fields, not padded."""
    line = "%5d: %s" % (s["slot"], _dgram_fields(s))
    if s["local"].version == 6:
        return line + "\n"
    return pad(line, UDP4_WIDTH)


def raw_row(s):
    """raw4/raw6: "%4d: %08X:%04X ... %pK %u\\n" (the local port is the IP protocol)."""
    return "%4d: %s\n" % (s["slot"], _dgram_fields(s))


# ---------------------------------------------------------------------------------------------
# unix
# ---------------------------------------------------------------------------------------------

UNIX_HEADER = "Num       RefCount Protocol Flags    Type St Inode Path\n"


def unix_row(s):
    """"%pK: %08X %08X %08X %04X %02X %5lu" + (" " + path if bound) + "\\n"."""
    line = "%s: %08X %08X %08X %04X %02X %5d" % (KERNEL_POINTER, s["refcnt"], s["protocol"],
                                                s["flags"], s["type"], s["state"], s["inode"])
    if s["path"] is not None:
        line += " " + s["path"]
    return line + "\n"


# ---------------------------------------------------------------------------------------------
# sctp/eps, sctp/assocs, sctp/snmp
# ---------------------------------------------------------------------------------------------

SCTP_EPS_HEADER = " ENDPT     SOCK   STY SST HBKT LPORT   UID INODE LADDRS\n"
SCTP_ASSOCS_HEADER = (" ASSOC     SOCK   STY SST ST HBKT ASSOC-ID TX_QUEUE RX_QUEUE UID INODE "
                      "LPORT RPORT LADDRS <-> RADDRS HBINT INS OUTS MAXRT T1X T2X RTXC "
                      "wmema wmemq sndbuf rcvbuf\n")


def _sctp_addrs(addrs, primary):
    """sctp_seq_dump_*_addrs: each address as "%pI4 " or "%pI6 ", the primary one after a "*"."""
    text = ""
    for a in addrs:
        if a == primary:
            text += "*"
        text += (full6(a) if a.version == 6 else str(a)) + " "
    return text


def sctp_eps_row(e):
    """"%8pK %8pK %-3d %-3d %-4d %-5d %5u %5lu " + local addresses + "\\n"."""
    return "%s %s %-3d %-3d %-4d %-5d %5d %5d %s\n" % (
        KERNEL_POINTER, KERNEL_POINTER, e["type"], e["sst"], e["hash"], e["lport"], e["uid"],
        e["inode"], _sctp_addrs(e["laddrs"], None))


def sctp_assocs_row(a):
    """"%8pK %8pK %-3d %-3d %-2d %-4d %4d %8d %8d %7u %5lu %-5d %5d " + " " + laddrs + "<-> "
    + raddrs + "\\t%8lu %5d %5d %4d %4d %4d %8d %8d %8d %8d %8d\\n"."""
    head = "%s %s %-3d %-3d %-2d %-4d %4d %8d %8d %7d %5d %-5d %5d " % (
        KERNEL_POINTER, KERNEL_POINTER, a["type"], a["sst"], a["st"], 0, a["assoc_id"], a["txq"],
        a["rxq"], a["uid"], a["inode"], a["lport"], a["rport"])
    addrs = (" " + _sctp_addrs(a["laddrs"], a["laddrs"][0]) + "<-> "
             + _sctp_addrs(a["raddrs"], a["raddrs"][0]))
    tail = "\t%8d %5d %5d %4d %4d %4d %8d %8d %8d %8d %8d\n" % (30000, 10, 10, 5, 0, 0, 0, 1, 0,
                                                               212992, 212992)
    return head + addrs + tail


def sctp_snmp_text(pairs):
    """"%-32s\\t%ld\\n" per counter."""
    return "".join("%-32s\t%d\n" % (k, v) for k, v in pairs)


# ---------------------------------------------------------------------------------------------
# route, ipv6_route, rt_cache
# ---------------------------------------------------------------------------------------------

ROUTE_HEADER = pad("Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow"
                   "\tIRTT", ROUTE_WIDTH)
RT_CACHE_HEADER = pad("Iface\tDestination\tGateway \tFlags\t\tRefCnt\tUse\tMetric\tSource\t\tMTU"
                      "\tWindow\tIRTT\tTOS\tHHRef\tHHUptod\tSpecDst", ROUTE_WIDTH)


def signed32(v):
    """A 32-bit value as %d prints it."""
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >= 1 << 31 else v


def route_row(r):
    """"%s\\t%08X\\t%08X\\t%04X\\t%d\\t%u\\t%d\\t%08X\\t%d\\t%u\\t%u" padded to 127."""
    line = "%s\t%s\t%s\t%04X\t%d\t%d\t%d\t%s\t%d\t%d\t%d" % (
        r["iface"], hex4(r["dest"]), hex4(r["gw"]), r["flags"], signed32(r["refcnt"]),
        r["use"] & 0xFFFFFFFF, signed32(r["metric"]), hex4(r["mask"]), signed32(r["mtu"]),
        r["window"] & 0xFFFFFFFF, r["irtt"] & 0xFFFFFFFF)
    return pad(line, ROUTE_WIDTH)


def ipv6_route_row(r):
    """"%pi6 %02x %pi6 %02x %pi6 %08x %08x %08x %08x %8s\\n"."""
    return "%s %02x %s %02x %s %08x %08x %08x %08x %8s\n" % (
        hex6(r["dest"]), r["dest_len"], hex6(r["src"]), r["src_len"], hex6(r["gw"]),
        r["metric"], r["refcnt"], r["use"], r["flags"], r["iface"])


# ---------------------------------------------------------------------------------------------
# dev, if_inet6, igmp, igmp6
# ---------------------------------------------------------------------------------------------

DEV_HEADER = ("Inter-|   Receive                                                |  Transmit\n"
              " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets "
              "errs drop fifo colls carrier compressed\n")


def dev_row(name, c):
    """"%6s:%8llu %7llu %4llu %4llu %4llu %5llu %10llu %9llu %8llu %7llu %4llu %4llu %4llu
    %5llu %7llu %10llu\\n"; c holds the 16 counters in file order."""
    return ("%6s:%8d %7d %4d %4d %4d %5d %10d %9d %8d %7d %4d %4d %4d %5d %7d %10d\n"
            % ((name,) + tuple(c)))


def if_inet6_row(a):
    """"%pi6 %02x %02x %02x %02x %8s\\n": address, ifindex, prefix length, scope, flags, name."""
    return "%s %02x %02x %02x %02x %8s\n" % (hex6(a["addr"]), a["ifindex"], a["plen"],
                                             a["scope"], a["flags"], a["iface"])


IGMP_HEADER = "Idx\tDevice    : Count Querier\tGroup    Users Timer\tReporter\n"


def igmp_device_row(ifindex, name, count, querier):
    """"%d\\t%-10s: %5d %7s\\n"."""
    return "%d\t%-10s: %5d %7s\n" % (ifindex, name, count, querier)


def igmp_group_row(g):
    """"\\t\\t\\t\\t%08X %5d %d:%08lX\\t\\t%d\\n"."""
    return "\t\t\t\t%s %5d %d:%08X\t\t%d\n" % (hex4(g["group"]), g["users"], g["running"],
                                               g["expires"], g["reporter"])


def igmp6_row(g):
    """"%-4d %-15s %pi6 %5d %08X %ld\\n"."""
    return "%-4d %-15s %s %5d %08X %d\n" % (g["ifindex"], g["iface"], hex6(g["group"]),
                                            g["users"], g["flags"], g["expires"])


# ---------------------------------------------------------------------------------------------
# snmp, netstat, snmp6
# ---------------------------------------------------------------------------------------------


def snmp_pair_text(title, pairs):
    """A "Title: keys" / "Title: values" pair (snmp, netstat); values printed as %lu or %ld."""
    keys = " ".join(k for k, _ in pairs)
    values = " ".join(str(v) for _, v in pairs)
    return "%s: %s\n%s: %s\n" % (title, keys, title, values)


def snmp6_text(pairs):
    """"%-32s\\t%lu\\n" per counter."""
    return "".join("%-32s\t%d\n" % (k, v) for k, v in pairs)


def ipv4(text):
    return ipaddress.IPv4Address(text)


def ipv6(text):
    return ipaddress.IPv6Address(text)
