// Reading and writing timeline files: frames of compressed snapshots with a seek index.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "netsnap/model/snapshot.h"
#include "netsnap/timeline/record_format.h"

namespace netsnap::timeline {

class RecordFile;

// Where one frame is; what the index holds for it.
struct FrameInfo {
  uint64_t frame = 0;
  int64_t capture_time_ns = 0;
  uint64_t offset = 0;  // of the record header
  RecordType type = RecordType::kKeyframe;
  bool operator==(const FrameInfo&) const = default;
};

class TimelineReader {
 public:
  // Opens path and finds every frame: through the index when the file ends cleanly, by a scan of
  // record headers otherwise (a crash, a cut-off copy). Throws TimelineError when path is not a
  // readable timeline at all.
  explicit TimelineReader(const std::string& path);
  // The same for a file already open (fd is duplicated, not taken); path names it in messages.
  TimelineReader(const std::string& path, int fd);
  ~TimelineReader();
  TimelineReader(const TimelineReader&) = delete;
  TimelineReader& operator=(const TimelineReader&) = delete;

  const std::string& path() const { return path_; }
  const std::vector<FrameInfo>& frames() const { return frames_; }
  // One line per problem met while opening: what was lost and where. Empty for a sound file.
  const std::vector<std::string>& recovery_notes() const { return notes_; }
  uint64_t file_size() const;
  // End of the last whole record: where an appending writer continues.
  uint64_t valid_end() const { return valid_end_; }
  // The bytes after valid_end() are the start of a record a crash cut off (and may be cut away).
  bool torn_tail() const { return torn_tail_; }
  uint64_t last_index_offset() const { return last_index_offset_; }
  bool used_index() const { return used_index_; }

  // Decodes frame i (position in frames()); throws TimelineError if that frame is damaged.
  model::Snapshot read_frame(size_t i) const;
  // Frame i as its flat Cap'n Proto message bytes (schema/snapshot.capnp Snapshot).
  std::string read_frame_message(size_t i) const;
  // The frame's record header (sizes, checksum), read without decoding the payload.
  RecordHeader read_header(size_t i) const;

 private:
  struct Located {
    uint64_t offset;
    RecordHeader header;
  };
  void open(int fd);
  bool open_through_index();
  std::optional<uint64_t> read_index_chain(uint64_t latest, std::vector<FrameInfo>& frames) const;
  bool add_records_after(uint64_t at);
  void open_by_scan();
  Located locate(size_t i) const;
  std::string payload(const Located& record) const;

  std::string path_;
  std::unique_ptr<RecordFile> file_;
  uint64_t valid_end_ = kFileHeaderSize;
  uint64_t last_index_offset_ = 0;
  bool used_index_ = false;
  bool torn_tail_ = false;
  std::vector<FrameInfo> frames_;
  std::vector<std::string> notes_;
  // Where a scan found each frame, made the first time an indexed position does not hold the
  // frame it should (a record moved by an edit of the file).
  mutable std::unique_ptr<std::vector<FrameInfo>> scanned_;
};

class TimelineWriter {
 public:
  enum class Mode {
    kCreate,   // a new file; throws TimelineExists when path exists
    kReplace,  // a new file in place of an existing timeline (never of any other file)
    kAppend,   // continues an existing timeline, or creates it when path does not exist
  };
  // Holds an advisory lock (flock) on the file until close(): a second writer is refused with
  // the holder's pid. kAppend keeps every whole record: it cuts off only a torn last record,
  // and bytes after the last whole record that are not one stay where they are. Both are
  // reported in recovery_notes(). Files are created with mode 0600, never through a link.
  TimelineWriter(const std::string& path, Mode mode, int compression_level = 3);
  ~TimelineWriter();  // closes (writes the final index) if close() was not called
  TimelineWriter(const TimelineWriter&) = delete;
  TimelineWriter& operator=(const TimelineWriter&) = delete;

  // Appends one frame. When this returns the frame is complete and on disk; when it throws (a full
  // disk), the file is as it was before the call.
  void write_frame(const model::Snapshot& snapshot);
  void close();

  uint64_t frames_written() const { return next_frame_; }
  const std::vector<std::string>& recovery_notes() const { return notes_; }

  // How many frames an index record lists at most (the rest wait for the next one).
  static constexpr size_t kFramesPerIndex = 256;

 private:
  void create(Mode mode);
  void continue_existing();
  void write_file_header();
  uint64_t append_message(RecordType type, uint64_t frame, int64_t time, const std::string& raw);
  uint64_t append_record(const RecordHeader& header, std::string_view payload);
  void write_index();
  void write_index_record(const std::vector<FrameInfo>& listed);

  std::string path_;
  int fd_ = -1;
  int level_;
  uint64_t end_ = 0;
  uint64_t next_frame_ = 0;
  uint64_t last_index_ = 0;
  std::vector<FrameInfo> unindexed_;
  std::vector<std::string> notes_;
};

}  // namespace netsnap::timeline
