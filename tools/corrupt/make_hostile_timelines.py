#!/usr/bin/env python3
"""Builds a folder of hostile netsnap timelines, and cases.json saying what each must give.

    tools/corrupt/make_hostile_timelines.py OUT_DIR --netsnap BINARY [--tag TAG] [--case NAME...]

It records clean timelines of fixtures/minimal and fixtures/production-001 with BINARY, then takes
them apart (tools/corrupt/timeline_bytes.py) and writes OUT_DIR/NAME.nsnap for every case: lengths
that ask for gigabytes, a zstd bomb, Cap'n Proto messages that alias one big text thousands of
times or claim millions of list elements, garbage before a frame, hostile index records, a sparse
file, records duplicated, deleted or shifted in the middle of a timeline, cuts, bit flips, a newer
format version, extreme frame times, and names made of terminal escapes and `../` paths (issue 9).
Nothing is checked in: the files (about 110 MB, most of it two 50 MB cases, and two sparse files of
2 GiB apparent size) are made at test time by tests/corrupt/run_corrupt_suite.py.

OUT_DIR/cases.json lists, per case: `name`, `file`, `about`, and what the reading commands owe it:
  timeline    true: `ls` and `record --append` succeed; false: every command refuses the file
  last_frame  true: commands that read the last frame (dump, show, diff, materialize) succeed;
              false: they fail
  all_frames  true: commands that read every frame (export, summary) succeed; false: they fail
              (null anywhere: either outcome, within the bounds every case has)
  intact      [frame, captureTimeNs] of every whole frame, which must stay listed and readable,
              also after `record --append` on a copy
  either      commands exempt from the rules above
  message     a regex that the error of every failing command must match
  forbidden   regexes that no output may match
  extra       further commands ({F} is the file) with "succeed", "fail" or "either"
  escape_paths  absolute paths that `materialize` must not create
TAG (default: random) makes those paths unique to one run.
"""

import argparse
import functools
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, HERE)
import capnp_words  # noqa: E402
import timeline_bytes as tb  # noqa: E402

SNAPSHOT_SCHEMA = os.path.join(REPO, "schema", "snapshot.capnp")
F = "{F}"  # stands for the case's file in extra commands
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
MIB = 1 << 20

# (data words, pointer count) of the structs the builder lays out by hand, and the slots used;
# from the compiled schema (capnp compile -o- | capnp decode ... CodeGeneratorRequest), checked
# by check_layouts() on every run.
SNAPSHOT = (1, 20)
SNAPSHOT_HOST, SNAPSHOT_INET, SNAPSHOT_UNIX, SNAPSHOT_PROCESSES = 0, 2, 5, 6
HOST = (6, 5)  # captureTimeNs: data bytes 0..7; hostname: pointer 0
PROCESS = (1, 3)  # pid: data bytes 0..3; comm: pointer 0; cmdline: pointer 1
UNIX_SOCKET = (5, 1)  # type: data bytes 20..23; inode: bytes 32..39; path: pointer 0

ESC_TITLE = "\\x1b]0;pwned\\x07"  # OSC: sets the terminal's title (capnp text escapes)
ESC_CLEAR = "\\x1b[2J"  # CSI: clears the screen
C1_CSI = "\\xc2\\x9b2J"  # U+009B, the 8-bit CSI, as UTF-8: clears the screen on some terminals


class Base:
    """A clean timeline recorded by netsnap (base_dir/ROOT-COUNT.nsnap), taken apart. Every frame
    is a keyframe, so that each record stands alone (delta chains: timeline_delta_test.cc)."""

    def __init__(self, netsnap, base_dir, root, count):
        path = os.path.join(base_dir, "%s-%d.nsnap" % (root, count))
        subprocess.run([netsnap, "record", "--root", os.path.join(REPO, "fixtures", root),
                        "--count", str(count), "--interval", "0.02", "--keyframe-interval", "0",
                        "-q", "-o", path],
                       check=True, stdin=subprocess.DEVNULL)
        self.netsnap, self.path = netsnap, path
        with open(path, "rb") as f:
            recorded = tb.parse_records(f.read())
        # A closing index record, as writers put one every 256 frames: the cases damage it too.
        w = tb.TimelineWriter(version=2)
        copy_frames(w, [r for r in recorded if r.kind == tb.KEYFRAME])
        w.add_index()
        w.write(path)
        with open(path, "rb") as f:
            self.data = f.read()
        self.records = tb.parse_records(self.data)
        self.frames = [r for r in self.records if r.kind == tb.KEYFRAME]

    def intact(self, lost=()):
        """[frame, time] of every frame but the lost ones."""
        return [[r.frame, r.time_ns] for r in self.frames if r.frame not in lost]

    def dump_text(self, frame):
        """Frame number frame as Cap'n Proto text (netsnap dump), to edit and encode again."""
        return subprocess.run([self.netsnap, "dump", self.path, "--frame", str(frame)],
                              check=True, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,
                              text=True).stdout


class Cases:
    """The output folder and the manifest being written."""

    def __init__(self, out_dir, netsnap, tag, only):
        self.out_dir, self.tag, self.only = out_dir, tag, set(only or ())
        base_dir = os.path.join(out_dir, "base")
        os.makedirs(base_dir, exist_ok=True)
        self.minimal = Base(netsnap, base_dir, "minimal", 1)
        self.small = Base(netsnap, base_dir, "production-001", 3)
        self.long = Base(netsnap, base_dir, "production-001", 11)
        self.manifest = []

    def wanted(self, name):
        """Whether --case selected this case (all are, without --case)."""
        return not self.only or name in self.only

    def add(self, name, about, data, intact=(), timeline=True, last_frame=True, all_frames=True,
            **more):
        """Writes OUT_DIR/NAME.nsnap (data: bytes or a TimelineWriter) and lists it."""
        if not self.wanted(name):
            return
        path = os.path.join(self.out_dir, name + ".nsnap")
        if isinstance(data, tb.TimelineWriter):
            data.write(path)
        else:
            with open(path, "wb") as f:
                f.write(data)
        entry = {"name": name, "file": os.path.basename(path), "about": about,
                 "timeline": timeline, "last_frame": last_frame, "all_frames": all_frames,
                 "intact": [list(x) for x in intact]}
        entry.update(more)
        self.manifest.append(entry)

    def reject(self, name, about, data, **more):
        """A file every command must refuse."""
        self.add(name, about, data, timeline=False, last_frame=False, all_frames=False, **more)

    def write_manifest(self):
        """OUT_DIR/cases.json."""
        with open(os.path.join(self.out_dir, "cases.json"), "w") as f:
            json.dump({"tag": self.tag, "cases": self.manifest}, f, indent=1)


# ---- helpers shared by the cases ----

def encode_snapshot(text):
    """Cap'n Proto text of a Snapshot, encoded by the stock capnp tool."""
    return subprocess.run(["capnp", "encode", SNAPSHOT_SCHEMA, "Snapshot"], input=text.encode(),
                          stdout=subprocess.PIPE, check=True).stdout


def decode_snapshot(raw):
    """A binary Snapshot as text, decoded by the stock capnp tool."""
    return subprocess.run(["capnp", "decode", SNAPSHOT_SCHEMA, "Snapshot"], input=raw,
                          stdout=subprocess.PIPE, check=True).stdout.decode("latin-1")


def copy_frames(writer, frames):
    """Appends the given records' keyframes to writer unchanged (payloads as recorded)."""
    for r in frames:
        writer.add_keyframe(r.frame, r.time_ns, payload=r.payload, raw_length=r.raw_length,
                            codec=r.codec)


def hostile_first(cases, name, about, frame0, reading_frame0="either"):
    """Frame 0 hostile, then the clean frames 1 and 2 and a whole index.

    frame0() gives add_keyframe's arguments for frame 0 (raw or payload, raw_length, header
    fields); it is called only when the case is wanted. Every command that reads all frames meets
    frame 0 (ls decodes each frame for its counts); frames 1 and 2 must survive it, so the last
    frame stays readable. reading_frame0: what `dump`/`show --frame 0` owe.
    """
    if not cases.wanted(name):
        return
    base = cases.small
    w = tb.TimelineWriter()
    w.add_keyframe(0, base.frames[0].time_ns, **frame0())
    copy_frames(w, base.frames[1:])
    w.add_index()
    extra = [[["dump", F, "--frame", "0"], reading_frame0],
             [["show", F, "--frame", "0", "-xa"], reading_frame0]]
    cases.add(name, about, w, intact=base.intact(lost={0}), all_frames=None, extra=extra)


def snapshot_message(time_ns, hostname):
    """A Message with a root Snapshot and its Host; returns (message, snapshot word)."""
    m = capnp_words.Message()
    snapshot = m.new_struct(*SNAPSHOT)
    m.point_to_struct(0, snapshot, *SNAPSHOT)
    pointers = snapshot + SNAPSHOT[0]
    host = m.new_struct(*HOST)
    m.point_to_struct(pointers + SNAPSHOT_HOST, host, *HOST)
    m.put_data(host, 0, "q", time_ns)
    m.new_bytes(host + HOST[0], hostname.encode(), text=True)
    return m, pointers


def aliased_processes(time_ns, count, blob):
    """count processes whose cmdline (Data) all point at one blob, and whose comm is one text."""
    m, pointers = snapshot_message(time_ns, "alias")
    first = m.new_struct_list(pointers + SNAPSHOT_PROCESSES, count, *PROCESS)
    size = sum(PROCESS)
    comm = m.new_bytes(first + PROCESS[0], b"alias", text=True)
    shared = m.new_bytes(first + PROCESS[0] + 1, blob)
    for i in range(count):
        at = first + i * size
        m.put_data(at, 0, "I", i + 1)
        m.alias_bytes(at + PROCESS[0], comm, len(b"alias\0"))
        m.alias_bytes(at + PROCESS[0] + 1, shared, len(blob))
    return m.serialize()


def aliased_unix_paths(time_ns, count, blob):
    """count unix sockets whose path (Text) all point at one blob."""
    m, pointers = snapshot_message(time_ns, "alias")
    first = m.new_struct_list(pointers + SNAPSHOT_UNIX, count, *UNIX_SOCKET)
    size = sum(UNIX_SOCKET)
    shared = m.new_bytes(first + UNIX_SOCKET[0], blob, text=True)
    for i in range(count):
        at = first + i * size
        m.put_data(at, 20, "I", 1)  # SOCK_STREAM
        m.put_data(at, 32, "Q", 1000 + i)
        m.alias_bytes(at + UNIX_SOCKET[0], shared, len(blob) + 1)
    return m.serialize()


def empty_inet_sockets(time_ns, claimed):
    """A list of inet sockets claiming `claimed` zero-sized elements, in a few words."""
    m, pointers = snapshot_message(time_ns, "amplified")
    m.new_struct_list(pointers + SNAPSHOT_INET, 0, 0, 0, claimed=claimed)
    return m.serialize()


def check_layouts():
    """Decodes small builder messages with the stock capnp tool: the hand layouts are right."""
    want = {
        "processes": (aliased_processes(5, 2, b"cmd\0line"), ["pid = 2", 'comm = "alias"',
                                                              'cmdline = "cmd\\000line"']),
        "unix": (aliased_unix_paths(5, 2, b"/run/x"), ["inode = 1001", 'path = "/run/x"',
                                                       "type = 1"]),
        "inet": (empty_inet_sockets(5, 3), ["inetSockets = [", "drops = 0 ) ]"]),
    }
    for what, (raw, needles) in want.items():
        text = decode_snapshot(raw)
        missing = [n for n in needles if n not in text] + (
            [] if "captureTimeNs = 5" in text else ["captureTimeNs = 5"])
        if missing:
            raise SystemExit("make_hostile_timelines: %s layout is wrong, no %s in:\n%s"
                             % (what, missing, text[:2000]))


def edited_frame(cases, edits):
    """The first clean production frame with regex edits applied to its text, as one frame."""
    text = cases.small.dump_text(0)
    for pattern, replacement in edits:
        text, n = re.subn(pattern, lambda _m, r=replacement: r, text)
        if not n:
            raise SystemExit("make_hostile_timelines: %r matches nothing in the frame" % pattern)
    return encode_snapshot(text)


@functools.lru_cache(maxsize=None)
def zstd_bomb():
    """63 zstd frames of 64 MiB of zeros each (~4 GB), concatenated: a valid zstd payload."""
    frame = tb.zstd_compress(bytes(64 * MIB), level=1)
    return frame * 63, 63 * 64 * MIB


def flipped(data, at, bit=0x10):
    """data with one bit flipped at byte at."""
    out = bytearray(data)
    out[at] ^= bit
    return bytes(out)


# ---- the cases ----

def clean_controls(cases):
    """The clean recordings themselves: every command must read them (proves the driver right)."""
    for name, base in (("clean-minimal-1", cases.minimal), ("clean-production-11", cases.long)):
        cases.add(name, "clean recording, control", base.data, intact=base.intact())


def length_fields(cases):
    """Lengths in the record header that ask for memory the file does not hold."""
    first = cases.small.frames[0]
    hostile_first(cases, "raw-length-4gib", "frame 0's raw-length field says 4 GiB - 1",
                  lambda: dict(payload=first.payload, raw_length=0xFFFFFFFF))
    hostile_first(cases, "zstd-bomb", "frame 0: 141 KB of zstd inflating to 3.9 GB (raw length "
                  "says so)", lambda: dict(zip(("payload", "raw_length"), zstd_bomb())))
    hostile_first(cases, "zstd-bomb-short-raw-length", "frame 0: the zstd bomb, raw length "
                  "says %d bytes" % first.raw_length,
                  lambda: dict(payload=zstd_bomb()[0], raw_length=first.raw_length))


def amplified_messages(cases):
    """Cap'n Proto messages whose traversal is far larger than their bytes."""
    t = cases.small.frames[0].time_ns
    blob = b"A" * MIB
    hostile_first(cases, "alias-cmdline-4000x1mib", "frame 0: 4,000 process cmdlines point at "
                  "one 1 MiB blob", lambda: dict(raw=aliased_processes(t, 4000, blob)))
    hostile_first(cases, "alias-unix-path-4000x1mib", "frame 0: 4,000 unix socket paths point "
                  "at one 1 MiB text", lambda: dict(raw=aliased_unix_paths(t, 4000, blob)))
    hostile_first(cases, "struct-list-5m", "frame 0: a list of 5,000,000 zero-sized inet "
                  "sockets in a tiny message", lambda: dict(raw=empty_inet_sockets(t, 5_000_000)))


def unknown_records(cases):
    """Record kinds no writer makes: a delta with a Cap'n Proto payload, an unknown codec."""
    first = cases.small.frames[0]
    as_recorded = dict(payload=first.payload, raw_length=first.raw_length, codec=first.codec)
    hostile_first(cases, "record-type-delta", "frame 0 is a delta record of codec 1",
                  lambda: dict(as_recorded, kind=tb.DELTA, codec=tb.ZSTD_CAPNP), "fail")
    hostile_first(cases, "record-codec-unknown", "frame 0 has payload codec 9",
                  lambda: dict(as_recorded, codec=9), "fail")
    hostile_first(cases, "record-type-delta-first", "frame 0's header says delta (codec 2), "
                  "its payload keyframe", lambda: dict(as_recorded, kind=tb.DELTA), "fail")


def garbage_before_frames(cases):
    """50 MB that is no record between the file header and the frames, and no index."""
    fillers = {
        "garbage-50mb-before-frames": os.urandom(50 * MIB),
        "magic-storm-50mb-before-frames": tb.RECORD_MAGIC * (50 * MIB // 4),
    }
    for name, filler in fillers.items():
        if not cases.wanted(name):
            continue
        w = tb.TimelineWriter()
        w.add_raw(filler)
        copy_frames(w, cases.small.frames)  # footers name their true offsets; no index record
        cases.add(name, "50 MB of %s before 3 whole frames" %
                  ("random bytes" if "garbage" in name else "record magics"), w,
                  intact=cases.small.intact())


def hostile_indexes(cases):
    """Index records that lie; the frames they should list are all whole."""
    base = cases.small
    good = [(r.frame, r.time_ns, r.offset) for r in base.frames]
    lies = {
        "index-one-frame-million-times": ("the index lists frame 0 a million times",
                                          [good[0]] * 1_000_000),
        "index-offsets-outside-file": ("the index puts every frame at byte 2^62",
                                       [(f, t, 1 << 62) for f, t, _ in good]),
        "index-frames-reversed": ("the index lists frames 2, 1, 0 at the offsets of 0, 1, 2",
                                  [(f, t, o) for (f, t, _), (_, _, o) in zip(good[::-1], good)]),
        "index-offsets-swapped": ("the index puts frame 0 where frame 1 is and 1 where 0 is",
                                  [good[0][:2] + good[1][2:], good[1][:2] + good[0][2:], good[2]]),
    }
    for name, (about, entries) in lies.items():
        # The same lies in a version-3 index record: its summary believed, its entries not.
        for version, columns in ((2, False), (3, True)):
            case = name if version == 2 else name.replace("index-", "index3-")
            if not cases.wanted(case):
                continue
            w = tb.TimelineWriter(version=version)
            copy_frames(w, base.frames)
            w.add_index(entries, columns=columns)
            cases.add(case, about + (" (version 3)" if columns else ""), w, intact=base.intact())
    # A true summary over lying entries: the frames are found where the summary says they are.
    if cases.wanted("index3-entries-disagree"):
        w = tb.TimelineWriter(version=3)
        copy_frames(w, base.frames)
        w.add_index(lies["index-offsets-swapped"][1], columns=True, first=good[0], last=good[-1])
        cases.add("index3-entries-disagree",
                  "a version-3 index whose summary is true and whose entries swap two offsets", w,
                  intact=base.intact())


def sparse_payload(cases):
    """A frame claiming a 2 GiB payload of holes (12 KB on disk), then two whole frames."""
    base = cases.small
    first = base.frames[0]
    for suffix, with_index in (("", True), ("-no-index", False)):
        w = tb.TimelineWriter()
        w.add_keyframe(0, first.time_ns, payload=b"", raw_length=first.raw_length, hole=1 << 31,
                       payload_crc=0)
        copy_frames(w, base.frames[1:])
        if with_index:
            w.add_index()
        cases.add("sparse-2gib-payload" + suffix, "frame 0 claims a 2 GiB payload of holes%s" %
                  ("" if with_index else "; no index record"), w, intact=base.intact(lost={0}),
                  all_frames=None)


def damaged_middle(cases):
    """One record of an 11-frame timeline duplicated, deleted or shifted (issue 9, item 3)."""
    base = cases.long
    data = base.data
    five, four = base.frames[5], base.frames[4]
    middle = five.payload_offset + five.payload_length // 2
    # name: (what, the damaged file, frames lost, whether every listed frame is whole)
    edits = {
        "middle-record-duplicated": ("frame 5's record written twice",
                                     data[:five.end] + data[five.offset:], (), True),
        "middle-record-deleted": ("frame 5's record cut out",
                                  data[:five.offset] + data[five.end:], {5}, True),
        "middle-byte-inserted-before-record": ("one byte inserted before frame 5's record",
                                               data[:five.offset] + b"\0" + data[five.offset:],
                                               (), True),
        "middle-byte-inserted-in-payload": ("one byte inserted in frame 5's payload",
                                            data[:middle] + b"\0" + data[middle:], {5}, None),
        "middle-byte-deleted-in-payload": ("one byte of frame 5's payload deleted",
                                           data[:middle] + data[middle + 1:], {5}, None),
        "middle-byte-deleted-in-footer": ("the last byte of frame 4's footer deleted",
                                          data[:four.end - 1] + data[four.end:], {4}, None),
    }
    for name, (about, damaged, lost, all_whole) in edits.items():
        cases.add(name, about, damaged, intact=base.intact(lost), all_frames=all_whole)


def cuts(cases):
    """The 11-frame timeline cut off at several points, as by a crash or a partial copy."""
    base = cases.long
    five, last = base.frames[5], base.frames[-1]
    index = base.records[-1]
    empty = dict(last_frame=False, all_frames=None, either=["ls"])  # ls: "no frames" or nothing
    points = {
        "cut-in-first-record-header": (tb.FILE_HEADER_SIZE + 20, range(11), empty),
        "cut-after-file-header": (tb.FILE_HEADER_SIZE, range(11), empty),
        "cut-in-payload-of-frame-5": (five.payload_offset + 100, range(5, 11), {}),
        "cut-in-footer-of-frame-5": (five.footer_offset + 6, range(5, 11), {}),
        "cut-before-index": (last.end, (), {}),
        "cut-in-index": (index.payload_offset + 3, (), {}),
        "cut-last-byte": (len(base.data) - 1, (), {}),
    }
    cases.reject("cut-in-file-header", "the file cut at byte 20, inside the file header",
                 base.data[:20])
    for name, (at, lost, flags) in points.items():
        cases.add(name, "cut at byte %d" % at, base.data[:at], intact=base.intact(set(lost)),
                  **flags)


def bit_flips(cases):
    """One bit flipped in each part of a 3-frame timeline."""
    base = cases.small
    one = base.frames[1]
    index = base.records[-1]
    cases.reject("flip-file-signature", "a bit flipped in the file signature",
                 flipped(base.data, 1))
    cases.reject("flip-file-header", "a bit flipped in the creation time (header CRC fails)",
                 flipped(base.data, 20))
    damaged = {
        "flip-record-header": ("a bit flipped in frame 1's frame number", one.offset + 9),
        "flip-payload": ("a bit flipped in frame 1's payload", one.payload_offset + 40),
        "flip-footer": ("a bit flipped in frame 1's footer CRC", one.footer_offset + 9),
    }
    for name, (about, at) in damaged.items():
        cases.add(name, about, flipped(base.data, at), intact=base.intact({1}), all_frames=None)
    cases.add("flip-index-payload", "a bit flipped in the index record's payload",
              flipped(base.data, index.payload_offset + 20), intact=base.intact())


def newer_version(cases):
    """A file from a future netsnap: refused with a message naming both versions."""
    data = tb.file_header(version=4) + cases.small.data[tb.FILE_HEADER_SIZE:]
    cases.reject("format-version-4", "format version 4 (header CRC valid)", data,
                 message="version")


def extreme_times(cases):
    """Frame times at the ends of int64 (issue 9, item 7)."""
    pattern = r"captureTimeNs = -?\d+"
    negative_fraction = r"\.-\d"  # 1677-09-21T00:12:44.-854Z
    for name, times in (("frame-time-int64-min", [INT64_MIN]),
                        ("frame-times-int64-extremes", [INT64_MIN, INT64_MAX])):
        if not cases.wanted(name):
            continue
        w = tb.TimelineWriter()
        for frame, t in enumerate(times):
            w.add_keyframe(frame, t, edited_frame(cases, [(pattern, "captureTimeNs = %d" % t)]))
        w.add_index()
        at_before_first = "fail" if len(times) == 1 else "succeed"
        extra = [[["show", F, "--at", "-1h", "-tanp"], at_before_first],
                 [["show", F, "--at", "03:00", "-tanp"], "either"],
                 [["diff", F, "--from", "0", "--to", "-1"], "either"]]
        cases.add(name, "frame times %s" % ", ".join(map(str, times)), w,
                  intact=[[i, t] for i, t in enumerate(times)], forbidden=[negative_fraction],
                  extra=extra)


def hostile_name_edits(tag):
    """name: (what, edits of a frame's text, escape paths) for the hostile-name cases."""
    deep = "../" * 40 + "tmp/netsnap-corrupt-%s" % tag
    return {
        "names-terminal-escapes": (
            "host, interface, process, unix path, user, service, host-table names with ESC",
            [(r'"syt-production-001"', '"%ssyt"' % ESC_TITLE),
             (r'"eth0"', '"%seth0"' % ESC_CLEAR),
             (r'comm = "', 'comm = "' + ESC_TITLE),
             (r'cmdline = "', 'cmdline = "' + ESC_CLEAR),
             (r'path = "/', 'path = "/' + ESC_TITLE),
             (r'name = "root"', 'name = "%sroot"' % ESC_CLEAR),
             (r'name = "ssh"', 'name = "%sssh"' % ESC_CLEAR),
             (r'name = "VM_0_7_centos"', 'name = "%svm"' % ESC_TITLE),
             (r"warnings = \[\]", 'warnings = [(kind = other, path = "proc/net/%sx", line = 1,'
                                  ' message = "%s")]' % (ESC_CLEAR, ESC_TITLE))], []),
        "names-c1-controls": (
            "the same names with U+009B (8-bit CSI) and a bare CR",
            [(r'"syt-production-001"', '"syt\\r%s"' % C1_CSI),
             (r'"eth0"', '"eth0%s"' % C1_CSI),
             (r'comm = "', 'comm = "%s' % C1_CSI),
             (r'path = "/', 'path = "/%s' % C1_CSI),
             (r'name = "root"', 'name = "root%s"' % C1_CSI)], []),
        "names-path-traversal": (
            "interface, process, unix path and host names that climb out with ../",
            [(r'"eth0"', '"../../../../tmp/x"'),
             (r'"lo"', '"%s-lo"' % deep),
             (r'"syt-production-001"', '"%s-host"' % deep),
             (r'comm = "', 'comm = "../../../../tmp/x-comm'),
             (r'path = "/', 'path = "%s-unix/' % deep)],
            ["/tmp/netsnap-corrupt-%s*" % tag]),
    }


def hostile_names(cases):
    """Names made of terminal escapes, or of paths leading out of a directory, in frame 1.

    Frame 0 is clean, so that `diff --from 0 --to -1` prints the names as changes.
    """
    base = cases.small
    clean, hostile = base.frames[0], base.frames[1]
    retime = (r"captureTimeNs = -?\d+", "captureTimeNs = %d" % hostile.time_ns)
    for name, (about, edits, escape_paths) in hostile_name_edits(cases.tag).items():
        if not cases.wanted(name):
            continue
        w = tb.TimelineWriter()
        copy_frames(w, [clean])
        w.add_keyframe(1, hostile.time_ns, edited_frame(cases, edits + [retime]))
        w.add_index()
        more = {"either": ["materialize"], "escape_paths": escape_paths} if escape_paths else {}
        cases.add(name, about + " (frame 1; frame 0 clean)", w, intact=base.intact(lost={2}),
                  extra=[[["diff", F, "--from", "0", "--to", "-1"], "succeed"]], **more)


CASE_GROUPS = [clean_controls, length_fields, amplified_messages, unknown_records,
               garbage_before_frames, hostile_indexes, sparse_payload, damaged_middle, cuts,
               bit_flips, newer_version, extreme_times, hostile_names]


def generate(out_dir, netsnap, tag=None, only=None):
    """Writes every case (or those named in only) and cases.json; returns the manifest path."""
    os.makedirs(out_dir, exist_ok=True)
    check_layouts()
    cases = Cases(out_dir, os.path.abspath(netsnap), tag or os.urandom(6).hex(), only)
    for group in CASE_GROUPS:
        group(cases)
    cases.write_manifest()
    return os.path.join(out_dir, "cases.json")


def main():
    """The command line: OUT_DIR --netsnap BINARY [--tag TAG] [--case NAME...]."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir")
    parser.add_argument("--netsnap", required=True, help="the netsnap binary recording the bases")
    parser.add_argument("--tag", help="suffix making escape paths unique (default: random)")
    parser.add_argument("--case", action="append", help="make only this case (repeatable)")
    args = parser.parse_args()
    manifest = generate(args.out_dir, args.netsnap, args.tag, args.case)
    with open(manifest) as f:
        count = len(json.load(f)["cases"])
    print("make_hostile_timelines: %d cases in %s" % (count, args.out_dir))


if __name__ == "__main__":
    main()
