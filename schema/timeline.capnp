# netsnap timeline index records (see FORMAT.md for the byte layout around them).
#
# Evolution rule: as for snapshot.capnp, this schema only ever grows.

@0xa60754b1d838c21d;

using Cxx = import "/capnp/c++.capnp";
$Cxx.namespace("netsnap::schema");

enum FrameKind {
  keyframe @0;  # a whole frame: a Snapshot (version 1) or frame columns (version 2)
  delta @1;     # frame columns holding the changes against the frame numbered one less
}

# Where one frame is in the file.
struct IndexEntry {
  frame @0 :UInt64;          # frame number, from 0
  captureTimeNs @1 :Int64;   # the frame's Host.captureTimeNs
  offset @2 :UInt64;         # byte offset of the frame's record header
  kind @3 :FrameKind;
  baseFrame @4 :UInt64;      # unused (0): a delta applies to the frame numbered one less
}

# An index record lists the frames written since the previous index record.
struct IndexBlock {
  previousIndexOffset @0 :UInt64;  # offset of the previous index record; 0 for the first
  entries @1 :List(IndexEntry);
}
