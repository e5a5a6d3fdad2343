// Converts the model to and from the Cap'n Proto messages of schema/snapshot.capnp. This file and
// the timeline are the only places that see generated Cap'n Proto types.
#pragma once

#include <string>
#include <string_view>

#include "netsnap/model/snapshot.h"
#include "schema/snapshot.capnp.h"

namespace netsnap::model {

void to_capnp(const Snapshot& snapshot, schema::Snapshot::Builder out);
Snapshot from_capnp(schema::Snapshot::Reader in);

// A whole message as flat (unpacked) Cap'n Proto bytes, and back. decode_snapshot throws
// std::runtime_error on bytes that are not a valid message.
std::string encode_snapshot(const Snapshot& snapshot);
Snapshot decode_snapshot(std::string_view bytes);

// A message in Cap'n Proto's text format, as `capnp decode` prints it and `capnp encode` reads it.
std::string snapshot_message_to_text(std::string_view bytes);

}  // namespace netsnap::model
