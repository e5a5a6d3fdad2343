"""The netsnap timeline byte layout (schema/FORMAT.md), written and read independently of netsnap.

Enough to take a clean timeline apart into records and to assemble new ones, valid or not:
CRC-32C, the file header, record headers and footers, index blocks, and zstd through the `zstd`
command-line tool.
"""

import struct
import subprocess
import tempfile

import capnp_words

FILE_MAGIC = b"\x89NSNAP\r\n"
FILE_HEADER_SIZE = 32
RECORD_MAGIC = b"NSRC"
FOOTER_MAGIC = b"NSND"
RECORD_HEADER_SIZE = 48
RECORD_FOOTER_SIZE = 16
KEYFRAME, DELTA, INDEX = 1, 2, 3
ZSTD_CAPNP = 1
INDEX_COLUMNS = 3  # version 3 index records, stored as is

INDEX_BLOCK_SIZE = (1, 1)  # IndexBlock: previousIndexOffset; entries
INDEX_ENTRY_SIZE = (5, 0)  # IndexEntry: frame, captureTimeNs, offset, kind (byte 24), baseFrame
_INDEX_ENTRY = struct.Struct("<QqQQQ")


def _crc_table():
    """The byte table of the reflected Castagnoli polynomial."""
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = 0x82F63B78 ^ (c >> 1) if c & 1 else c >> 1
        table.append(c)
    return table


_CRC_TABLE = _crc_table()


def crc32c(data):
    """CRC-32C (Castagnoli), initial value and final xor 0xFFFFFFFF."""
    crc = 0xFFFFFFFF
    table = _CRC_TABLE
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def file_header(version=1, created_ns=0, flags=0):
    """The 32-byte file header."""
    head = FILE_MAGIC + struct.pack("<IIqI", version, FILE_HEADER_SIZE, created_ns, flags)
    return head + struct.pack("<I", crc32c(head))


def record_header(kind, frame, time_ns, previous_index, payload, raw_length, codec=ZSTD_CAPNP,
                  payload_length=None, payload_crc=None):
    """A 48-byte record header for payload; payload_length/payload_crc override the true ones."""
    if payload_length is None:
        payload_length = len(payload)
    if payload_crc is None:
        payload_crc = crc32c(payload)
    head = RECORD_MAGIC + struct.pack("<BBHqqQIII", kind, codec, 0, frame, time_ns,
                                      previous_index, payload_length, raw_length, payload_crc)
    return head + struct.pack("<I", crc32c(head))


def record_footer(record_offset):
    """The 16-byte footer naming the record header at record_offset."""
    body = struct.pack("<Q", record_offset)
    return body + struct.pack("<I", crc32c(body)) + FOOTER_MAGIC


class Record:
    """One record of an existing file: where it is and what its header says."""

    def __init__(self, data, offset):
        (self.kind, self.codec, _, self.frame, self.time_ns, self.previous_index,
         self.payload_length, self.raw_length, self.payload_crc) = struct.unpack_from(
             "<BBHqqQIII", data, offset + 4)
        self.offset = offset
        self.payload_offset = offset + RECORD_HEADER_SIZE
        self.footer_offset = self.payload_offset + self.payload_length
        self.end = self.footer_offset + RECORD_FOOTER_SIZE
        self.payload = bytes(data[self.payload_offset:self.footer_offset])


def parse_records(data):
    """Every record of a clean timeline, in file order (no recovery: the file must be whole)."""
    if data[:8] != FILE_MAGIC:
        raise ValueError("not a netsnap timeline")
    records, at = [], FILE_HEADER_SIZE
    while at < len(data):
        if data[at:at + 4] != RECORD_MAGIC:
            raise ValueError("no record at byte %d" % at)
        record = Record(data, at)
        records.append(record)
        at = record.end
    return records


def verify_records(data):
    """Walks a timeline that should be whole; returns (records, what is wrong with it)."""
    if data[:8] != FILE_MAGIC or crc32c(data[:28]) != struct.unpack_from("<I", data, 28)[0]:
        return [], ["bad file header"]
    records, at = [], FILE_HEADER_SIZE
    while at < len(data):
        header = data[at:at + RECORD_HEADER_SIZE]
        if len(header) < RECORD_HEADER_SIZE or header[:4] != RECORD_MAGIC or \
                crc32c(header[:44]) != struct.unpack_from("<I", header, 44)[0]:
            return records, ["no whole record header at byte %d" % at]
        record = Record(data, at)
        if record.end > len(data) or data[record.footer_offset:record.end] != record_footer(at):
            return records, ["the record at byte %d has no footer naming it" % at]
        if crc32c(record.payload) != record.payload_crc:
            return records, ["the payload of the record at byte %d is damaged" % at]
        records.append(record)
        at = record.end
    return records, []


def zstd_compress(raw, level=3):
    """A zstd frame (content checksum on) holding raw, made by the zstd command-line tool."""
    with tempfile.TemporaryFile() as source:  # faster than a pipe for tens of megabytes
        source.write(raw)
        source.seek(0)
        return subprocess.run(["zstd", "-q", "-c", "-%d" % level, "--check"], stdin=source,
                              stdout=subprocess.PIPE, check=True).stdout


def zstd_decompress(payload):
    """What a zstd payload inflates to (for the clean frames this script starts from)."""
    return subprocess.run(["zstd", "-q", "-d", "-c"], input=payload, stdout=subprocess.PIPE,
                          check=True).stdout


def index_block(previous_index, entries):
    """A serialized IndexBlock; entries are (frame, time_ns, offset) keyframes."""
    message = capnp_words.Message()
    root = message.new_struct(*INDEX_BLOCK_SIZE)
    message.point_to_struct(0, root, *INDEX_BLOCK_SIZE)
    message.put_data(root, 0, "Q", previous_index)
    first = message.new_struct_list(root + INDEX_BLOCK_SIZE[0], len(entries), *INDEX_ENTRY_SIZE)
    packed = b"".join(_INDEX_ENTRY.pack(frame, time_ns, offset, 0, 0)  # kind 0: keyframe
                      for frame, time_ns, offset in entries)
    message.put_bytes(first, packed)
    return message.serialize()


def _varint(v):
    out = bytearray()
    while v >= 0x80:
        out.append(v & 0x7f | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def _zigzag(v):
    return (v << 1) ^ (v >> 63) if v < 0 else v << 1


def index_columns(entries, count=None, first=None, last=None):
    """A version-3 index payload: the summary, then three varints an entry and the kind bits;
    entries are (frame, time_ns, offset) keyframes, or (frame, time_ns, offset, True) deltas.
    count, first and last ((frame, time_ns, offset)) make the summary lie."""
    first = entries[0] if first is None else first
    last = entries[-1] if last is None else last
    count = len(entries) if count is None else count
    is_delta = [len(e) > 3 and e[3] for e in entries]
    flags = (1 if len(first) > 3 and first[3] else 0) | (2 if len(last) > 3 and last[3] else 0)
    out = bytearray(struct.pack("<IIQQQQq", count, flags, first[0], last[0], first[2], last[2],
                                first[1]))
    previous = first
    for frame, time_ns, offset, *_ in entries:
        out += _varint((frame - previous[0]) % (1 << 64))
        out += _varint((offset - previous[2]) % (1 << 64))
        out += _varint(_zigzag(time_ns - previous[1]) % (1 << 64))
        previous = (frame, time_ns, offset)
    kinds = bytearray((len(entries) + 7) // 8)
    for i, delta in enumerate(is_delta):
        if delta:
            kinds[i // 8] |= 1 << (i % 8)
    return bytes(out + kinds)


class TimelineWriter:
    """Assembles a timeline record by record, keeping offsets, the index chain and entries.

    The file is kept as chunks separated by holes (see skip), so that a record can claim a
    payload of gigabytes that takes no room in memory or on disk.
    """

    def __init__(self, version=1, created_ns=1_700_000_000_000_000_000):
        self.chunks = [(0, bytearray(file_header(version, created_ns)))]
        self.size = FILE_HEADER_SIZE
        self.last_index = 0
        self.pending = []  # (frame, time_ns, offset) written since the last index record

    def add_raw(self, data):
        """Appends bytes that need not be a record (garbage, a torn tail, a record by hand)."""
        self.chunks[-1][1].extend(data)
        self.size += len(data)

    def skip(self, length):
        """Leaves a hole of length zero bytes (a sparse file on disk)."""
        self.size += length
        self.chunks.append((self.size, bytearray()))

    def append_record(self, kind, frame, time_ns, payload, raw_length, hole=0, **header_overrides):
        """Appends one record (header, payload, footer); returns its offset.

        hole: zero bytes (a hole) before the payload, counted in the header's payload length.
        """
        offset = self.size
        if hole:
            header_overrides.setdefault("payload_length", hole + len(payload))
        self.add_raw(record_header(kind, frame, time_ns, self.last_index, payload, raw_length,
                                   **header_overrides))
        if hole:
            self.skip(hole)
        self.add_raw(payload)
        self.add_raw(record_footer(offset))
        return offset

    def add_keyframe(self, frame, time_ns, raw=None, payload=None, raw_length=None,
                     kind=KEYFRAME, **header_overrides):
        """Appends a frame holding the message raw, or a ready zstd payload and its raw length."""
        if payload is None:
            payload = zstd_compress(raw)
        if raw_length is None:
            raw_length = len(raw)
        offset = self.append_record(kind, frame, time_ns, payload, raw_length, **header_overrides)
        self.pending.append((frame, time_ns, offset))
        return offset

    def add_index(self, entries=None, columns=False, **summary):
        """Appends an index record listing entries (default: the frames since the last index):
        a Cap'n Proto IndexBlock, or with columns=True version-3 index columns (summary: what
        index_columns takes to make the summary lie)."""
        entries = self.pending if entries is None else entries
        first_frame = entries[0][0] if entries else 0
        last_time = entries[-1][1] if entries else 0
        if columns:
            raw = index_columns(entries, **summary)
            first_frame = summary.get("first", entries[0])[0]
            last_time = summary.get("last", entries[-1])[1]
            offset = self.append_record(INDEX, first_frame, last_time, raw, len(raw),
                                        codec=INDEX_COLUMNS)
        else:
            raw = index_block(self.last_index, entries)
            offset = self.append_record(INDEX, first_frame, last_time, zstd_compress(raw),
                                        len(raw))
        self.last_index = offset
        self.pending = []
        return offset

    def write(self, path):
        """Writes the timeline to path, holes as holes."""
        with open(path, "wb") as f:
            for offset, chunk in self.chunks:
                f.seek(offset)
                f.write(chunk)
            f.truncate(self.size)
