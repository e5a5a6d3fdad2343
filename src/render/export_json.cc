// netsnap export --format json: each frame's whole snapshot through Cap'n Proto's own JsonCodec, so
// the document follows schema/snapshot.capnp field for field (camelCase names, enums by name) and
// grows with it without code here. Four adjustments make it usable from jq or a database:
//   - Data holding an address (4 or 16 bytes) becomes numeric text, "10.0.0.1" / "fe80::1"; empty
//     Data ("none") becomes null. (JsonCodec's default is an array of byte values.)
//   - Process.cmdline becomes an array of argument strings; Interface.hardwareAddress colon hex.
//   - As JsonCodec does for every 64-bit integer, UInt64/Int64 fields are strings ("1700000000...")
//     because JSON numbers are doubles and would lose precision.
//   - Text that is not valid UTF-8 (kernel paths, process names) gets U+FFFD for the bad bytes.
#include <capnp/compat/json.h>
#include <capnp/message.h>

#include <nlohmann/json.hpp>

#include "export_json.h"
#include "netsnap/model/snapshot_codec.h"

namespace netsnap::render {
namespace {

// JsonCodec copies Text bytes through as they are, but kernel text (unix paths, comm, cmdline) need
// not be UTF-8 and JSON must be. nlohmann-json's serializer does the validation, replacing invalid
// sequences with U+FFFD; its output is parsed back to hand JsonCodec the clean string.
std::string valid_utf8(std::string_view text) {
  std::string dumped = nlohmann::json(std::string(text))
                           .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return nlohmann::json::parse(dumped).get<std::string>();
}

std::string hex_bytes(capnp::Data::Reader data, std::string_view separator) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  for (size_t i = 0; i < data.size(); ++i) {
    if (i > 0) text += separator;
    text += kDigits[data[i] >> 4];
    text += kDigits[data[i] & 0xf];
  }
  return text;
}

// A handler for Data fields that only encodes: JSON is never read back into snapshots.
class DataEncoder : public capnp::JsonCodec::Handler<capnp::Data> {
 public:
  capnp::Orphan<capnp::Data> decode(const capnp::JsonCodec&, capnp::JsonValue::Reader,
                                    capnp::Orphanage) const final {
    KJ_UNIMPLEMENTED("netsnap exports JSON but does not import it");
  }
};

// Every Data field of the schema but the two below is an address (see the schema's header).
class AddressHandler : public DataEncoder {
 public:
  void encode(const capnp::JsonCodec&, capnp::Data::Reader input,
              capnp::JsonValue::Builder output) const override {
    std::string_view bytes(reinterpret_cast<const char*>(input.begin()), input.size());
    model::IpAddress address = model::IpAddress::from_bytes(bytes);
    if (input.size() == 0) {
      output.setNull();
    } else if (address.family() != model::IpAddress::Family::kNone) {
      output.setString(address.to_string());
    } else {
      output.setString(hex_bytes(input, ""));  // not an address after all: keep the bytes visible
    }
  }
};

// /proc/PID/cmdline: NUL-terminated arguments, each made valid UTF-8 like any Text.
class CmdlineHandler : public DataEncoder {
 public:
  void encode(const capnp::JsonCodec&, capnp::Data::Reader input,
              capnp::JsonValue::Builder output) const override {
    std::string_view rest(reinterpret_cast<const char*>(input.begin()), input.size());
    std::vector<std::string_view> args;
    while (!rest.empty()) {
      size_t end = rest.find('\0');
      args.push_back(rest.substr(0, end));
      rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
    }
    auto list = output.initArray(args.size());
    for (size_t i = 0; i < args.size(); ++i) list[i].setString(valid_utf8(args[i]));
  }
};

class HardwareAddressHandler : public DataEncoder {
 public:
  void encode(const capnp::JsonCodec&, capnp::Data::Reader input,
              capnp::JsonValue::Builder output) const override {
    output.setString(hex_bytes(input, ":"));
  }
};

class Utf8TextHandler : public capnp::JsonCodec::Handler<capnp::Text> {
 public:
  void encode(const capnp::JsonCodec&, capnp::Text::Reader input,
              capnp::JsonValue::Builder output) const override {
    output.setString(valid_utf8({input.cStr(), input.size()}));
  }
  capnp::Orphan<capnp::Text> decode(const capnp::JsonCodec&, capnp::JsonValue::Reader,
                                    capnp::Orphanage) const override {
    KJ_UNIMPLEMENTED("netsnap exports JSON but does not import it");
  }
};

// A JsonCodec keeps references to its handlers: they live together.
class SnapshotJson {
 public:
  SnapshotJson() {
    codec_.addTypeHandler(addresses_);
    codec_.addTypeHandler(text_);
    // Field handlers take precedence over the type handler for these two.
    codec_.addFieldHandler(field<schema::Process>("cmdline"), cmdline_);
    codec_.addFieldHandler(field<schema::Interface>("hardwareAddress"), hardware_);
  }

  // {"frame": N, "time": "...", "snapshot": {...}} on one line.
  std::string frame(const ExportFrame& frame) const {
    capnp::MallocMessageBuilder snapshot_message;
    model::to_capnp(*frame.snapshot, snapshot_message.initRoot<schema::Snapshot>());
    capnp::MallocMessageBuilder json_message;
    auto object = json_message.initRoot<capnp::JsonValue>().initObject(3);
    object[0].setName("frame");
    object[0].initValue().setNumber(static_cast<double>(frame.number));
    object[1].setName("time");
    object[1].initValue().setString(frame.time);
    object[2].setName("snapshot");
    codec_.encode(snapshot_message.getRoot<schema::Snapshot>().asReader(), object[2].initValue());
    return codec_.encodeRaw(json_message.getRoot<capnp::JsonValue>()).cStr();
  }

  std::string snapshot(const model::Snapshot& snapshot) const {
    capnp::MallocMessageBuilder message;
    model::to_capnp(snapshot, message.initRoot<schema::Snapshot>());
    return codec_.encode(message.getRoot<schema::Snapshot>().asReader()).cStr();
  }

 private:
  template <typename T>
  static capnp::StructSchema::Field field(kj::StringPtr name) {
    return capnp::Schema::from<T>().getFieldByName(name);
  }

  AddressHandler addresses_;
  Utf8TextHandler text_;
  CmdlineHandler cmdline_;
  HardwareAddressHandler hardware_;
  capnp::JsonCodec codec_;
};

// One JSON array, one frame per line: a reader can load the whole, and jq -c '.[]' or a line-wise
// tool can still take it frame by frame. Only the array's punctuation is written here.
class JsonExporter : public FrameExporter {
 public:
  explicit JsonExporter(std::ostream& out) : out_(out) {}

  void write_frame(const ExportFrame& frame) override {
    out_ << (first_ ? "[\n" : ",\n") << json_->frame(frame);
    first_ = false;
  }
  void finish() override { out_ << (first_ ? "[]\n" : "\n]\n") << std::flush; }

 private:
  std::ostream& out_;
  // Held by pointer: JsonCodec's destructor may throw (kj style), FrameExporter's may not.
  std::unique_ptr<SnapshotJson> json_ = std::make_unique<SnapshotJson>();
  bool first_ = true;
};

}  // namespace

std::string snapshot_to_json(const model::Snapshot& snapshot) {
  return SnapshotJson().snapshot(snapshot);
}

std::unique_ptr<FrameExporter> make_json_exporter(std::ostream& out) {
  return std::make_unique<JsonExporter>(out);
}

}  // namespace netsnap::render
