// Records of an open timeline file, read without trusting anything they say: headers and footers
// through a read-ahead window, whole-record checks, the block-wise search for the next record and
// the scan that walks a damaged file (FORMAT.md, "Reading").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "netsnap/timeline/timeline.h"

namespace netsnap::timeline {

class RecordFile {
 public:
  // Takes fd, an open regular file, and closes it when it goes.
  explicit RecordFile(int fd);
  ~RecordFile();
  RecordFile(const RecordFile&) = delete;
  RecordFile& operator=(const RecordFile&) = delete;

  uint64_t size() const { return size_; }
  // header_at and whole_record_at read a little ahead for records looked up here and there (the
  // index chain), and a lot while a Walk goes from one record to the next.
  class Walk {
   public:
    explicit Walk(const RecordFile& file) : file_(file) { file_.read_ahead_ = kWalkReadAhead; }
    ~Walk() { file_.read_ahead_ = kLookupReadAhead; }

   private:
    const RecordFile& file_;
  };
  // Up to length bytes at offset (fewer at the end of the file).
  std::string read_at(uint64_t offset, size_t length) const;
  // A header at offset that decodes (magic, checksum, known type and codec); nullopt otherwise.
  std::optional<RecordHeader> header_at(uint64_t offset) const;
  // The header at offset when the whole record is there: its footer, where the header's payload
  // length puts it, decodes. The footer's recorded offset is returned in footer_offset; it differs
  // from offset when bytes were inserted or removed before the record.
  std::optional<RecordHeader> whole_record_at(uint64_t offset, uint64_t* footer_offset) const;
  // The header at offset when the whole record is there and its footer names offset: the record
  // is where it was written.
  std::optional<RecordHeader> record_in_place_at(uint64_t offset) const;
  // The first offset >= from where a whole record starts, found by searching for the record
  // magic a block at a time (skipping the holes of a sparse file); nullopt when none follows.
  std::optional<uint64_t> find_next_record(uint64_t from) const;

 private:
  std::string_view window(uint64_t offset, size_t length) const;
  std::string read_uncached(uint64_t offset, size_t length) const;
  std::optional<uint64_t> find_in_block(uint64_t block_at) const;

  int fd_;
  uint64_t size_;
  mutable std::string window_;
  mutable uint64_t window_at_ = 0;
  static constexpr size_t kLookupReadAhead = 4 << 10;
  static constexpr size_t kWalkReadAhead = 256 << 10;
  mutable size_t read_ahead_ = kLookupReadAhead;
};

// What a walk over every record from the file header on found.
struct ScanResult {
  std::vector<FrameInfo> frames;
  std::vector<std::string> notes;  // what was lost or moved, and where
  uint64_t valid_end = kFileHeaderSize;
  uint64_t last_index_offset = 0;
  bool torn_tail = false;  // the bytes after valid_end are the start of a cut-off record
};

// Walks every record, skipping damaged stretches; frames must have increasing numbers, so a
// duplicated record is kept once. `path` is for the notes.
ScanResult scan_records(const RecordFile& file, const std::string& path);

}  // namespace netsnap::timeline
