#include "netsnap/timeline/index_block.h"

#include <capnp/message.h>
#include <capnp/serialize.h>

#include <cstring>

#include "columns.h"
#include "netsnap/model/flat_message.h"
#include "schema/timeline.capnp.h"

namespace netsnap::timeline {

std::string encode_index_block(const IndexBlock& block) {
  capnp::MallocMessageBuilder message;
  auto root = message.initRoot<schema::IndexBlock>();
  root.setPreviousIndexOffset(block.previous_index);
  auto list = root.initEntries(static_cast<unsigned>(block.entries.size()));
  for (unsigned i = 0; i < block.entries.size(); ++i) {
    const auto& e = block.entries[i];
    list[i].setFrame(e.frame);
    list[i].setCaptureTimeNs(e.capture_time_ns);
    list[i].setOffset(e.offset);
    list[i].setKind(e.type == RecordType::kDelta ? schema::FrameKind::DELTA
                                                 : schema::FrameKind::KEYFRAME);
  }
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

IndexBlock decode_index_block(std::string_view bytes) {
  IndexBlock block;
  try {
    model::FlatMessage message(bytes);
    auto root = message.root<schema::IndexBlock>();
    block.previous_index = root.getPreviousIndexOffset();
    for (auto e : root.getEntries()) {
      block.entries.push_back(
          {e.getFrame(), e.getCaptureTimeNs(), e.getOffset(),
           e.getKind() == schema::FrameKind::DELTA ? RecordType::kDelta : RecordType::kKeyframe});
    }
  } catch (const kj::Exception& e) {
    throw TimelineError(std::string("index record is malformed: ") + e.getDescription().cStr());
  } catch (const std::runtime_error& e) {
    throw TimelineError(std::string("index record is malformed: ") + e.what());
  }
  return block;
}

}  // namespace netsnap::timeline

namespace netsnap::timeline {
namespace {

template <class T>
void put_le(std::string& out, T v) {
  for (size_t i = 0; i < sizeof(T); ++i) out.push_back(static_cast<char>(uint64_t(v) >> (8 * i)));
}

template <class T>
T get_le(std::string_view in, size_t at) {
  uint64_t v = 0;
  for (size_t i = 0; i < sizeof(T); ++i) v |= uint64_t(uint8_t(in[at + i])) << (8 * i);
  return static_cast<T>(v);
}

constexpr uint32_t kFirstIsDelta = 1, kLastIsDelta = 2;

RecordType type_of(uint32_t flags, uint32_t bit) {
  return flags & bit ? RecordType::kDelta : RecordType::kKeyframe;
}

[[noreturn]] void malformed(const std::string& what) {
  throw TimelineError("index record is malformed: " + what);
}

}  // namespace

// Summary (little-endian): u32 count, u32 flags (1: the first frame is a delta, 2: the last is),
// u64 first frame, u64 last frame, u64 first offset, u64 last offset, i64 first capture time.
// Then for each entry three varints: frame - previous frame, offset - previous offset, and the
// zigzagged capture time - previous capture time (for the first entry, against the summary's
// first values: 0, 0, 0), then a bit per entry, whether it is a delta, in bytes.
std::string encode_index_columns(const std::vector<FrameInfo>& entries) {
  const FrameInfo& first = entries.front();
  const FrameInfo& last = entries.back();
  std::string out;
  put_le<uint32_t>(out, static_cast<uint32_t>(entries.size()));
  put_le<uint32_t>(out, (first.type == RecordType::kDelta ? kFirstIsDelta : 0) |
                            (last.type == RecordType::kDelta ? kLastIsDelta : 0));
  put_le<uint64_t>(out, first.frame);
  put_le<uint64_t>(out, last.frame);
  put_le<uint64_t>(out, first.offset);
  put_le<uint64_t>(out, last.offset);
  put_le<int64_t>(out, first.capture_time_ns);
  FrameInfo previous = first;
  for (const FrameInfo& e : entries) {
    put_varint(out, e.frame - previous.frame);
    put_varint(out, e.offset - previous.offset);
    put_varint(out, zigzag(static_cast<int64_t>(static_cast<uint64_t>(e.capture_time_ns) -
                                                static_cast<uint64_t>(previous.capture_time_ns))));
    previous = e;
  }
  std::string kinds((entries.size() + 7) / 8, '\0');
  for (size_t i = 0; i < entries.size(); ++i)
    if (entries[i].type == RecordType::kDelta) kinds[i / 8] |= static_cast<char>(1 << (i % 8));
  return out + kinds;
}

IndexSummary decode_index_summary(std::string_view payload, int64_t last_time) {
  if (payload.size() < kIndexSummarySize) malformed("shorter than its summary");
  IndexSummary s;
  s.count = get_le<uint32_t>(payload, 0);
  auto flags = get_le<uint32_t>(payload, 4);
  s.first = {get_le<uint64_t>(payload, 8), get_le<int64_t>(payload, 40),
             get_le<uint64_t>(payload, 24), type_of(flags, kFirstIsDelta)};
  s.last = {get_le<uint64_t>(payload, 16), last_time, get_le<uint64_t>(payload, 32),
            type_of(flags, kLastIsDelta)};
  // Each entry takes at least three varint bytes and a bit; frames and offsets increase.
  if (s.count == 0 || s.count > kMaxIndexEntries ||
      s.count > (payload.size() - kIndexSummarySize) / 3 || flags > (kFirstIsDelta | kLastIsDelta))
    malformed("its summary names an impossible number of frames");
  if (s.last.frame < s.first.frame || s.last.frame - s.first.frame < s.count - 1 ||
      s.last.offset < s.first.offset ||
      s.last.offset - s.first.offset < uint64_t{s.count - 1} * kMinRecordSize ||
      (s.count == 1 &&
       (s.first.frame != s.last.frame || s.first.offset != s.last.offset ||
        s.first.capture_time_ns != s.last.capture_time_ns || s.first.type != s.last.type)))
    malformed("its summary's first and last frames cannot be");
  return s;
}

std::vector<FrameInfo> decode_index_columns(std::string_view payload, const IndexSummary& summary) {
  std::string_view in = payload.substr(kIndexSummarySize);
  size_t kinds = (summary.count + 7) / 8;
  if (in.size() < kinds) malformed("cut off");
  std::string_view kind_bits = in.substr(in.size() - kinds);
  in.remove_suffix(kinds);
  std::vector<FrameInfo> out;
  out.reserve(summary.count);
  FrameInfo previous = summary.first;
  for (size_t i = 0; i < summary.count; ++i) {
    uint64_t frame_gap = 0, offset_gap = 0, time_gap = 0;
    if (!take_varint(in, frame_gap) || !take_varint(in, offset_gap) || !take_varint(in, time_gap))
      malformed("cut off");
    if (i > 0 && (frame_gap == 0 || offset_gap < kMinRecordSize))
      malformed("its frames do not increase");
    FrameInfo e;
    e.frame = previous.frame + frame_gap;
    e.offset = previous.offset + offset_gap;
    e.capture_time_ns = static_cast<int64_t>(static_cast<uint64_t>(previous.capture_time_ns) +
                                             static_cast<uint64_t>(unzigzag(time_gap)));
    e.type = kind_bits[i / 8] >> (i % 8) & 1 ? RecordType::kDelta : RecordType::kKeyframe;
    if (e.frame < previous.frame || e.offset < previous.offset)
      malformed("its frames do not increase");
    out.push_back(e);
    previous = e;
  }
  if (!in.empty()) malformed("bytes follow its last entry");
  if (out.front() != summary.first || out.back() != summary.last)
    malformed("its entries disagree with its summary");
  return out;
}

}  // namespace netsnap::timeline
