// The payload of an index record: the frames written since the previous index record.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "netsnap/timeline/timeline.h"

namespace netsnap::timeline {

// Version 1 and 2: a Cap'n Proto IndexBlock (schema/timeline.capnp), zstd-compressed.
struct IndexBlock {
  uint64_t previous_index = 0;
  std::vector<FrameInfo> entries;
};

std::string encode_index_block(const IndexBlock& block);
IndexBlock decode_index_block(std::string_view bytes);  // throws TimelineError

// Version 3 (PayloadCodec::kIndexColumns, stored as is): a fixed summary that names the first and
// the last frame listed, which a reader takes at open, then the entries as varints, decoded when
// one of them is asked for (FORMAT.md, "Index records").
inline constexpr size_t kIndexSummarySize = 48;

// The payload listing `entries` (at least one).
std::string encode_index_columns(const std::vector<FrameInfo>& entries);
// The summary at the start of a payload; `last_time` is the record header's capture time. Throws
// TimelineError when the payload is too short or the summary cannot be true.
IndexSummary decode_index_summary(std::string_view payload, int64_t last_time);
// Every entry; throws TimelineError unless they agree with the summary.
std::vector<FrameInfo> decode_index_columns(std::string_view payload, const IndexSummary& summary);

}  // namespace netsnap::timeline
