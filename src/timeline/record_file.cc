#include "record_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace netsnap::timeline {
namespace {

constexpr size_t kSearchBlock = 1 << 20;  // the magic search reads this much at a time
constexpr char kRecordMagicBytes[4] = {'N', 'S', 'R', 'C'};

}  // namespace

RecordFile::RecordFile(int fd) : fd_(fd) {
  struct stat st {};
  size_ = ::fstat(fd, &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}

RecordFile::~RecordFile() { ::close(fd_); }

std::string RecordFile::read_at(uint64_t offset, size_t length) const {
  if (offset >= size_) return {};
  length = static_cast<size_t>(std::min<uint64_t>(length, size_ - offset));
  // Small payloads usually sit in the window the header was read through.
  if (offset >= window_at_ && offset + length <= window_at_ + window_.size())
    return window_.substr(static_cast<size_t>(offset - window_at_), length);
  return read_uncached(offset, length);
}

std::string RecordFile::read_uncached(uint64_t offset, size_t length) const {
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

std::string_view RecordFile::window(uint64_t offset, size_t length) const {
  bool inside = offset >= window_at_ && offset + length <= window_at_ + window_.size();
  if (!inside) {
    window_ = read_uncached(offset, std::min<uint64_t>(std::max(length, read_ahead_),
                                                       size_ > offset ? size_ - offset : 0));
    window_at_ = offset;
  }
  std::string_view view(window_);
  view.remove_prefix(static_cast<size_t>(offset - window_at_));
  return view.substr(0, length);
}

std::optional<RecordHeader> RecordFile::header_at(uint64_t offset) const {
  if (offset < kFileHeaderSize || offset > size_ || size_ - offset < kRecordHeaderSize)
    return std::nullopt;
  return decode_record_header(window(offset, kRecordHeaderSize));
}

std::optional<RecordHeader> RecordFile::whole_record_at(uint64_t offset,
                                                        uint64_t* footer_offset) const {
  auto h = header_at(offset);
  if (!h || size_ - offset < record_size(*h)) return std::nullopt;
  uint64_t footer_at = offset + kRecordHeaderSize + h->payload_length;
  auto recorded = decode_record_footer(window(footer_at, kRecordFooterSize));
  if (!recorded) return std::nullopt;
  if (footer_offset) *footer_offset = *recorded;
  return h;
}

std::optional<RecordHeader> RecordFile::record_in_place_at(uint64_t offset) const {
  uint64_t footer_offset = 0;
  auto h = whole_record_at(offset, &footer_offset);
  if (!h || footer_offset != offset) return std::nullopt;
  return h;
}

std::optional<uint64_t> RecordFile::find_next_record(uint64_t from) const {
  for (uint64_t block_at = from; block_at < size_ && size_ - block_at >= kMinRecordSize;
       block_at += kSearchBlock) {
    // A hole in a sparse file holds only zeros, so no record: skip to the next data.
    off_t data = ::lseek(fd_, static_cast<off_t>(block_at), SEEK_DATA);
    if (data < 0 && errno == ENXIO) return std::nullopt;
    if (data > static_cast<off_t>(block_at)) block_at = static_cast<uint64_t>(data);
    if (auto found = find_in_block(block_at)) return found;
  }
  return std::nullopt;
}

// The first whole record starting in [block_at, block_at + kSearchBlock).
std::optional<uint64_t> RecordFile::find_in_block(uint64_t block_at) const {
  // The block runs 3 bytes into the next one so that a magic across the boundary is seen.
  std::string block = read_at(block_at, kSearchBlock + sizeof kRecordMagicBytes - 1);
  const char* begin = block.data();
  const char* end = begin + block.size();
  for (const char* p = begin; p < end; ++p) {
    p = static_cast<const char*>(
        memmem(p, static_cast<size_t>(end - p), kRecordMagicBytes, sizeof kRecordMagicBytes));
    if (!p || static_cast<size_t>(p - begin) >= kSearchBlock) break;
    uint64_t candidate = block_at + static_cast<uint64_t>(p - begin);
    if (whole_record_at(candidate, nullptr)) return candidate;
  }
  return std::nullopt;
}

namespace {

// The bytes from `at` to the end are the start of a record a crash cut off: a piece of a header,
// or a header whose record runs past the end of the file.
bool is_torn_record(const RecordFile& file, uint64_t at) {
  uint64_t left = file.size() - at;
  if (left < kRecordHeaderSize) {
    std::string start = file.read_at(at, sizeof kRecordMagicBytes);
    return std::memcmp(start.data(), kRecordMagicBytes, start.size()) == 0;
  }
  auto h = file.header_at(at);
  return h && record_size(*h) > left;
}

class Scan {
 public:
  Scan(const RecordFile& file, const std::string& path) : file_(file), path_(path) {}

  ScanResult run() {
    RecordFile::Walk walk(file_);
    uint64_t at = kFileHeaderSize;
    while (at < file_.size()) {
      uint64_t footer_offset = 0;
      if (auto h = file_.whole_record_at(at, &footer_offset)) {
        if (footer_offset != at && moved_++ == 0) first_moved_ = at;
        take(at, *h);
        at += record_size(*h);
        result_.valid_end = at;
        continue;
      }
      auto next = file_.find_next_record(at + 1);
      if (!next) {
        note_tail(at);
        break;
      }
      note(std::to_string(*next - at) + " damaged bytes at byte " + std::to_string(at) +
           " were skipped");
      at = *next;
    }
    if (moved_)
      note(std::to_string(moved_) + " record" + (moved_ == 1 ? " is" : "s are") +
           " not where the file says (bytes were inserted or removed before byte " +
           std::to_string(first_moved_) + "); found by scanning");
    return std::move(result_);
  }

 private:
  void take(uint64_t at, const RecordHeader& h) {
    if (h.type == RecordType::kIndex) {
      result_.last_index_offset = at;
      return;
    }
    auto& frames = result_.frames;
    if (!frames.empty() && h.frame <= frames.back().frame) {
      note("the record at byte " + std::to_string(at) + " repeats frame " +
           std::to_string(h.frame) + " (or goes back to it) and was ignored");
      return;
    }
    frames.push_back({h.frame, h.capture_time_ns, at, h.type});
  }

  void note_tail(uint64_t at) {
    result_.torn_tail = is_torn_record(file_, at);
    std::string bytes = "the last " + std::to_string(file_.size() - at) + " bytes (from byte " +
                        std::to_string(at) + ")";
    if (result_.torn_tail)
      note("timeline cut off: " + bytes + " are an incomplete record and were ignored");
    else
      note(bytes + " hold no whole record and were ignored");
  }

  void note(const std::string& text) { result_.notes.push_back(path_ + ": " + text); }

  const RecordFile& file_;
  const std::string& path_;
  ScanResult result_;
  uint64_t moved_ = 0;
  uint64_t first_moved_ = 0;
};

}  // namespace

ScanResult scan_records(const RecordFile& file, const std::string& path) {
  return Scan(file, path).run();
}

}  // namespace netsnap::timeline
