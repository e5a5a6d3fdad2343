#include "columns.h"

#include "netsnap/timeline/record_format.h"

namespace netsnap::timeline {

void put_varint(std::string& out, uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>(v | 0x80));
    v >>= 7;
  }
  out.push_back(static_cast<char>(v));
}

bool take_varint(std::string_view& in, uint64_t& v) {
  v = 0;
  for (unsigned shift = 0; shift < 64 && !in.empty(); shift += 7) {
    auto byte = static_cast<uint8_t>(in.front());
    in.remove_prefix(1);
    v |= uint64_t{byte & 0x7fu} << shift;
    if (!(byte & 0x80)) return shift < 63 || byte <= 1;
  }
  return false;
}

namespace {

constexpr uint64_t kDifferences = 1;  // column flag: the integers are successive differences

size_t varint_size(uint64_t v) {
  size_t n = 1;
  while (v >= 0x80) v >>= 7, ++n;
  return n;
}

uint64_t difference(uint64_t value, uint64_t previous) {
  return zigzag(static_cast<int64_t>(value - previous));
}

}  // namespace

ColumnWriter::Column& ColumnWriter::operator[](const ColumnKey& key) {
  auto [it, added] = index_.try_emplace(key, columns_.size());
  if (added) columns_.emplace_back();
  return columns_[it->second];
}

std::string ColumnWriter::finish() const {
  std::string table, data;
  put_varint(table, columns_.size());
  for (const Column& c : columns_) {
    size_t plain = 0, differences = 0;
    uint64_t previous = 0;
    for (uint64_t v : c.ints) {
      plain += varint_size(v);
      differences += varint_size(difference(v, previous));
      previous = v;
    }
    bool use_differences = differences < plain;
    size_t ints_start = data.size();
    previous = 0;
    for (uint64_t v : c.ints) {
      put_varint(data, use_differences ? difference(v, previous) : v);
      previous = v;
    }
    put_varint(table, use_differences ? kDifferences : 0);
    put_varint(table, data.size() - ints_start);
    put_varint(table, c.bytes.size());
    data += c.bytes;
  }
  return table + data;
}

ColumnReader::ColumnReader(std::string_view in, std::string where) : where_(std::move(where)) {
  auto fail = [&](const char* what) { throw TimelineError(where_ + ": frame columns: " + what); };
  uint64_t count = 0;
  if (!take_varint(in, count)) fail("the column table is cut off");
  // Every column's entry takes at least 3 bytes: a count beyond that is a lie.
  if (count > in.size() / 3) fail("the column table names more columns than it has room for");
  struct Entry {
    uint64_t flags, ints, bytes;
  };
  std::vector<Entry> entries(count);
  for (Entry& e : entries) {
    if (!take_varint(in, e.flags) || !take_varint(in, e.ints) || !take_varint(in, e.bytes))
      fail("the column table is cut off");
    if (e.flags > kDifferences) fail("a column has an unknown flag");
  }
  stored_.resize(count);
  for (size_t i = 0; i < count; ++i) {
    const Entry& e = entries[i];
    if (e.ints > in.size() || e.bytes > in.size() - e.ints) fail("a column runs past the frame");
    stored_[i].where_ = &where_;
    stored_[i].differences_ = e.flags & kDifferences;
    stored_[i].ints_ = in.substr(0, e.ints);
    stored_[i].bytes_ = in.substr(e.ints, e.bytes);
    in.remove_prefix(e.ints + e.bytes);
  }
  if (!in.empty()) fail("bytes follow the last column");
  size_t slots = 16;
  while (slots < 2 * count) slots *= 2;
  slots_.resize(slots);
}

ColumnReader::Column& ColumnReader::find_or_take(const ColumnKey& key, size_t at) {
  size_t mask = slots_.size() - 1;
  for (;; at = (at + 1) & mask) {
    Slot& slot = slots_[at];
    if (slot.key == key) return stored_[slot.column];
    if (slot.key.type != nullptr) continue;
    if (taken_ == stored_.size())
      throw TimelineError(where_ + ": frame columns: the frame needs more columns than it has");
    slot = {key, taken_++};
    return stored_[slot.column];
  }
}

void ColumnReader::check_consumed() const {
  if (taken_ != stored_.size())
    throw TimelineError(where_ + ": frame columns: " + std::to_string(stored_.size() - taken_) +
                        " columns were never read");
  for (const Column& c : stored_)
    if (!c.exhausted())
      throw TimelineError(where_ + ": frame columns: a column holds more than the frame reads");
}

uint64_t ColumnReader::Column::next_int() {
  uint64_t v = 0;
  if (!ints_.empty() && static_cast<uint8_t>(ints_.front()) < 0x80) {  // most values: one byte
    v = static_cast<uint8_t>(ints_.front());
    ints_.remove_prefix(1);
  } else if (!take_varint(ints_, v))
    throw TimelineError(*where_ + ": frame columns: a column of numbers ends early");
  if (differences_) v = previous_ + static_cast<uint64_t>(unzigzag(v));
  previous_ = v;
  return v;
}

std::string_view ColumnReader::Column::next_bytes(uint64_t length) {
  if (length > bytes_.size())
    throw TimelineError(*where_ + ": frame columns: a column of bytes ends early");
  std::string_view out = bytes_.substr(0, length);
  bytes_.remove_prefix(length);
  return out;
}

}  // namespace netsnap::timeline
