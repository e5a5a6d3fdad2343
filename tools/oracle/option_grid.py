#!/usr/bin/env python3
"""The netstat option sets that compare.py and update_goldens.sh run, grouped in named grids.

    python3 tools/oracle/option_grid.py [GRID]      # prints GRID's cases (default: full)
    python3 tools/oracle/option_grid.py --names     # lists the grid names

Each printed line is the case name, a tab, 1 or 0 (whether the case selects the interface table,
which the oracle can only show with ORACLE_IFACES=1), then the netstat arguments, all separated by
tabs (no argument contains a tab). A case name is derived from its arguments (case_name) and is
unique within a grid; it names golden files and GoogleTest cases, so it uses only [A-Za-z0-9_].

`-c` is never in a grid: the real netstat repeats forever with it.
"""

import re
import sys

SOCKETS = [
    [], ["-a"], ["-l"], ["-n"], ["-an"], ["-ln"], ["-e"], ["-ae"], ["-p"], ["-ap"], ["-o"],
    ["-ao"], ["-v"], ["-av"], ["-lv"], ["-W"], ["-aW"], ["-anW"], ["-anpeo"], ["-anpeeo"],
    ["-t"], ["-ta"], ["-tl"], ["-tn"], ["-tan"], ["-tln"], ["-taW"], ["-tanW"], ["-tae"],
    ["-taee"], ["-tao"], ["-tap"], ["-tanp"], ["-taneo"], ["-tanpeo"], ["-tlnp"], ["-tv"],
    ["-u"], ["-ua"], ["-ul"], ["-uan"], ["-uano"], ["-uanpe"], ["-uaW"],
    ["-U"], ["-Ua"], ["-Uan"], ["-Ul"],
    ["-w"], ["-wa"], ["-wl"], ["-wan"], ["-wano"], ["-waW"], ["-wape"],
    ["-x"], ["-xa"], ["-xl"], ["-xp"], ["-xap"], ["-xan"], ["-xae"], ["-xo"], ["-xaW"],
    ["-xapn"],
    ["-S"], ["-Sa"], ["-Sl"], ["-San"], ["-Sanpeo"], ["-Sav"], ["-tS"],
    ["-tu"], ["-tuw"], ["-atup"], ["-tunlp"], ["-ntlp"], ["-tuwUx", "-an"], ["-tuwUxS", "-a"],
    ["-d", "-t"], ["-a", "-l"], ["-l", "-a"], ["-t", "extra"], ["-ta", "--", "-u"],
]

ADDRESS_FAMILIES = [
    ["-A", "inet"], ["-A", "inet6"], ["-A", "unix"], ["-A", "inet,inet6"],
    ["-A", "inet6,unix", "-a"], ["-A", "ip6", "-a"], ["-A", "tcpip", "-n"], ["-A", "ddp"],
    ["-A", "econet,ash"], ["-A", "ipx"], ["-A", "ax25,netrom"], ["-A", "foo"],
    ["-A", "bluetooth"], ["-Ainet", "-n"], ["--protocol=inet6", "-a"], ["--prot=unix", "-l"],
    ["-4"], ["-6"], ["-4a"], ["-6an"], ["-46", "-an"], ["-t4"], ["-u6", "-a"],
    ["--inet"], ["--inet6", "-a"], ["--unix"], ["--unix", "-a"], ["--ip", "-l"], ["--x25"],
    ["--ipx"], ["--netrom"], ["--rose"], ["--ax25"], ["--ddp"],
]

LONG_OPTIONS = [
    ["--numeric-hosts", "-ta"], ["--numeric-ports", "-ta"], ["--numeric-users", "-tae"],
    ["--numeric-h", "-ua"], ["--numeric-p", "-ua"], ["--numeric", "-ua"],
    ["--tcp", "--all", "--numeric"], ["--udp", "--listening"], ["--udplite", "--all"],
    ["--raw", "--all", "--extend"], ["--sctp", "--all"], ["--wide", "-ta"], ["--prog", "-ta"],
    ["--programs", "--timers", "-ta"], ["--extend", "--extend", "-ta"], ["--verbose"],
    ["--all", "--unix", "--programs"],
]

BAD_OPTIONS = [
    ["-T"], ["--notrim"], ["-I"], ["-A"], ["-tA"], ["--interfaces=eth0"], ["--n"],
    ["--numeric-"], ["--tcpip"], ["--tcpip", "-t"], ["-Z"], ["-2"], ["-f"], ["--bluetooth"],
    ["-tZ"], ["-ri"], ["-rs"], ["-rr"], ["-iM"], ["-ii"], ["-sM"], ["-r", "-g"],
    ["--route=x"], ["extra"],
]

ROUTES = [
    ["-r"], ["-rn"], ["-rN"], ["-re"], ["-ree"], ["-reee"], ["-reeee"], ["-reeeee"], ["-rne"],
    ["-rnee"], ["-rNee"], ["-rC"], ["-rCn"], ["-rCe"], ["-rCee"], ["-rFC"], ["-rF"], ["-rFn"],
    ["-r6"], ["-rn6"], ["-rn6C"], ["-r6C"], ["-r6e"], ["-r", "-A", "inet6"],
    ["-r", "-A", "inet,inet6"], ["-rn", "-A", "inet6,inet"], ["-r", "-4", "-6"],
    ["-r6", "-4", "-n"], ["-r", "-A", "unix"], ["-r", "-A", "bluetooth"], ["-r", "-A", "ipx"],
    ["-r", "-A", "foo"], ["-rW"], ["-rv"], ["-ra"], ["-rp"], ["--route", "--numeric"],
    ["--rou", "-n"], ["--route", "--symbolic"], ["--route", "--cache"],
    ["--route", "--fib", "--cache", "-n"], ["-r", "--numeric-hosts"], ["-r", "--numeric-ports"],
    ["-rg"],
]

INTERFACES = [
    ["-i"], ["-ia"], ["-ie"], ["-iae"], ["-ian"], ["-iee"], ["-iW"], ["-iv"], ["-iN"],
    ["--interfaces"], ["--interfaces", "--all"], ["-i", "-A", "inet"], ["-it"], ["-ix"],
    ["-ip"], ["-io"], ["-ig"],
]

GROUPS = [
    ["-g"], ["-gn"], ["-g4"], ["-g6"], ["-gn6"], ["-ga"], ["-gl"], ["-gt"], ["-gx"], ["-gv"],
    ["-gW"], ["-gp"], ["--groups"], ["-g", "-A", "inet6"], ["-g", "--numeric-hosts"],
]

STATISTICS = [
    ["-s"], ["-st"], ["-su"], ["-sw"], ["-sS"], ["-sU"], ["-stu"], ["-stuw"], ["-s6"], ["-s4"],
    ["-s", "-x"], ["-s", "-4", "-6"], ["-s", "-A", "inet6"], ["-s", "-A", "inet"], ["-s6t"],
    ["-s6u"], ["-s6w"], ["-se"], ["-sn"], ["-sv"], ["-sa"], ["--statistics"],
    ["--statistics", "--tcp"], ["-s", "-A", "unix"], ["-s", "-A", "foo"],
    ["-s", "--inet6", "--udp"],
]

MASQUERADE = [
    ["-M"], ["-Mn"], ["-Mne"], ["-Me"], ["-Mee"], ["-Ma"], ["--masquerade"], ["--masq", "-e"],
]

HELP = [["-h"], ["--help"], ["-V"], ["--version"], ["-hV"], ["-Vh"], ["-?"], ["-th"], ["--he"],
        ["--vers"]]

# A small cross-section of every mode, for quick runs.
QUICK = [
    [], ["-a"], ["-tan"], ["-ta"], ["-taW"], ["-tanpeo"], ["-uano"], ["-Uan"], ["-wan"],
    ["-xap"], ["-Sa"], ["-A", "inet6", "-n"], ["-4l"], ["--numeric-hosts", "-ta"], ["-av"],
    ["-T"], ["-ri"], ["-r"], ["-rn"], ["-rne"], ["-rnee"], ["-reee"], ["-rCn"], ["-r6"],
    ["-rn6C"], ["-i"], ["-ia"], ["-iae"], ["-g"], ["-gn"], ["-s"], ["-st"], ["-s6"],
    ["-s", "-x"], ["-M"], ["-Mne"], ["-h"], ["-V"],
]

# What update_goldens.sh records for every checked-in fixture.
GOLDEN = [
    [], ["-a"], ["-an"], ["-l"], ["-ta"], ["-tan"], ["-taW"], ["-tanpeo"], ["-taeop"],
    ["-tlnp"], ["-uan"], ["-uwano"], ["-Uan"], ["-wa"], ["-xa"], ["-xap"], ["-xl"], ["-Sa"],
    ["-A", "inet6", "-n"], ["-4a"], ["-anv"], ["--numeric-hosts", "-ta"], ["-r"], ["-rn"],
    ["-rne"], ["-rnee"], ["-reee"], ["-rCn"], ["-rFC"], ["-r6"], ["-rn6"], ["-rn6C"], ["-i"],
    ["-ia"], ["-iae"], ["-g"], ["-gn"], ["-s"], ["-st"], ["-su"], ["-s6"], ["-s", "-x"],
    ["-M"], ["-Mne"], ["-h"], ["-V"], ["-T"], ["-ri"],
]

GRIDS = {
    "full": (SOCKETS + ADDRESS_FAMILIES + LONG_OPTIONS + BAD_OPTIONS + ROUTES + INTERFACES
             + GROUPS + STATISTICS + MASQUERADE + HELP),
    "quick": QUICK,
    "golden": GOLDEN,
    "sockets": SOCKETS + ADDRESS_FAMILIES + LONG_OPTIONS,
    "errors": BAD_OPTIONS + HELP,
    "routes": ROUTES,
    "interfaces": INTERFACES,
    "groups": GROUPS,
    "statistics": STATISTICS,
    "masquerade": MASQUERADE,
}

_CHAR_NAMES = {"=": "_eq_", ",": "_", "?": "qmark", "-": "_"}


def case_name(args):
    """A file- and GoogleTest-safe name: short clusters keep their letters ("-tanp" -> "tanp"),
    long options get "long_" ("--numeric-hosts" -> "long_numeric_hosts"), -A's value is kept
    as is, other operands get "arg_"; arguments are joined with "__". No arguments is "plain"."""
    parts = []
    takes_value = False
    for arg in args:
        if arg == "--":
            parts.append("dashdash")
            continue
        if takes_value:  # the value of -A
            prefix, body = "", arg
        elif arg.startswith("--"):
            prefix, body = "long_", arg[2:]
        elif arg.startswith("-"):
            prefix, body = "", arg[1:]
        else:
            prefix, body = "arg_", arg
        takes_value = not takes_value and arg.startswith("-") and not arg.startswith("--") \
            and arg.endswith("A")
        body = "".join(_CHAR_NAMES.get(c, c) for c in body)
        parts.append(prefix + re.sub(r"[^A-Za-z0-9_]", "_", body))
    return "__".join(parts) or "plain"


def needs_interfaces(args):
    """Whether netstat would go to interface mode (-i), which reads the kernel by ioctl and so
    needs the oracle's ORACLE_IFACES=1 namespace. Only an exact reading of getopt would be
    perfect; this is conservative (an error case that also says -i merely runs slower)."""
    for arg in args:
        if arg == "--":
            break
        if arg.startswith("--"):
            name = arg[2:].split("=")[0]
            if len(name) >= 2 and "interfaces".startswith(name):
                return True
        elif arg.startswith("-") and "i" in arg[1:].split("A")[0]:
            return True
    return False


def uses_programs(args):
    """Whether the case shows the PID/Program column (-p, --programs or a prefix of it)."""
    for arg in args:
        if arg == "--":
            break
        if arg.startswith("--"):
            name = arg[2:]
            if len(name) >= 3 and "programs".startswith(name):
                return True
        elif arg.startswith("-") and "p" in arg[1:].split("A")[0]:
            return True
    return False


def grid(name):
    """The grid's cases as (case name, args), in order; raises on duplicate names."""
    cases, seen = [], {}
    for args in GRIDS[name]:
        key = case_name(args)
        if key in seen:
            if seen[key] == args:
                continue
            raise ValueError("grid %s: %r and %r both map to %s" % (name, seen[key], args, key))
        seen[key] = args
        cases.append((key, list(args)))
    return cases


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--names":
        print("\n".join(GRIDS))
        return
    name = sys.argv[1] if len(sys.argv) > 1 else "full"
    if name not in GRIDS:
        sys.exit("option_grid: no grid %r (have: %s)" % (name, ", ".join(GRIDS)))
    for key, args in grid(name):
        print("\t".join([key, "1" if needs_interfaces(args) else "0"] + args))


if __name__ == "__main__":
    main()
