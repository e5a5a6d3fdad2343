// The column streams of a version-2 frame (schema/FORMAT.md, "Frame columns"). The frame codec
// writes each field of each struct type into a column of its own: one column holds every value of
// InetSocket.inode the frame stores, another every InetSocket.localPort, and so on. Values of one
// field look alike, so zstd, run over the columns one after the other, finds far more to share
// than in whole structs side by side.
//
// A column is two streams: integers (varints, each column stored either as its values or as the
// differences between successive values, whichever is smaller) and bytes (text and addresses).
// Columns are stored in the order the codec first touched them; the decoder touches them in the
// same order, so no column needs a name.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace netsnap::timeline {

// Which column: a struct type (tag), one of its fields (or an extra slot), and whether it holds
// whole values or changes against an earlier frame.
struct ColumnKey {
  const void* type;
  uint32_t slot;
  bool operator==(const ColumnKey&) const = default;
};

struct ColumnKeyHash {
  size_t operator()(const ColumnKey& k) const {
    uint64_t x = reinterpret_cast<uintptr_t>(k.type) * 0x9e3779b97f4a7c15ull +
                 uint64_t{k.slot} * 0xc2b2ae3d27d4eb4full;
    return static_cast<size_t>(x >> 32);
  }
};

class ColumnWriter {
 public:
  struct Column {
    std::vector<uint64_t> ints;
    std::string bytes;
  };
  Column& operator[](const ColumnKey& key);
  // The serialized columns.
  std::string finish() const;

 private:
  std::unordered_map<ColumnKey, size_t, ColumnKeyHash> index_;
  std::deque<Column> columns_;  // a deque: the codec holds references while it adds columns
};

class ColumnReader {
 public:
  class Column {
   public:
    uint64_t next_int();
    std::string_view next_bytes(uint64_t length);
    bool exhausted() const { return ints_.empty() && bytes_.empty(); }

   private:
    friend class ColumnReader;
    const std::string* where_ = nullptr;
    bool differences_ = false;
    uint64_t previous_ = 0;
    std::string_view ints_;
    std::string_view bytes_;
  };

  // Parses the column table; throws TimelineError naming `where` when it does not hold together.
  ColumnReader(std::string_view serialized, std::string where);
  ColumnReader(const ColumnReader&) = delete;  // its columns point at where_
  ColumnReader& operator=(const ColumnReader&) = delete;
  // The column the codec touches for the first time takes the next stored one; throws when none is
  // left. Inline: the codec looks a column up for every field it reads.
  Column& operator[](const ColumnKey& key) {
    size_t at = ColumnKeyHash()(key) & (slots_.size() - 1);
    if (slots_[at].key == key) return stored_[slots_[at].column];
    return find_or_take(key, at);
  }
  const std::string& where() const { return where_; }
  // Throws unless every stored column was taken and read to its end.
  void check_consumed() const;

 private:
  Column& find_or_take(const ColumnKey& key, size_t at);

  // Which stored column each key took: open addressing in a table of at least twice as many slots
  // as there are columns.
  struct Slot {
    ColumnKey key{nullptr, 0};
    size_t column = 0;
  };
  std::string where_;
  std::vector<Column> stored_;
  size_t taken_ = 0;
  std::vector<Slot> slots_;
};

// LEB128 varints: put_varint appends v; take_varint reads one from the front of in (false when in
// ends first or the value runs past 64 bits).
void put_varint(std::string& out, uint64_t v);
bool take_varint(std::string_view& in, uint64_t& v);

// zigzag: signed values as unsigned, small magnitudes small.
inline uint64_t zigzag(int64_t v) { return (static_cast<uint64_t>(v) << 1) ^ (v < 0 ? ~0ull : 0); }
inline int64_t unzigzag(uint64_t v) {
  return static_cast<int64_t>(v >> 1) ^ -static_cast<int64_t>(v & 1);
}

}  // namespace netsnap::timeline
