#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <system_error>

#include "frame_codec.h"
#include "netsnap/model/snapshot_codec.h"
#include "netsnap/timeline/index_block.h"
#include "netsnap/timeline/timeline.h"
#include "timeline_file.h"

namespace netsnap::timeline {
namespace {

void write_all(int fd, std::string_view bytes, uint64_t offset) {
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n =
        ::pwrite(fd, bytes.data() + done, bytes.size() - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::system_error(errno, std::generic_category());
    done += static_cast<size_t>(n);
  }
}

int64_t wall_now_ns() {
  timespec ts{};
  clock_gettime(CLOCK_REALTIME, &ts);
  return int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}

}  // namespace

TimelineWriter::TimelineWriter(const std::string& path, Mode mode, WriterOptions options)
    : path_(path), options_(options) {
  if (mode == Mode::kAppend) fd_ = open_timeline_for_append(path);
  try {
    if (fd_ >= 0)
      continue_existing();
    else
      create(mode);
  } catch (...) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    throw;
  }
}

void TimelineWriter::create(Mode mode) {
  struct stat st {};
  if (mode != Mode::kReplace || ::lstat(path_.c_str(), &st) != 0) {
    fd_ = create_timeline_file(path_);
    try {
      write_file_header();
    } catch (...) {
      ::unlink(path_.c_str());  // the empty file this call created
      throw;
    }
    return;
  }
  // A new file under a temporary name, renamed over the old timeline once its header is down:
  // the old file is never written, and a link at path is replaced rather than followed.
  check_replaceable(path_);
  std::string temp;
  fd_ = create_replacement_file(path_, temp);
  try {
    write_file_header();
    if (::rename(temp.c_str(), path_.c_str()) != 0)
      throw TimelineError(path_ + ": cannot replace: " + std::strerror(errno));
  } catch (...) {
    ::unlink(temp.c_str());
    throw;
  }
}

void TimelineWriter::write_file_header() {
  std::string header = encode_file_header({version_, wall_now_ns()});
  try {
    write_all(fd_, header, 0);
  } catch (const std::system_error& e) {
    throw TimelineError(path_ + ": " + e.what());
  }
  end_ = header.size();
}

// Continues the numbering and the index chain of the timeline at path. Only a torn last record
// is cut off; anything else the reader could not use stays in the file.
void TimelineWriter::continue_existing() {
  struct stat st {};
  if (::fstat(fd_, &st) == 0 && st.st_size == 0) return write_file_header();
  TimelineReader reader(path_, fd_);  // throws if it is not a timeline: never clobber other files
  version_ = reader.format_version();
  notes_ = reader.recovery_notes();
  end_ = reader.valid_end();
  last_index_ = reader.last_index_offset();
  for (const auto& f : reader.frames()) next_frame_ = std::max(next_frame_, f.frame + 1);
  if (reader.file_size() > end_ && reader.torn_tail()) {
    if (::ftruncate(fd_, static_cast<off_t>(end_)) != 0)
      throw TimelineError(path_ + ": cannot cut off the torn record: " + std::strerror(errno));
  } else if (reader.file_size() > end_) {
    end_ = reader.file_size();
    notes_.push_back(path_ + ": new frames follow the bytes that are not a record");
  }
  continue_chain(reader);
  if (reader.used_index()) {
    for (const auto& f : reader.frames())
      if (f.offset > last_index_) unindexed_.push_back(f);
    return;
  }
  // The index chain could not be trusted: start a new one that lists every frame found.
  unindexed_ = reader.frames().to_vector();
  last_index_ = 0;
  write_index();
}

// The next frame may be a delta against the last one when that one reads back (its own chain
// whole); otherwise it is a keyframe.
void TimelineWriter::continue_chain(const TimelineReader& reader) {
  if (version_ < 2 || reader.frames().empty()) return;
  size_t last = reader.frames().size() - 1;
  auto start = reader.chain_start(last);
  if (!start) return;
  try {
    last_ = std::make_unique<StoredFrame>(reader.read_stored_frame(last));
    deltas_since_keyframe_ = static_cast<uint32_t>(last - *start);
  } catch (const TimelineError&) {
    last_.reset();
  }
}

TimelineWriter::~TimelineWriter() {
  try {
    close();
  } catch (const TimelineError&) {
    // The frames are safe without the final index; a reader finds them by scanning.
  }
}

// Writes header, payload and footer in one go; on failure cuts the file back to where it was.
uint64_t TimelineWriter::append_record(const RecordHeader& header, std::string_view payload) {
  // A record a reader would refuse is not written at all.
  std::string limit = record_limit_violation(header);
  if (!limit.empty())
    throw TimelineError(path_ + ": frame not written: it would be a record with a " + limit);
  std::string record = encode_record_header(header);
  record.append(payload);
  record.append(encode_record_footer(end_));
  uint64_t at = end_;
  try {
    write_all(fd_, record, at);
    if (::fdatasync(fd_) != 0) throw std::system_error(errno, std::generic_category());
  } catch (const std::system_error& e) {
    [[maybe_unused]] int ignored = ::ftruncate(fd_, static_cast<off_t>(at));
    throw TimelineError(path_ + ": frame not written: " + e.what());
  }
  end_ += record.size();
  return at;
}

void TimelineWriter::write_frame(const model::Snapshot& snapshot) {
  if (fd_ < 0) throw TimelineError(path_ + ": timeline is closed");
  int64_t time = snapshot.host.capture_time_ns;
  RecordType type = RecordType::kKeyframe;
  uint64_t at = 0;
  if (version_ < 2) {
    at = append_message(type, PayloadCodec::kZstdCapnp, next_frame_, time,
                        model::encode_snapshot(snapshot));
  } else {
    auto stored = std::make_unique<StoredFrame>(to_stored(snapshot, last_.get()));
    bool delta = last_ && deltas_since_keyframe_ < options_.keyframe_interval;
    if (delta) type = RecordType::kDelta;
    std::string raw = encode_frame_payload(frame_stats_of(snapshot), delta ? last_.get() : nullptr,
                                           *stored, next_frame_ - delta, version_);
    at = append_message(type, PayloadCodec::kZstdColumns, next_frame_, time, raw);
    last_ = std::move(stored);
    deltas_since_keyframe_ = delta ? deltas_since_keyframe_ + 1 : 0;
  }
  unindexed_.push_back({next_frame_, time, at, type});
  ++next_frame_;
  if (unindexed_.size() >= kFramesPerIndex) write_index();
}

// Lists the frames written since the last index record, kMaxIndexEntries to a record.
void TimelineWriter::write_index() {
  while (!unindexed_.empty()) {
    size_t count = std::min(unindexed_.size(), kMaxIndexEntries);
    std::vector<FrameInfo> listed(unindexed_.begin(), unindexed_.begin() + count);
    write_index_record(listed);
    unindexed_.erase(unindexed_.begin(), unindexed_.begin() + count);
  }
}

// Version-3 index records are stored as they are: a reader takes their summaries at open without
// decompressing anything.
void TimelineWriter::write_index_record(const std::vector<FrameInfo>& listed) {
  uint64_t first = listed.front().frame;
  int64_t last_time = listed.back().capture_time_ns;
  last_index_ = version_ >= 3
                    ? append_message(RecordType::kIndex, PayloadCodec::kIndexColumns, first,
                                     last_time, encode_index_columns(listed))
                    : append_message(RecordType::kIndex, PayloadCodec::kZstdCapnp, first, last_time,
                                     encode_index_block({last_index_, listed}));
}

// Compresses a message (but index columns) into a record of `type` and appends it; the record's
// offset.
uint64_t TimelineWriter::append_message(RecordType type, PayloadCodec codec, uint64_t frame,
                                        int64_t time, const std::string& raw) {
  if (raw.size() > kMaxRawLength)
    throw TimelineError(path_ + ": frame not written: its " + std::to_string(raw.size()) +
                        " bytes are more than a record holds (" + std::to_string(kMaxRawLength) +
                        ")");
  int level = options_.compression_level;
  if (level == 0) level = raw.size() <= WriterOptions::kSmallPayload ? 16 : 3;
  std::string compressed =
      codec == PayloadCodec::kIndexColumns ? raw : compress_payload(raw, level);
  RecordHeader h;
  h.type = type;
  h.codec = codec;
  h.frame = frame;
  h.capture_time_ns = time;
  h.previous_index = last_index_;
  h.payload_length = static_cast<uint32_t>(compressed.size());
  h.raw_length = static_cast<uint32_t>(raw.size());
  h.payload_crc = crc32c(compressed);
  return append_record(h, compressed);
}

void TimelineWriter::close() {
  if (fd_ < 0) return;
  // No index record here: readers take the frames after the last one from their record headers,
  // and a short --append run (cron) would otherwise add one for every frame it writes.
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) throw TimelineError(path_ + ": " + std::strerror(errno));
}

}  // namespace netsnap::timeline
