// A flat (unpacked) Cap'n Proto message read from bytes that came from a file, so from anyone:
// every message netsnap reads (frames, index records) is read through this one class, with the
// same traversal limit.
#pragma once

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <kj/array.h>

#include <cstdint>
#include <string_view>

namespace netsnap::model {

// How much of a message a reader may traverse: a few times its own size, so that a message whose
// pointers all lead to one large text (or that claims a long list of empty structs) fails with
// "read limit exceeded" instead of costing gigabytes.
inline constexpr uint64_t kTraversalFactor = 4;

class FlatMessage {
 public:
  // bytes must outlive the message. They are read in place when 8-byte aligned (a decompressed
  // frame is: std::string's heap buffers are), copied otherwise. Throws std::runtime_error when
  // they are not a whole number of words, kj::Exception when they are not a message.
  explicit FlatMessage(std::string_view bytes);

  // Throws kj::Exception for a message that does not hold a T or exceeds the traversal limit.
  template <typename T>
  typename T::Reader root() {
    return reader_.getRoot<T>();
  }

 private:
  kj::Array<capnp::word> copy_;  // only for unaligned bytes
  capnp::FlatArrayMessageReader reader_;
};

}  // namespace netsnap::model
