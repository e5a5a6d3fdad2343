#include "netsnap/timeline/record_format.h"

#include <zstd.h>

#include <array>
#include <cstring>
#include <memory>

namespace netsnap::timeline {
namespace {

template <typename T>
void put(std::string& out, T value) {
  for (size_t i = 0; i < sizeof(T); ++i)
    out.push_back(static_cast<char>((static_cast<uint64_t>(value) >> (8 * i)) & 0xff));
}

template <typename T>
T get(std::string_view in, size_t at) {
  uint64_t v = 0;
  for (size_t i = 0; i < sizeof(T); ++i) v |= uint64_t{static_cast<uint8_t>(in[at + i])} << (8 * i);
  return static_cast<T>(v);
}

std::array<uint32_t, 256> make_crc_table() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0x82f63b78 ^ (c >> 1) : c >> 1;  // Castagnoli
    table[i] = c;
  }
  return table;
}

uint32_t crc32c_table(std::string_view bytes, uint32_t crc) {
  static const auto table = make_crc_table();
  for (unsigned char b : bytes) crc = table[(crc ^ b) & 0xff] ^ (crc >> 8);
  return crc;
}

#if defined(__x86_64__)
// SSE 4.2's crc32 instruction computes CRC-32C eight bytes at a time: recovery searches and
// payload checks run at memory speed instead of a table lookup per byte.
__attribute__((target("sse4.2"))) uint32_t crc32c_sse42(std::string_view bytes, uint32_t crc) {
  const char* p = bytes.data();
  size_t n = bytes.size();
  uint64_t c = crc;
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    c = __builtin_ia32_crc32di(c, word);
  }
  return crc32c_table(std::string_view(p, n), static_cast<uint32_t>(c));
}

bool have_sse42() {
  static const bool have = __builtin_cpu_supports("sse4.2");
  return have;
}
#endif

}  // namespace

uint32_t crc32c(std::string_view bytes, uint32_t crc) {
#if defined(__x86_64__)
  if (have_sse42()) return ~crc32c_sse42(bytes, ~crc);
#endif
  return ~crc32c_table(bytes, ~crc);
}

std::string encode_file_header(const FileHeader& h) {
  std::string out(kFileMagic, sizeof kFileMagic);
  put<uint32_t>(out, h.version);
  put<uint32_t>(out, kFileHeaderSize);
  put<int64_t>(out, h.created_ns);
  put<uint32_t>(out, 0);  // flags, none yet
  put<uint32_t>(out, crc32c(out));
  return out;
}

std::optional<FileHeader> decode_file_header(std::string_view b) {
  if (b.size() < kFileHeaderSize || std::memcmp(b.data(), kFileMagic, sizeof kFileMagic) != 0)
    return std::nullopt;
  if (get<uint32_t>(b, 28) != crc32c(b.substr(0, 28))) return std::nullopt;
  FileHeader h;
  h.version = get<uint32_t>(b, 8);
  if (h.version > kFormatVersion)
    throw TimelineError("written by a newer netsnap (format version " + std::to_string(h.version) +
                        "; this one reads up to " + std::to_string(kFormatVersion) + ")");
  h.created_ns = get<int64_t>(b, 16);
  return h;
}

std::string encode_record_header(const RecordHeader& h) {
  std::string out;
  put<uint32_t>(out, kRecordMagic);
  put<uint8_t>(out, static_cast<uint8_t>(h.type));
  put<uint8_t>(out, static_cast<uint8_t>(h.codec));
  put<uint16_t>(out, 0);
  put<uint64_t>(out, h.frame);
  put<int64_t>(out, h.capture_time_ns);
  put<uint64_t>(out, h.previous_index);
  put<uint32_t>(out, h.payload_length);
  put<uint32_t>(out, h.raw_length);
  put<uint32_t>(out, h.payload_crc);
  put<uint32_t>(out, crc32c(out));
  return out;
}

std::optional<RecordHeader> decode_record_header(std::string_view b) {
  if (b.size() < kRecordHeaderSize || get<uint32_t>(b, 0) != kRecordMagic) return std::nullopt;
  if (get<uint32_t>(b, 44) != crc32c(b.substr(0, 44))) return std::nullopt;
  RecordHeader h;
  h.type = static_cast<RecordType>(get<uint8_t>(b, 4));
  h.codec = static_cast<PayloadCodec>(get<uint8_t>(b, 5));
  h.frame = get<uint64_t>(b, 8);
  h.capture_time_ns = get<int64_t>(b, 16);
  h.previous_index = get<uint64_t>(b, 24);
  h.payload_length = get<uint32_t>(b, 32);
  h.raw_length = get<uint32_t>(b, 36);
  h.payload_crc = get<uint32_t>(b, 40);
  bool known_type = h.type == RecordType::kKeyframe || h.type == RecordType::kDelta ||
                    h.type == RecordType::kIndex;
  // Index records are Cap'n Proto messages or index columns; frames are either kind, deltas
  // columns only.
  bool known_codec = false;
  switch (h.codec) {
    case PayloadCodec::kZstdCapnp:
      known_codec = h.type != RecordType::kDelta;
      break;
    case PayloadCodec::kZstdColumns:
      known_codec = h.type != RecordType::kIndex;
      break;
    case PayloadCodec::kIndexColumns:
      known_codec = h.type == RecordType::kIndex;
      break;
  }
  if (!known_type || !known_codec || get<uint16_t>(b, 6) != 0 ||
      h.payload_length > kMaxPayloadLength)
    return std::nullopt;
  return h;
}

std::string record_limit_violation(const RecordHeader& h) {
  if (h.payload_length > kMaxPayloadLength)
    return "payload of " + std::to_string(h.payload_length) + " bytes (the limit is " +
           std::to_string(kMaxPayloadLength) + ")";
  if (h.raw_length > kMaxRawLength)
    return "raw size of " + std::to_string(h.raw_length) + " bytes (the limit is " +
           std::to_string(kMaxRawLength) + ")";
  if (h.raw_length > uint64_t{h.payload_length} * kMaxRawRatio + kRawSlack)
    return "raw size of " + std::to_string(h.raw_length) + " bytes from a payload of " +
           std::to_string(h.payload_length) + " (more than " + std::to_string(kMaxRawRatio) +
           " times as large)";
  if (h.codec == PayloadCodec::kIndexColumns && h.raw_length != h.payload_length)
    return "raw size of " + std::to_string(h.raw_length) + " bytes for a payload of " +
           std::to_string(h.payload_length) + " stored as is";
  if (h.codec == PayloadCodec::kZstdCapnp && h.raw_length % 8 != 0)
    return "raw size of " + std::to_string(h.raw_length) + " bytes (not whole 8-byte words)";
  return {};
}

std::string encode_record_footer(uint64_t record_offset) {
  std::string out;
  put<uint64_t>(out, record_offset);
  put<uint32_t>(out, crc32c(out));
  put<uint32_t>(out, kFooterMagic);
  return out;
}

std::optional<uint64_t> decode_record_footer(std::string_view b) {
  if (b.size() < kRecordFooterSize || get<uint32_t>(b, 12) != kFooterMagic) return std::nullopt;
  if (get<uint32_t>(b, 8) != crc32c(b.substr(0, 8))) return std::nullopt;
  return get<uint64_t>(b, 0);
}

std::string compress_payload(std::string_view raw, int level) {
  std::string out(ZSTD_compressBound(raw.size()), '\0');
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, level);
  ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
  size_t n = ZSTD_compress2(cctx, out.data(), out.size(), raw.data(), raw.size());
  ZSTD_freeCCtx(cctx);
  if (ZSTD_isError(n)) throw TimelineError(std::string("zstd: ") + ZSTD_getErrorName(n));
  out.resize(n);
  return out;
}

namespace {

// The frame declares raw_length bytes, or no size (as the zstd tool writes for a pipe).
bool declares_raw_length(std::string_view compressed, uint32_t raw_length) {
  unsigned long long declared = ZSTD_getFrameContentSize(compressed.data(), compressed.size());
  return declared == raw_length || declared == ZSTD_CONTENTSIZE_UNKNOWN;
}

}  // namespace

std::string decompress_payload(std::string_view compressed, uint32_t raw_length) {
  // The output buffer is raw_length bytes: a payload that would inflate past it fails inside zstd
  // without any further allocation.
  if (!declares_raw_length(compressed, raw_length))
    throw TimelineError("payload is not the frame it declares");
  struct FreeDCtx {
    void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
  };
  static thread_local std::unique_ptr<ZSTD_DCtx, FreeDCtx> dctx(ZSTD_createDCtx());
  std::string out(raw_length, '\0');
  size_t n =
      ZSTD_decompressDCtx(dctx.get(), out.data(), out.size(), compressed.data(), compressed.size());
  if (ZSTD_isError(n)) throw TimelineError(std::string("zstd: ") + ZSTD_getErrorName(n));
  if (n != raw_length) throw TimelineError("decompressed size differs from the record header");
  return out;
}

}  // namespace netsnap::timeline
