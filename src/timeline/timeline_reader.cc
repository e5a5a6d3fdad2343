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
  FrameList indexed;
  auto after_index = read_index_chain(index, indexed);
  if (!after_index) {
    index_blocks_.clear();  // of the records read before the one that failed
    return false;
  }
  frames_ = std::move(indexed);
  frames_.set_loader([this](size_t block) { return decode_index_record(block); });
  if (!add_records_after(*after_index)) {
    frames_.clear();
    index_blocks_.clear();
    return false;
  }
  valid_end_ = size;
  last_index_offset_ = index;
  used_index_ = true;
  return true;
}

// Follows previousIndexOffset from the latest index record back to the first (through record
// headers alone), then lists the blocks' frames oldest first: a version-3 record by its summary
// alone, an older one entry by entry. Returns where the records after the latest index begin;
// nullopt when any link or entry is not what a writer would have written.
std::optional<uint64_t> TimelineReader::read_index_chain(uint64_t latest, FrameList& frames) {
  std::vector<Located> chain;           // newest first
  std::vector<IndexSummary> summaries;  // of the version-3 records, read while the walk has them
  for (uint64_t at = latest; at != 0;) {
    auto h = file_->record_in_place_at(at);
    if (!h || h->type != RecordType::kIndex || h->previous_index >= at) return std::nullopt;
    chain.push_back({at, *h});
    if (h->codec == PayloadCodec::kIndexColumns) {
      try {
        summaries.push_back(decode_index_summary(payload(chain.back()), h->capture_time_ns));
      } catch (const TimelineError&) {
        return std::nullopt;
      }
    }
    at = h->previous_index;
  }
  auto summary = summaries.rbegin();
  bool one_by_one = false;  // an older record's entries are listed: no block may follow
  for (auto record = chain.rbegin(); record != chain.rend(); ++record) {
    std::vector<FrameInfo> listed;
    if (record->header.codec == PayloadCodec::kIndexColumns) {
      // FrameList keeps its blocks ahead of the frames known one by one.
      if (one_by_one) return std::nullopt;
      listed = {summary->first};
      if (summary->count > 1) listed.push_back(summary->last);
    } else {
      IndexBlock block;
      try {
        block = decode_index_block(payload(*record));
      } catch (const TimelineError&) {
        return std::nullopt;
      }
      if (block.previous_index != record->header.previous_index ||
          block.entries.size() > kMaxIndexEntries)
        return std::nullopt;
      listed = std::move(block.entries);
      one_by_one = true;
    }
    if (!plausible(listed, record->offset) ||
        (!frames.empty() && !listed.empty() &&
         !plausible({frames.back(), listed.front()}, record->offset)))
      return std::nullopt;
    if (record->header.codec == PayloadCodec::kIndexColumns) {
      frames.add_block(summary->count, summary->first, summary->last);
      index_blocks_.push_back({record->offset, *summary});
      ++summary;
    } else {
      for (const FrameInfo& f : listed) frames.push_back(f);
    }
  }
  if (chain.empty()) return kFileHeaderSize;
  return chain.front().offset + record_size(chain.front().header);
}

// The frames the version-3 index record `block` lists, checked against the summary read at open.
// When its entries do not hold together, a scan of the file stands in for them: the summary
// fixed how many frames the record lists, and the scan must find as many in its range.
std::vector<FrameInfo> TimelineReader::decode_index_record(size_t block) const {
  const auto& [offset, summary] = index_blocks_.at(block);
  try {
    auto h = file_->record_in_place_at(offset);
    if (!h || h->codec != PayloadCodec::kIndexColumns) throw TimelineError("it is no longer there");
    std::vector<FrameInfo> listed = decode_index_columns(payload({offset, *h}), summary);
    if (!plausible(listed, offset)) throw TimelineError("its entries are out of order");
    return listed;
  } catch (const TimelineError& e) {
    const std::vector<FrameInfo>& scanned = scanned_frames();
    auto first = frame_lower_bound(scanned, summary.first.frame);
    auto end = frame_lower_bound(scanned, summary.last.frame + 1);
    if (static_cast<size_t>(end - first) == summary.count && first->frame == summary.first.frame &&
        std::prev(end)->frame == summary.last.frame)
      return {first, end};
    throw TimelineError(path_ + ": index record at byte " + std::to_string(offset) + ": " +
                        e.what() + ", and a scan does not find the frames it lists");
  }
}

const std::vector<FrameInfo>& TimelineReader::scanned_frames() const {
  if (!scanned_)
    scanned_ = std::make_unique<std::vector<FrameInfo>>(scan_records(*file_, path_).frames);
  return *scanned_;
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
  const std::vector<FrameInfo>& scanned = scanned_frames();
  auto found = frame_lower_bound(scanned, want.frame);
  if (found != scanned.end() && found->frame == want.frame) {
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
  if (h.codec == PayloadCodec::kIndexColumns) return compressed;  // stored as is
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
  return decode_frame(base, p.columns, where, memory_left, version_);
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
