// The frames of a timeline, in file order: where each one is. A day of recording lists 86,400, so
// the frames an index record lists are decoded only when one of them is asked for: opening a
// timeline reads each index record's summary, and reading one frame decodes one index record.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "netsnap/timeline/record_format.h"

namespace netsnap::timeline {

// Where one frame is; what the index holds for it.
struct FrameInfo {
  uint64_t frame = 0;
  int64_t capture_time_ns = 0;
  uint64_t offset = 0;                      // of the record header
  RecordType type = RecordType::kKeyframe;  // a delta applies to the frame numbered one less
  bool operator==(const FrameInfo&) const = default;
};

// The first of frames (in increasing frame numbers) numbered `frame` or more.
inline std::vector<FrameInfo>::const_iterator frame_lower_bound(
    const std::vector<FrameInfo>& frames, uint64_t frame) {
  return std::lower_bound(frames.begin(), frames.end(), frame,
                          [](const FrameInfo& f, uint64_t n) { return f.frame < n; });
}

// What a version-3 index record says of itself: how many frames it lists, the first and the last.
struct IndexSummary {
  uint32_t count = 0;
  FrameInfo first, last;
};

class FrameList {
 public:
  // Decodes the frames of the block numbered `block` (in the order add_block was called): `count`
  // of them, numbered from the first's to the last's; throws TimelineError when it cannot.
  using Loader = std::function<std::vector<FrameInfo>(size_t block)>;

  FrameList() = default;
  FrameList(std::vector<FrameInfo> frames) : known_(std::move(frames)) {}  // NOLINT: a list as is

  size_t size() const { return in_blocks_ + known_.size(); }
  bool empty() const { return size() == 0; }
  // Frame at position i (i < size()): may decode the index record that lists it, and then throws
  // TimelineError when that record does not hold together.
  const FrameInfo& operator[](size_t i) const;
  const FrameInfo& at(size_t i) const;  // the same, throwing std::out_of_range past the end
  const FrameInfo& front() const { return (*this)[0]; }
  const FrameInfo& back() const { return (*this)[size() - 1]; }
  // The position of the first frame numbered `frame` or more; size() when there is none.
  size_t lower_bound(uint64_t frame) const;
  std::vector<FrameInfo> to_vector() const;

  class Iterator {
   public:
    using value_type = FrameInfo;
    using difference_type = std::ptrdiff_t;
    Iterator(const FrameList* list, size_t at) : list_(list), at_(at) {}
    const FrameInfo& operator*() const { return (*list_)[at_]; }
    const FrameInfo* operator->() const { return &(*list_)[at_]; }
    Iterator& operator++() { return ++at_, *this; }
    bool operator==(const Iterator& o) const { return at_ == o.at_; }

   private:
    const FrameList* list_;
    size_t at_;
  };
  Iterator begin() const { return {this, 0}; }
  Iterator end() const { return {this, size()}; }

  // Building. Blocks come first, in file order, then the frames known one by one.
  void set_loader(Loader loader) { loader_ = std::move(loader); }
  // `count` frames, of which the first and the last are known.
  void add_block(size_t count, const FrameInfo& first, const FrameInfo& last);
  void push_back(const FrameInfo& f) { known_.push_back(f); }
  void clear() { *this = FrameList(); }

 private:
  struct Block {
    size_t start = 0;  // position of its first frame
    size_t count = 0;
    FrameInfo first, last;
    std::vector<FrameInfo> frames;  // empty until decoded
  };
  const Block& block_of(size_t i) const;
  const std::vector<FrameInfo>& decoded(size_t block) const;

  mutable std::vector<Block> blocks_;
  size_t in_blocks_ = 0;
  std::vector<FrameInfo> known_;
  Loader loader_;
  mutable size_t hint_ = 0;  // the block asked for last
};

}  // namespace netsnap::timeline
