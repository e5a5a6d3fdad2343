// Byte layout of a timeline file (specified in schema/FORMAT.md): a file header, then records,
// each a header, a zstd-compressed payload and a footer. Integers are little-endian.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace netsnap::timeline {

// Every failure to read or write a timeline: one line that names the file and what is wrong.
class TimelineError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A new timeline was asked for where a file already exists.
class TimelineExists : public TimelineError {
 public:
  using TimelineError::TimelineError;
};

inline constexpr char kFileMagic[8] = {'\x89', 'N', 'S', 'N', 'A', 'P', '\r', '\n'};
// Version 2 adds frames stored as column streams (PayloadCodec::kZstdColumns), deltas among them;
// version 3 index records whose frames are read only when asked for (PayloadCodec::kIndexColumns).
// Older files are still read, and appended to in their own version.
inline constexpr uint32_t kFormatVersion = 3;
inline constexpr size_t kFileHeaderSize = 32;
inline constexpr size_t kRecordHeaderSize = 48;
inline constexpr size_t kRecordFooterSize = 16;
inline constexpr uint32_t kRecordMagic = 0x4352534e;  // "NSRC"
inline constexpr uint32_t kFooterMagic = 0x444e534e;  // "NSND"

// Limits a reader enforces before it allocates anything a record's header asks for (FORMAT.md,
// "Limits"): a hostile or damaged file costs at most this much memory and time.
inline constexpr uint32_t kMaxPayloadLength = 64u << 20;  // compressed bytes of one record
inline constexpr uint32_t kMaxRawLength = 1u << 30;       // decompressed bytes of one record
inline constexpr uint32_t kMaxRawRatio = 64;              // raw <= 64 x payload + kRawSlack
inline constexpr uint32_t kRawSlack = 64u << 10;
inline constexpr size_t kMaxIndexEntries = 65536;  // frames one index record may list
// A delta frame is read only after the frames it depends on back to a keyframe: at most this
// many deltas (a writer puts a keyframe at least every 64 frames). Decoding a chain may take
// at most kFrameMemoryFactor x its records' payload bytes + kFrameMemorySlack of memory.
inline constexpr size_t kMaxDeltaChain = 1024;
inline constexpr uint64_t kFrameMemoryFactor = 128;
inline constexpr uint64_t kFrameMemorySlack = 16u << 20;

enum class RecordType : uint8_t { kKeyframe = 1, kDelta = 2, kIndex = 3 };
enum class PayloadCodec : uint8_t {
  kZstdCapnp = 1,     // a flat Cap'n Proto message (version 1 frames, version 1-2 index records)
  kZstdColumns = 2,   // frame columns (timeline/frame_codec.h): a keyframe or a delta
  kIndexColumns = 3,  // not compressed: index columns (timeline/index_block.h), version 3
};

// The smallest whole record: header and footer around an empty payload.
inline constexpr size_t kMinRecordSize = kRecordHeaderSize + kRecordFooterSize;

struct FileHeader {
  uint32_t version = kFormatVersion;
  int64_t created_ns = 0;
};

struct RecordHeader {
  RecordType type = RecordType::kKeyframe;
  PayloadCodec codec = PayloadCodec::kZstdCapnp;
  uint64_t frame = 0;           // frame number; for an index record, the first frame it lists
  int64_t capture_time_ns = 0;  // for an index record, that of the last frame it lists
  uint64_t previous_index = 0;  // offset of the latest index record before this one; 0 if none
  uint32_t payload_length = 0;  // compressed bytes
  uint32_t raw_length = 0;      // decompressed bytes
  uint32_t payload_crc = 0;     // CRC-32C of the compressed payload
};

uint32_t crc32c(std::string_view bytes, uint32_t crc = 0);

std::string encode_file_header(const FileHeader& h);
// nullopt when the bytes are not a netsnap file header; throws for a newer version.
std::optional<FileHeader> decode_file_header(std::string_view bytes);

std::string encode_record_header(const RecordHeader& h);
// nullopt when the magic or the header checksum is wrong, or the header names a record type,
// codec or payload length that no writer produces.
std::optional<RecordHeader> decode_record_header(std::string_view bytes);
// Bytes from the record's header to the end of its footer.
inline uint64_t record_size(const RecordHeader& h) { return kMinRecordSize + h.payload_length; }
// Why a record's sizes are refused before its payload is read (FORMAT.md, "Limits"); empty when
// they are within the limits.
std::string record_limit_violation(const RecordHeader& h);

std::string encode_record_footer(uint64_t record_offset);
// The record offset a footer names; nullopt when it is not a footer.
std::optional<uint64_t> decode_record_footer(std::string_view bytes);

// zstd with its content checksum on; decompress verifies size and checksum, throws TimelineError.
std::string compress_payload(std::string_view raw, int level = 3);
// Checks that the zstd frame declares raw_length bytes (or no size) before allocating them;
// raw_length must already be within the limits (record_limit_violation).
std::string decompress_payload(std::string_view compressed, uint32_t raw_length);

}  // namespace netsnap::timeline
