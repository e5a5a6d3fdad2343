#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "frame_codec.h"
#include "netsnap/model/snapshot_codec.h"
#include "netsnap/timeline/index_block.h"
#include "netsnap/timeline/timeline.h"
#include "record_file.h"
#include "timeline_file.h"

namespace netsnap::timeline {
namespace {

// Index entries in frame order must name increasing frames at increasing offsets, each a whole
// record before `limit` (the index record that lists them): anything else is not an index this
// netsnap wrote, and the file is scanned instead.
bool plausible(const std::vector<FrameInfo>& frames, uint64_t limit) {
  for (size_t i = 0; i < frames.size(); ++i) {
    const FrameInfo& f = frames[i];
    if (f.offset < kFileHeaderSize || f.offset >= limit || limit - f.offset < kMinRecordSize)
      return false;
    if (f.type != RecordType::kKeyframe && f.type != RecordType::kDelta) return false;
    if (i == 0) continue;
    const FrameInfo& prev = frames[i - 1];
    if (f.frame <= prev.frame || f.offset < prev.offset + kMinRecordSize) return false;
  }
  return true;
}

// Faults in the pages of a large list about to be filled in one go: a day's frame list is
// 2.7 MB, and 675 separate page faults cost more than reading the index itself (a virtual
// machine's fault is ~10 us). Only a hint: kernels before 5.14 refuse it, and nothing changes.
template <class T>
void prefault(std::vector<T>& list) {
#ifdef MADV_POPULATE_WRITE
  constexpr size_t kWorthIt = size_t{256} << 10;
  size_t bytes = list.capacity() * sizeof(T);
  if (bytes < kWorthIt) return;
  auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
  auto start = (reinterpret_cast<uintptr_t>(list.data()) + page - 1) & ~(page - 1);
  auto end = (reinterpret_cast<uintptr_t>(list.data()) + bytes) & ~(page - 1);
  if (end > start)
    (void)::madvise(reinterpret_cast<void*>(start), end - start, MADV_POPULATE_WRITE);
#else
  (void)list;
#endif
}

}  // namespace

TimelineReader::TimelineReader(const std::string& path) : path_(path) {
  auto fd = open_regular_file(path, O_RDONLY);
  if (!fd) throw TimelineError(path + ": " + std::strerror(ENOENT));
  open(*fd);
}

TimelineReader::TimelineReader(const std::string& path, int fd) : path_(path) {
  int own = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (own < 0) throw TimelineError(path + ": " + std::strerror(errno));
  open(own);
}

TimelineReader::~TimelineReader() = default;

uint64_t TimelineReader::file_size() const { return file_->size(); }

void TimelineReader::open(int fd) {
  file_ = std::make_unique<RecordFile>(fd);
  std::optional<FileHeader> header;
  try {
    header = decode_file_header(file_->read_at(0, kFileHeaderSize));
  } catch (const TimelineError& e) {
    throw TimelineError(path_ + ": " + e.what());
  }
  if (!header) throw TimelineError(path_ + ": not a netsnap timeline (bad signature)");
  version_ = header->version;
  if (!open_through_index()) open_by_scan();
}

// The fast path: the last record's footer leads to the latest index record, the index records
// chain back to the first; only frames written after the latest index are read one by one.
bool TimelineReader::open_through_index() {
  uint64_t size = file_->size();
  if (size < kFileHeaderSize + kMinRecordSize) return false;
  auto last = decode_record_footer(file_->read_at(size - kRecordFooterSize, kRecordFooterSize));
  if (!last) return false;
  auto last_header = file_->record_in_place_at(*last);
  if (!last_header || *last + record_size(*last_header) != size) return false;
  uint64_t index = last_header->type == RecordType::kIndex ? *last : last_header->previous_index;
  std::vector<FrameInfo> indexed;
  auto after_index = read_index_chain(index, indexed);
  if (!after_index) return false;
  frames_ = std::move(indexed);
  if (!add_records_after(*after_index)) {
    frames_.clear();
    return false;
  }
  valid_end_ = size;
  last_index_offset_ = index;
  used_index_ = true;
  return true;
}

// Follows previousIndexOffset from the latest index record back to the first (through record
// headers alone), then lists the blocks' frames oldest first. Returns where the records after the
// latest index begin; nullopt when any link or entry is not what a writer would have written.
std::optional<uint64_t> TimelineReader::read_index_chain(uint64_t latest,
                                                         std::vector<FrameInfo>& frames) const {
  std::vector<Located> chain;  // newest first
  for (uint64_t at = latest; at != 0;) {
    auto h = file_->record_in_place_at(at);
    if (!h || h->type != RecordType::kIndex || h->previous_index >= at) return std::nullopt;
    chain.push_back({at, *h});
    at = h->previous_index;
  }
  // Index records name their first frame: room for all of them at once, within what the file
  // could hold.
  if (!chain.empty())
    frames.reserve(std::min<uint64_t>(chain.front().header.frame + kMaxIndexEntries,
                                      file_->size() / kMinRecordSize));
  prefault(frames);
  for (auto record = chain.rbegin(); record != chain.rend(); ++record) {
    IndexBlock block;
    try {
      block = decode_index_block(payload(*record));
    } catch (const TimelineError&) {
      return std::nullopt;
    }
    if (block.previous_index != record->header.previous_index ||
        block.entries.size() > kMaxIndexEntries || !plausible(block.entries, record->offset) ||
        (!frames.empty() && !block.entries.empty() &&
         !plausible({frames.back(), block.entries.front()}, record->offset)))
      return std::nullopt;
    frames.insert(frames.end(), block.entries.begin(), block.entries.end());
  }
  if (chain.empty()) return kFileHeaderSize;
  return chain.front().offset + record_size(chain.front().header);
}

// Adds the frames of the whole records from `at` to the end of the file; false when one is not
// whole or breaks the frame order.
bool TimelineReader::add_records_after(uint64_t at) {
  RecordFile::Walk walk(*file_);
  while (at < file_->size()) {
    auto h = file_->record_in_place_at(at);
    if (!h) return false;
    if (h->type != RecordType::kIndex) {
      if (!frames_.empty() && h->frame <= frames_.back().frame) return false;
      frames_.push_back({h->frame, h->capture_time_ns, at, h->type});
    }
    at += record_size(*h);
  }
  return true;
}

// The slow path: walk record by record from the start, skipping damaged stretches, and say what
// was lost.
void TimelineReader::open_by_scan() {
  ScanResult scan = scan_records(*file_, path_);
  frames_ = std::move(scan.frames);
  notes_ = std::move(scan.notes);
  valid_end_ = scan.valid_end;
  last_index_offset_ = scan.last_index_offset;
  torn_tail_ = scan.torn_tail;
}

// Frame i's record: where the index put it or, when that position does not hold it (bytes were
// inserted or removed after the index was written), where a scan finds it.
TimelineReader::Located TimelineReader::locate(size_t i) const {
  const FrameInfo& want = frames_.at(i);
  auto h = file_->header_at(want.offset);
  if (h && h->frame == want.frame && h->type == want.type) return {want.offset, *h};
  if (!scanned_)
    scanned_ = std::make_unique<std::vector<FrameInfo>>(scan_records(*file_, path_).frames);
  auto found = std::lower_bound(scanned_->begin(), scanned_->end(), want.frame,
                                [](const FrameInfo& f, uint64_t frame) { return f.frame < frame; });
  if (found != scanned_->end() && found->frame == want.frame) {
    if (auto moved = file_->header_at(found->offset)) return {found->offset, *moved};
  }
  throw TimelineError(path_ + ": frame " + std::to_string(want.frame) + " has a damaged header");
}

std::string TimelineReader::payload(const Located& record) const {
  const RecordHeader& h = record.header;
  std::string where = path_ + ": record at byte " + std::to_string(record.offset);
  std::string limit = record_limit_violation(h);
  if (!limit.empty()) throw TimelineError(where + " claims a " + limit + "; refused");
  uint64_t start = record.offset + kRecordHeaderSize;
  std::string compressed = file_->read_at(start, h.payload_length);
  if (compressed.size() != h.payload_length || crc32c(compressed) != h.payload_crc)
    throw TimelineError(where + " is damaged (checksum mismatch)");
  try {
    return decompress_payload(compressed, h.raw_length);
  } catch (const TimelineError& e) {
    throw TimelineError(where + " is damaged (" + e.what() + ")");
  }
}

RecordHeader TimelineReader::read_header(size_t i) const { return locate(i).header; }

std::string TimelineReader::frame_payload(const Located& record) const {
  try {
    return payload(record);
  } catch (const TimelineError& e) {
    throw TimelineError(std::string(e.what()) + " (frame " + std::to_string(record.header.frame) +
                        ")");
  }
}

std::string TimelineReader::frame_name(size_t i) const {
  return path_ + ": frame " + std::to_string(frames_.at(i).frame);
}

// The first of the frames consecutive with frame i that its deltas go back through: a keyframe,
// or a delta whose base frame is missing.
size_t TimelineReader::chain_first(size_t i) const {
  size_t j = i;
  while (frames_.at(j).type == RecordType::kDelta && j > 0 &&
         frames_[j - 1].frame + 1 == frames_[j].frame)
    --j;
  return j;
}

std::optional<size_t> TimelineReader::chain_start(size_t i) const {
  size_t j = chain_first(i);
  if (frames_[j].type == RecordType::kDelta) return std::nullopt;
  return j;
}

// Frame i as storage form: a keyframe decoded alone, a delta applied to *base (frame i - 1's).
StoredFrame TimelineReader::decode_stored(size_t i, StoredFrame* base,
                                          uint64_t& memory_left) const {
  Located record = locate(i);
  std::string raw = frame_payload(record);
  std::string where = frame_name(i);
  if (record.header.codec == PayloadCodec::kZstdCapnp) {
    try {
      return to_stored(model::decode_snapshot(raw), nullptr);
    } catch (const std::runtime_error& e) {
      throw TimelineError(where + ": " + e.what());
    }
  }
  FramePayload p = split_frame_payload(raw, where);
  if (p.base_frame.has_value() != (record.header.type == RecordType::kDelta))
    throw TimelineError(where + ": its record header and its payload disagree on whether it is " +
                        "a delta");
  if (p.base_frame.has_value() != (base != nullptr) ||
      (base && *p.base_frame + 1 != frames_[i].frame))
    throw TimelineError(where + ": its record says it depends on another frame than the one " +
                        "before it");
  return decode_frame(base, p.columns, where, memory_left);
}

StoredFrame TimelineReader::read_stored_frame(size_t i) const {
  auto start = chain_start(i);
  if (!start) {
    uint64_t gap = frames_[chain_first(i)].frame;
    throw TimelineError(frame_name(i) + " is lost: it is stored as changes against frame " +
                        (gap == 0 ? std::string("-1 (there is none)") : std::to_string(gap - 1)) +
                        ", which is missing or damaged");
  }
  if (i - *start > kMaxDeltaChain)
    throw TimelineError(frame_name(i) + " is stored after a chain of " +
                        std::to_string(i - *start) + " deltas; the limit is " +
                        std::to_string(kMaxDeltaChain) + "; refused");
  // Start from the frame read last when it is on the way (reading in order decodes each once).
  size_t next = *start;
  std::unique_ptr<StoredFrame> frame;
  if (last_read_ && last_read_->first >= *start && last_read_->first <= i) {
    next = last_read_->first + 1;
    frame = std::make_unique<StoredFrame>(std::move(last_read_->second));
  }
  last_read_.reset();
  uint64_t payloads = 0;
  for (size_t k = next; k <= i; ++k) payloads += locate(k).header.payload_length;
  uint64_t memory_left = kFrameMemorySlack + kFrameMemoryFactor * payloads;
  for (size_t k = next; k <= i; ++k) {
    try {
      frame = std::make_unique<StoredFrame>(decode_stored(k, frame.get(), memory_left));
    } catch (const TimelineError& e) {
      if (k == i) throw;
      throw TimelineError(frame_name(i) + " is lost: it is stored as changes against frame " +
                          std::to_string(frames_[k].frame) + ", which is damaged (" + e.what() +
                          ")");
    }
  }
  StoredFrame out = *frame;
  last_read_ = std::make_unique<std::pair<size_t, StoredFrame>>(i, std::move(*frame));
  return out;
}

std::string TimelineReader::read_frame_message(size_t i) const {
  Located record = locate(i);
  if (record.header.codec == PayloadCodec::kZstdColumns)
    return model::encode_snapshot(read_frame(i));
  return frame_payload(record);
}

model::Snapshot TimelineReader::read_frame(size_t i) const {
  if (locate(i).header.codec == PayloadCodec::kZstdColumns)
    return from_stored(read_stored_frame(i));
  std::string message = read_frame_message(i);
  try {
    return model::decode_snapshot(message);
  } catch (const std::runtime_error& e) {
    throw TimelineError(frame_name(i) + ": " + e.what());
  }
}

FrameStats TimelineReader::read_frame_stats(size_t i) const {
  Located record = locate(i);
  if (record.header.codec == PayloadCodec::kZstdCapnp) return frame_stats_of(read_frame(i));
  return split_frame_payload(frame_payload(record), frame_name(i)).stats;
}

}  // namespace netsnap::timeline
