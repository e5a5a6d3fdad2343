#include "netsnap/model/flat_message.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace netsnap::model {
namespace {

kj::ArrayPtr<const capnp::word> words_of(std::string_view bytes, kj::Array<capnp::word>& copy) {
  if (bytes.size() % sizeof(capnp::word) != 0)
    throw std::runtime_error("message is not a whole number of 8-byte words");
  kj::ArrayPtr<const capnp::word> words(reinterpret_cast<const capnp::word*>(bytes.data()),
                                        bytes.size() / sizeof(capnp::word));
  if (reinterpret_cast<uintptr_t>(bytes.data()) % alignof(capnp::word) == 0) return words;
  copy = kj::heapArray<capnp::word>(words.size());
  std::memcpy(copy.begin(), bytes.data(), bytes.size());
  return copy;
}

capnp::ReaderOptions options_for(size_t message_bytes) {
  capnp::ReaderOptions options;
  options.traversalLimitInWords = std::max<uint64_t>(kTraversalFactor * (message_bytes / 8), 1024);
  return options;
}

}  // namespace

FlatMessage::FlatMessage(std::string_view bytes)
    : reader_(words_of(bytes, copy_), options_for(bytes.size())) {}

}  // namespace netsnap::model
