"""A Cap'n Proto message laid out word by word, for messages `capnp encode` cannot write.

Text goes through `capnp encode`; this builder is for what text cannot say: many pointers to one
object (aliasing), lists of zero-sized structs claiming millions of elements, and very long lists
that the text parser would take minutes over. Single segment, no packing, as netsnap writes them.

Layouts (data words, pointer count, field slots) come from the compiled schemas; see
STRUCT_SIZES in make_hostile_timelines.py, checked against `capnp decode` when the cases are made.
"""

import struct

# List element sizes of a list pointer (capnp/layout.h, ElementSize).
BYTE = 2
INLINE_COMPOSITE = 7


class Message:
    """One segment of 64-bit words; objects are appended and pointed at by word index."""

    def __init__(self):
        self.words = bytearray(8)  # word 0: the root pointer

    def allocate(self, word_count):
        """Appends word_count zero words and returns the index of the first."""
        at = len(self.words) // 8
        self.words += bytes(8 * word_count)
        return at

    def put_word(self, at, value):
        """Writes a raw 64-bit word at word index at."""
        struct.pack_into("<Q", self.words, 8 * at, value & 0xFFFFFFFFFFFFFFFF)

    def put_data(self, struct_at, byte_offset, fmt, value):
        """Writes a data field (struct.pack format fmt) at byte_offset of a struct's data."""
        struct.pack_into("<" + fmt, self.words, 8 * struct_at + byte_offset, value)

    def put_bytes(self, at, data):
        """Copies data into the message from word index at on (already allocated words)."""
        self.words[8 * at:8 * at + len(data)] = data

    def _offset_bits(self, pointer_at, target_at):
        """The 30-bit signed word offset from the end of a pointer to its target, in place."""
        return ((target_at - pointer_at - 1) & 0x3FFFFFFF) << 2

    def point_to_struct(self, pointer_at, target_at, data_words, pointer_count):
        """Makes the pointer at word pointer_at a struct pointer to target_at."""
        self.put_word(pointer_at, self._offset_bits(pointer_at, target_at) |
                      data_words << 32 | pointer_count << 48)

    def point_to_list(self, pointer_at, target_at, element_size, count):
        """Makes pointer_at a list pointer (count: elements, or words if composite)."""
        self.put_word(pointer_at, self._offset_bits(pointer_at, target_at) | 1 |
                      element_size << 32 | count << 35)

    def new_struct(self, data_words, pointer_count):
        """Allocates a zeroed struct and returns its first word."""
        return self.allocate(data_words + pointer_count)

    def new_struct_list(self, pointer_at, count, data_words, pointer_count, claimed=None):
        """Allocates a composite list of count structs and points pointer_at at it.

        claimed, when given, is the element count written in the tag word instead of count (a list
        of zero-sized structs can claim any number of elements without occupying any words).
        Returns the first word of element 0.
        """
        element_words = data_words + pointer_count
        tag = self.allocate(1 + count * element_words)
        elements = claimed if claimed is not None else count
        self.put_word(tag, elements << 2 | data_words << 32 | pointer_count << 48)
        self.point_to_list(pointer_at, tag, INLINE_COMPOSITE, count * element_words)
        return tag + 1

    def new_bytes(self, pointer_at, payload, text=False):
        """Allocates a byte list (Data, or Text with its NUL) and points pointer_at at it.

        Returns the first word of the bytes, so that more pointers can be aimed at the same ones.
        """
        if text:
            payload += b"\0"
        at = self.allocate((len(payload) + 7) // 8)
        self.put_bytes(at, payload)
        self.point_to_list(pointer_at, at, BYTE, len(payload))
        return at

    def alias_bytes(self, pointer_at, target_at, length):
        """Points pointer_at at length bytes already in the message (see new_bytes)."""
        self.point_to_list(pointer_at, target_at, BYTE, length)

    def serialize(self):
        """The message as written to a stream: segment table, then the segment."""
        return struct.pack("<II", 0, len(self.words) // 8) + bytes(self.words)
