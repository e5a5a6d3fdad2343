#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "netsnap/model/snapshot_codec.h"
#include "netsnap/timeline/index_block.h"
#include "netsnap/timeline/timeline.h"

namespace netsnap::timeline {

TimelineReader::TimelineReader(const std::string& path) : path_(path) {
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) throw TimelineError(path + ": " + std::strerror(errno));
  struct stat st {};
  fstat(fd_, &st);
  file_size_ = static_cast<uint64_t>(st.st_size);
  std::optional<FileHeader> header;
  try {
    header = decode_file_header(read_at(0, kFileHeaderSize));
  } catch (const TimelineError& e) {
    ::close(fd_);
    throw TimelineError(path + ": " + e.what());
  }
  if (!header) {
    ::close(fd_);
    throw TimelineError(path + ": not a netsnap timeline (bad signature)");
  }
  if (!open_through_index()) open_by_scan();
}

TimelineReader::~TimelineReader() {
  if (fd_ >= 0) ::close(fd_);
}

std::string TimelineReader::read_at(uint64_t offset, size_t length) const {
  std::string buf(length, '\0');
  size_t done = 0;
  while (done < length) {
    ssize_t n = ::pread(fd_, buf.data() + done, length - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  buf.resize(done);
  return buf;
}

std::optional<RecordHeader> TimelineReader::header_at(uint64_t offset) const {
  if (offset + kRecordHeaderSize > file_size_) return std::nullopt;
  return decode_record_header(read_at(offset, kRecordHeaderSize));
}

bool TimelineReader::record_is_whole(uint64_t offset, const RecordHeader& h) const {
  uint64_t footer = offset + kRecordHeaderSize + h.payload_length;
  if (footer + kRecordFooterSize > file_size_) return false;
  return decode_record_footer(read_at(footer, kRecordFooterSize)) == offset;
}

void TimelineReader::add_frame(uint64_t offset, const RecordHeader& h) {
  frames_.push_back({h.frame, h.capture_time_ns, offset, h.type});
}

std::string TimelineReader::payload(uint64_t offset, const RecordHeader& h) const {
  std::string compressed = read_at(offset + kRecordHeaderSize, h.payload_length);
  if (compressed.size() != h.payload_length || crc32c(compressed) != h.payload_crc)
    throw TimelineError(path_ + ": record at byte " + std::to_string(offset) +
                        " is damaged (checksum mismatch)");
  return decompress_payload(compressed, h.raw_length);
}

// The fast path: the last record's footer leads to the latest index record, the index records
// chain back to the first; only frames written after the latest index are read one by one.
bool TimelineReader::open_through_index() {
  if (file_size_ < kFileHeaderSize + kRecordHeaderSize + kRecordFooterSize) return false;
  auto last = decode_record_footer(read_at(file_size_ - kRecordFooterSize, kRecordFooterSize));
  if (!last) return false;
  auto last_header = header_at(*last);
  if (!last_header || !record_is_whole(*last, *last_header)) return false;
  uint64_t index = last_header->type == RecordType::kIndex ? *last : last_header->previous_index;
  std::vector<FrameInfo> indexed;
  try {
    for (uint64_t at = index; at != 0;) {
      auto h = header_at(at);
      if (!h || h->type != RecordType::kIndex) return false;
      IndexBlock block = decode_index_block(payload(at, *h));
      indexed.insert(indexed.begin(), block.entries.begin(), block.entries.end());
      if (block.previous_index >= at) return false;
      at = block.previous_index;
    }
  } catch (const TimelineError&) {
    return false;
  }
  uint64_t at = kFileHeaderSize;
  if (index != 0)
    at = index + kRecordHeaderSize + header_at(index)->payload_length + kRecordFooterSize;
  frames_ = std::move(indexed);
  while (at < file_size_) {
    auto h = header_at(at);
    if (!h || !record_is_whole(at, *h)) return false;
    if (h->type != RecordType::kIndex) add_frame(at, *h);
    at += kRecordHeaderSize + h->payload_length + kRecordFooterSize;
  }
  valid_end_ = file_size_;
  last_index_offset_ = index;
  used_index_ = true;
  return true;
}

// The slow path: walk record by record from the start, skipping damaged stretches, and say what
// was lost.
void TimelineReader::open_by_scan() {
  frames_.clear();
  uint64_t at = kFileHeaderSize;
  while (at < file_size_) {
    auto h = header_at(at);
    if (h && record_is_whole(at, *h)) {
      if (h->type == RecordType::kIndex)
        last_index_offset_ = at;
      else
        add_frame(at, *h);
      at += kRecordHeaderSize + h->payload_length + kRecordFooterSize;
      valid_end_ = at;
      continue;
    }
    // Look for the next whole record; what lies between is lost.
    uint64_t next = at + 1;
    for (; next + kRecordHeaderSize <= file_size_; ++next) {
      auto candidate = header_at(next);
      if (candidate && record_is_whole(next, *candidate)) break;
    }
    if (next + kRecordHeaderSize > file_size_) {
      notes_.push_back(path_ + ": timeline cut off: the last " + std::to_string(file_size_ - at) +
                       " bytes (from byte " + std::to_string(at) +
                       ") are an incomplete record and were ignored");
      break;
    }
    notes_.push_back(path_ + ": " + std::to_string(next - at) + " damaged bytes at byte " +
                     std::to_string(at) + " were skipped");
    at = next;
  }
}

RecordHeader TimelineReader::read_header(size_t i) const {
  auto h = header_at(frames_.at(i).offset);
  if (!h)
    throw TimelineError(path_ + ": frame " + std::to_string(frames_[i].frame) +
                        " has a damaged header");
  return *h;
}

std::string TimelineReader::read_frame_message(size_t i) const {
  RecordHeader h = read_header(i);
  if (h.type != RecordType::kKeyframe || h.codec != PayloadCodec::kZstdCapnp)
    throw TimelineError(path_ + ": frame " + std::to_string(h.frame) +
                        " uses a record kind this netsnap cannot read");
  try {
    return payload(frames_[i].offset, h);
  } catch (const TimelineError& e) {
    throw TimelineError(std::string(e.what()) + " (frame " + std::to_string(h.frame) + ")");
  }
}

model::Snapshot TimelineReader::read_frame(size_t i) const {
  std::string message = read_frame_message(i);
  try {
    return model::decode_snapshot(message);
  } catch (const std::runtime_error& e) {
    throw TimelineError(path_ + ": frame " + std::to_string(frames_[i].frame) + ": " + e.what());
  }
}

}  // namespace netsnap::timeline
