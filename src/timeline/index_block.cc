#include "netsnap/timeline/index_block.h"

#include <capnp/message.h>
#include <capnp/serialize.h>

#include <cstring>

#include "netsnap/model/flat_message.h"
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
  IndexBlock block;
  try {
    model::FlatMessage message(bytes);
    auto root = message.root<schema::IndexBlock>();
    block.previous_index = root.getPreviousIndexOffset();
    for (auto e : root.getEntries()) {
      block.entries.push_back(
          {e.getFrame(), e.getCaptureTimeNs(), e.getOffset(),
           e.getKind() == schema::FrameKind::DELTA ? RecordType::kDelta : RecordType::kKeyframe});
    }
  } catch (const kj::Exception& e) {
    throw TimelineError(std::string("index record is malformed: ") + e.getDescription().cStr());
  } catch (const std::runtime_error& e) {
    throw TimelineError(std::string("index record is malformed: ") + e.what());
  }
  return block;
}

}  // namespace netsnap::timeline
