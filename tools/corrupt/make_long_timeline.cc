// Writes a legitimate timeline of millions of small frames in seconds, for the corrupt-input
// suite's "open a 2-million-frame timeline and read its last frame" check (issue 9).
//
//   make_long_timeline OUT FRAMES
//
// Lays the file out as schema/FORMAT.md says and netsnap's writer does (a keyframe per frame, an
// index record after every 256 frames and at the end), without fdatasync and independently of
// netsnap's code: its own CRC-32C, Cap'n Proto words laid out by hand, zstd from libzstd. Each
// frame holds a minimal Snapshot: host.hostname "long" and host.captureTimeNs, frame k at
// kBaseTimeNs + k ms. Prints "FRAMES FIRST_TIME_NS STEP_NS" for the checks.

#include <zstd.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

constexpr int64_t kBaseTimeNs = 1'700'000'000'000'000'000;
constexpr int64_t kFrameStepNs = 1'000'000;
constexpr size_t kFramesPerIndex = 256;
constexpr uint8_t kKeyframe = 1, kIndex = 3, kZstdCapnp = 1;

std::array<uint32_t, 256> crc_table() {
  std::array<uint32_t, 256> table{};
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0x82f63b78 ^ (c >> 1) : c >> 1;
    table[i] = c;
  }
  return table;
}

uint32_t crc32c(const std::string& bytes, size_t from, size_t length) {
  static const auto table = crc_table();
  uint32_t crc = ~0u;
  for (size_t i = from; i < from + length; ++i)
    crc = table[(crc ^ static_cast<uint8_t>(bytes[i])) & 0xff] ^ (crc >> 8);
  return ~crc;
}

template <typename T>
void put(std::string& out, T value) {
  for (size_t i = 0; i < sizeof(T); ++i)
    out.push_back(static_cast<char>((static_cast<uint64_t>(value) >> (8 * i)) & 0xff));
}

// Cap'n Proto pointers (single segment; offsets in words from the end of the pointer).
uint64_t struct_pointer(int64_t offset, uint16_t data_words, uint16_t pointers) {
  return (static_cast<uint64_t>(offset) & 0x3fffffff) << 2 | uint64_t{data_words} << 32 |
         uint64_t{pointers} << 48;
}

uint64_t list_pointer(int64_t offset, uint8_t element_size, uint32_t count) {
  return (static_cast<uint64_t>(offset) & 0x3fffffff) << 2 | 1 | uint64_t{element_size} << 32 |
         uint64_t{count} << 35;
}

// A serialized message: segment table, then the words.
std::string message(const std::vector<uint64_t>& words) {
  std::string out;
  put<uint32_t>(out, 0);
  put<uint32_t>(out, static_cast<uint32_t>(words.size()));
  for (uint64_t w : words) put<uint64_t>(out, w);
  return out;
}

// Snapshot (1 data word, 20 pointers; host is pointer 0) -> Host (6 data words, 5 pointers;
// captureTimeNs is data word 0, hostname pointer 0) -> "long".
std::string snapshot(int64_t time_ns) {
  std::vector<uint64_t> w(1 + 21 + 11 + 1, 0);
  w[0] = struct_pointer(0, 1, 20);
  w[2] = struct_pointer(22 - 3, 6, 5);  // Snapshot's pointer 0, at word 2, to the Host at 22
  w[22] = static_cast<uint64_t>(time_ns);
  w[28] = list_pointer(33 - 29, 2, 5);  // Host's pointer 0, at word 28, to the bytes at 33
  std::memcpy(&w[33], "long", 5);
  return message(w);
}

struct Entry {
  uint64_t frame;
  int64_t time_ns;
  uint64_t offset;
};

// IndexBlock (1 data word, 1 pointer) with a composite list of IndexEntry (5 data words).
std::string index_block(uint64_t previous, const std::vector<Entry>& entries) {
  std::vector<uint64_t> w{struct_pointer(0, 1, 1), previous,
                          list_pointer(0, 7, static_cast<uint32_t>(5 * entries.size())),
                          struct_pointer(static_cast<int64_t>(entries.size()), 5, 0)};
  for (const Entry& e : entries) {
    w.insert(w.end(), {e.frame, static_cast<uint64_t>(e.time_ns), e.offset, 0, 0});
  }
  return message(w);
}

class LongTimeline {
 public:
  explicit LongTimeline(std::FILE* out) : out_(out), cctx_(ZSTD_createCCtx()) {
    ZSTD_CCtx_setParameter(cctx_, ZSTD_c_compressionLevel, 1);
    ZSTD_CCtx_setParameter(cctx_, ZSTD_c_checksumFlag, 1);
    std::string head("\x89NSNAP\r\n", 8);
    put<uint32_t>(head, 1);
    put<uint32_t>(head, 32);
    put<int64_t>(head, kBaseTimeNs);
    put<uint32_t>(head, 0);
    put<uint32_t>(head, crc32c(head, 0, head.size()));
    write(head);
  }
  ~LongTimeline() { ZSTD_freeCCtx(cctx_); }

  void add_frame(uint64_t frame) {
    int64_t time_ns = kBaseTimeNs + static_cast<int64_t>(frame) * kFrameStepNs;
    pending_.push_back({frame, time_ns, size_});
    append(kKeyframe, frame, time_ns, snapshot(time_ns));
    if (pending_.size() == kFramesPerIndex) add_index();
  }

  void add_index() {
    if (pending_.empty()) return;
    Entry first = pending_.front(), last = pending_.back();
    uint64_t at = size_;
    append(kIndex, first.frame, last.time_ns, index_block(last_index_, pending_));
    last_index_ = at;
    pending_.clear();
  }

 private:
  void append(uint8_t type, uint64_t frame, int64_t time_ns, const std::string& raw) {
    std::string payload(ZSTD_compressBound(raw.size()), '\0');
    size_t n = ZSTD_compress2(cctx_, payload.data(), payload.size(), raw.data(), raw.size());
    if (ZSTD_isError(n)) {
      std::fprintf(stderr, "make_long_timeline: zstd: %s\n", ZSTD_getErrorName(n));
      std::exit(1);
    }
    payload.resize(n);
    std::string record("NSRC", 4);
    put<uint8_t>(record, type);
    put<uint8_t>(record, kZstdCapnp);
    put<uint16_t>(record, 0);
    put<uint64_t>(record, frame);
    put<int64_t>(record, time_ns);
    put<uint64_t>(record, last_index_);
    put<uint32_t>(record, static_cast<uint32_t>(payload.size()));
    put<uint32_t>(record, static_cast<uint32_t>(raw.size()));
    put<uint32_t>(record, crc32c(payload, 0, payload.size()));
    put<uint32_t>(record, crc32c(record, 0, 44));
    record += payload;
    size_t footer = record.size();
    put<uint64_t>(record, size_);
    put<uint32_t>(record, crc32c(record, footer, 8));
    record.append("NSND", 4);
    write(record);
  }

  void write(const std::string& bytes) {
    if (std::fwrite(bytes.data(), 1, bytes.size(), out_) != bytes.size()) {
      std::perror("make_long_timeline");
      std::exit(1);
    }
    size_ += bytes.size();
  }

  std::FILE* out_;
  ZSTD_CCtx* cctx_;
  uint64_t size_ = 0;
  uint64_t last_index_ = 0;
  std::vector<Entry> pending_;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: make_long_timeline OUT FRAMES\n");
    return 2;
  }
  std::FILE* out = std::fopen(argv[1], "wb");
  if (!out) {
    std::perror(argv[1]);
    return 1;
  }
  static char buffer[1 << 20];
  std::setvbuf(out, buffer, _IOFBF, sizeof buffer);
  uint64_t frames = std::strtoull(argv[2], nullptr, 10);
  {
    LongTimeline timeline(out);
    for (uint64_t f = 0; f < frames; ++f) timeline.add_frame(f);
    timeline.add_index();
  }
  if (std::fclose(out) != 0) {
    std::perror(argv[1]);
    return 1;
  }
  std::printf("%llu %lld %lld\n", static_cast<unsigned long long>(frames),
              static_cast<long long>(kBaseTimeNs), static_cast<long long>(kFrameStepNs));
  return 0;
}
