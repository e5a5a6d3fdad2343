#include "netsnap/timeline/index_block.h"

#include <capnp/message.h>
#include <capnp/serialize.h>

#include <cstring>

#include "netsnap/model/snapshot_codec.h"
#include "schema/timeline.capnp.h"

namespace netsnap::timeline {

std::string encode_index_block(const IndexBlock& block) {
  capnp::MallocMessageBuilder message;
  auto root = message.initRoot<schema::IndexBlock>();
  root.setPreviousIndexOffset(block.previous_index);
  auto list = root.initEntries(static_cast<unsigned>(block.entries.size()));
  for (unsigned i = 0; i < block.entries.size(); ++i) {
    const auto& e = block.entries[i];
    list[i].setFrame(e.frame);
    list[i].setCaptureTimeNs(e.capture_time_ns);
    list[i].setOffset(e.offset);
    list[i].setKind(e.type == RecordType::kDelta ? schema::FrameKind::DELTA
                                                 : schema::FrameKind::KEYFRAME);
  }
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  return std::string(reinterpret_cast<const char*>(bytes.begin()), bytes.size());
}

IndexBlock decode_index_block(std::string_view bytes) {
  if (bytes.size() % sizeof(capnp::word) != 0) throw TimelineError("index record is malformed");
  auto words = kj::heapArray<capnp::word>(bytes.size() / sizeof(capnp::word));
  std::memcpy(words.begin(), bytes.data(), bytes.size());
  IndexBlock block;
  try {
    capnp::FlatArrayMessageReader reader(words, model::reader_options_for(bytes.size()));
    auto root = reader.getRoot<schema::IndexBlock>();
    block.previous_index = root.getPreviousIndexOffset();
    for (auto e : root.getEntries()) {
      block.entries.push_back(
          {e.getFrame(), e.getCaptureTimeNs(), e.getOffset(),
           e.getKind() == schema::FrameKind::DELTA ? RecordType::kDelta : RecordType::kKeyframe});
    }
  } catch (const kj::Exception& e) {
    throw TimelineError(std::string("index record is malformed: ") + e.getDescription().cStr());
  }
  return block;
}

}  // namespace netsnap::timeline
