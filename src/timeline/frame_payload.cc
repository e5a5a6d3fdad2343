// The prefix of a version-2 frame payload: varints, in this order: 0 for a keyframe or 1 + the
// base frame's number for a delta; the nine socket counts by kind; the thirteen TCP state slots;
// routes4, routes6, interfaces, warnings; the host name's length and bytes. The columns follow.
#include "columns.h"
#include "frame_codec.h"

namespace netsnap::timeline {

FrameStats frame_stats_of(const model::Snapshot& snapshot) {
  FrameStats s;
  s.sockets = model::count_sockets(snapshot);
  s.routes4 = static_cast<uint32_t>(snapshot.routes4.size());
  s.routes6 = static_cast<uint32_t>(snapshot.routes6.size());
  s.interfaces = static_cast<uint32_t>(snapshot.interfaces.size());
  s.warnings = static_cast<uint32_t>(snapshot.warnings.size());
  s.hostname = snapshot.host.hostname;
  return s;
}

std::string encode_frame_payload(const FrameStats& stats, const StoredFrame* base,
                                 const StoredFrame& frame, uint64_t base_frame, uint32_t version) {
  std::string out;
  put_varint(out, base ? base_frame + 1 : 0);
  for (uint32_t n : stats.sockets.by_kind) put_varint(out, n);
  for (uint32_t n : stats.sockets.by_tcp_state) put_varint(out, n);
  for (uint32_t n : {stats.routes4, stats.routes6, stats.interfaces, stats.warnings})
    put_varint(out, n);
  put_varint(out, stats.hostname.size());
  out += stats.hostname;
  out += encode_frame(base, frame, version);
  return out;
}

FramePayload split_frame_payload(std::string_view raw, const std::string& where) {
  auto fail = [&]() { throw TimelineError(where + ": the frame's prefix does not decode"); };
  auto count = [&]() -> uint32_t {
    uint64_t v = 0;
    if (!take_varint(raw, v) || v > UINT32_MAX) fail();
    return static_cast<uint32_t>(v);
  };
  FramePayload p;
  uint64_t base = 0;
  if (!take_varint(raw, base)) fail();
  if (base != 0) p.base_frame = base - 1;
  for (uint32_t& n : p.stats.sockets.by_kind) p.stats.sockets.total += n = count();
  for (uint32_t& n : p.stats.sockets.by_tcp_state) n = count();
  for (uint32_t* n : {&p.stats.routes4, &p.stats.routes6, &p.stats.interfaces, &p.stats.warnings})
    *n = count();
  uint32_t length = count();
  if (length > raw.size()) fail();
  p.stats.hostname = raw.substr(0, length);
  p.columns = raw.substr(length);
  return p;
}

}  // namespace netsnap::timeline
