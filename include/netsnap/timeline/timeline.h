// Reading and writing timeline files: frames of compressed snapshots with a seek index.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "netsnap/model/snapshot.h"
#include "netsnap/model/socket_counts.h"
#include "netsnap/timeline/frame_list.h"
#include "netsnap/timeline/record_format.h"

namespace netsnap::timeline {

class RecordFile;
struct StoredFrame;

// What `ls` shows of a frame: version-2 frames carry it ahead of their columns, so it is read
// without decoding the frame or the deltas before it (FORMAT.md, "Frames").
struct FrameStats {
  model::SocketCounts sockets;
  uint32_t routes4 = 0, routes6 = 0, interfaces = 0, warnings = 0;
  std::string hostname;
  bool operator==(const FrameStats&) const = default;
};
FrameStats frame_stats_of(const model::Snapshot& snapshot);

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
  const FrameList& frames() const { return frames_; }
  // One line per problem met while opening: what was lost and where. Empty for a sound file.
  const std::vector<std::string>& recovery_notes() const { return notes_; }
  uint64_t file_size() const;
  // End of the last whole record: where an appending writer continues.
  uint64_t valid_end() const { return valid_end_; }
  // The bytes after valid_end() are the start of a record a crash cut off (and may be cut away).
  bool torn_tail() const { return torn_tail_; }
  uint64_t last_index_offset() const { return last_index_offset_; }
  bool used_index() const { return used_index_; }

  uint32_t format_version() const { return version_; }

  // Decodes frame i (position in frames()); throws TimelineError if that frame is damaged, or is
  // a delta and a frame its chain depends on is damaged or missing (the message says which).
  // Reading frames in order decodes each delta once: the last frame read is kept.
  model::Snapshot read_frame(size_t i) const;
  // Frame i as its flat Cap'n Proto message bytes (schema/snapshot.capnp Snapshot).
  std::string read_frame_message(size_t i) const;
  // Frame i in storage form (timeline/frame_codec.h): what a delta after it is made against.
  StoredFrame read_stored_frame(size_t i) const;
  // What `ls` shows of frame i. Read from the record alone for version-2 frames (no delta before
  // it is decoded); a version-1 frame is decoded.
  FrameStats read_frame_stats(size_t i) const;
  // The position in frames() of the keyframe frame i's chain starts from (i for a keyframe);
  // nullopt when the chain is broken: a frame it depends on is missing.
  std::optional<size_t> chain_start(size_t i) const;
  // The frame's record header (sizes, checksum), read without decoding the payload.
  RecordHeader read_header(size_t i) const;

 private:
  struct Located {
    uint64_t offset;
    RecordHeader header;
  };
  void open(int fd);
  bool open_through_index();
  std::optional<uint64_t> read_index_chain(uint64_t latest, FrameList& frames);
  std::vector<FrameInfo> decode_index_record(size_t block) const;
  const std::vector<FrameInfo>& scanned_frames() const;
  bool add_records_after(uint64_t at);
  void open_by_scan();
  Located locate(size_t i) const;
  size_t chain_first(size_t i) const;
  std::string payload(const Located& record) const;
  std::string frame_payload(const Located& record) const;  // payload(), naming the frame
  StoredFrame decode_stored(size_t i, StoredFrame* base, uint64_t& memory_left) const;
  std::string frame_name(size_t i) const;

  std::string path_;
  std::unique_ptr<RecordFile> file_;
  uint32_t version_ = kFormatVersion;
  uint64_t valid_end_ = kFileHeaderSize;
  uint64_t last_index_offset_ = 0;
  bool used_index_ = false;
  bool torn_tail_ = false;
  FrameList frames_;
  // The version-3 index records whose frames frames_ lists as blocks: offset and summary.
  std::vector<std::pair<uint64_t, IndexSummary>> index_blocks_;
  std::vector<std::string> notes_;
  // Where a scan found each frame, made the first time an indexed position does not hold the
  // frame it should (a record moved by an edit of the file).
  mutable std::unique_ptr<std::vector<FrameInfo>> scanned_;
  // The last frame decoded: its position and storage form.
  mutable std::unique_ptr<std::pair<size_t, StoredFrame>> last_read_;
};

// A keyframe after at most this many deltas: reading a frame decodes at most 63 others. Chains
// of 127 made the frame before a keyframe of a day-long timeline cost 1.9x the same frame alone
// (tools/bench/seek.sh); 63 costs about 12% more bytes a day (README, "Storage").
inline constexpr uint32_t kDefaultKeyframeInterval = 63;

struct WriterOptions {
  // zstd's level; 0 chooses by size: 16 for payloads up to kSmallPayload raw bytes (a delta, the
  // keyframe of a host with a few thousand sockets: 5% smaller than at 3, at 22 MB/s), 3 above.
  int compression_level = 0;
  static constexpr size_t kSmallPayload = 1 << 20;
  // A keyframe after this many deltas at most (0: every frame a keyframe; above kMaxDeltaChain,
  // readers refuse the frames past the limit). Deltas are written only in version-2 and -3 files; a
  // version-1 timeline is continued with version-1 keyframes.
  uint32_t keyframe_interval = kDefaultKeyframeInterval;
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
  TimelineWriter(const std::string& path, Mode mode, WriterOptions options = {});
  ~TimelineWriter();  // closes (writes the final index) if close() was not called
  TimelineWriter(const TimelineWriter&) = delete;
  TimelineWriter& operator=(const TimelineWriter&) = delete;

  // Appends one frame. When this returns the frame is complete and on disk; when it throws (a full
  // disk), the file is as it was before the call.
  void write_frame(const model::Snapshot& snapshot);
  void close();

  uint64_t frames_written() const { return next_frame_; }
  const std::vector<std::string>& recovery_notes() const { return notes_; }

  // An index record is written once this many frames are not listed by one, and at close.
  static constexpr size_t kFramesPerIndex = 256;

 private:
  void create(Mode mode);
  void continue_existing();
  void write_file_header();
  uint64_t append_message(RecordType type, PayloadCodec codec, uint64_t frame, int64_t time,
                          const std::string& raw);
  uint64_t append_record(const RecordHeader& header, std::string_view payload);
  void write_index();
  void write_index_record(const std::vector<FrameInfo>& listed);
  void continue_chain(const TimelineReader& reader);

  std::string path_;
  int fd_ = -1;
  WriterOptions options_;
  uint32_t version_ = kFormatVersion;
  uint64_t end_ = 0;
  uint64_t next_frame_ = 0;
  uint64_t last_index_ = 0;
  std::vector<FrameInfo> unindexed_;
  // The frame last written, in storage form, while the next one may be a delta against it.
  std::unique_ptr<StoredFrame> last_;
  uint32_t deltas_since_keyframe_ = 0;
  std::vector<std::string> notes_;
};

}  // namespace netsnap::timeline
