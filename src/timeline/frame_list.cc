#include "netsnap/timeline/frame_list.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace netsnap::timeline {

void FrameList::add_block(size_t count, const FrameInfo& first, const FrameInfo& last) {
  blocks_.push_back({in_blocks_, count, first, last, {}});
  in_blocks_ += count;
}

const FrameList::Block& FrameList::block_of(size_t i) const {
  const Block* hint = &blocks_[hint_];
  if (i >= hint->start && i - hint->start < hint->count) return *hint;
  auto found = std::upper_bound(blocks_.begin(), blocks_.end(), i,
                                [](size_t at, const Block& b) { return at < b.start; });
  hint_ = static_cast<size_t>(found - blocks_.begin()) - 1;
  return blocks_[hint_];
}

const std::vector<FrameInfo>& FrameList::decoded(size_t index) const {
  Block& block = blocks_[index];
  if (block.frames.empty()) {
    std::vector<FrameInfo> frames = loader_(index);
    // A summary that put its first or last frame elsewhere than the frames found (a scan stood
    // in for the record) is corrected.
    block.first = frames.front();
    block.last = frames.back();
    block.frames = std::move(frames);
  }
  return block.frames;
}

const FrameInfo& FrameList::operator[](size_t i) const {
  if (i >= in_blocks_) return known_[i - in_blocks_];
  const Block& block = block_of(i);
  size_t k = i - block.start;
  if (block.frames.empty()) {
    if (k == 0) return block.first;
    if (k == block.count - 1) return block.last;
  }
  return decoded(static_cast<size_t>(&block - blocks_.data()))[k];
}

const FrameInfo& FrameList::at(size_t i) const {
  if (i >= size())
    throw std::out_of_range("frame position " + std::to_string(i) + " of " +
                            std::to_string(size()));
  return (*this)[i];
}

size_t FrameList::lower_bound(uint64_t frame) const {
  // The first block whose last frame is at or after `frame`, then within it; the frames known one
  // by one follow the blocks.
  auto block = std::lower_bound(blocks_.begin(), blocks_.end(), frame,
                                [](const Block& b, uint64_t n) { return b.last.frame < n; });
  if (block != blocks_.end()) {
    if (block->first.frame >= frame) return block->start;
    const auto& frames = decoded(static_cast<size_t>(block - blocks_.begin()));
    return block->start + static_cast<size_t>(frame_lower_bound(frames, frame) - frames.begin());
  }
  return in_blocks_ + static_cast<size_t>(frame_lower_bound(known_, frame) - known_.begin());
}

std::vector<FrameInfo> FrameList::to_vector() const {
  std::vector<FrameInfo> out;
  out.reserve(size());
  for (const FrameInfo& f : *this) out.push_back(f);
  return out;
}

}  // namespace netsnap::timeline
