// The payload of an index record: the frames written since the previous index record.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "netsnap/timeline/timeline.h"

namespace netsnap::timeline {

struct IndexBlock {
  uint64_t previous_index = 0;
  std::vector<FrameInfo> entries;
};

std::string encode_index_block(const IndexBlock& block);
IndexBlock decode_index_block(std::string_view bytes);  // throws TimelineError

}  // namespace netsnap::timeline
