// /proc/net/sctp/{eps,assocs}: one endpoint or association a line after a header line.
//
//    ENDPT     SOCK   STY SST HBKT LPORT   UID INODE LADDRS
//   ffff88810a4c9000 ffff88810b2b9800 2   10  29   5000      0 31337 *10.0.0.7 192.168.1.7
//
// Association lines have ASSOC SOCK STY SST ST HBKT ASSOC-ID TX_QUEUE RX_QUEUE UID INODE LPORT
// RPORT, the local addresses, "<->", the remote addresses, then (after a tab) heartbeat
// interval, streams, timers and buffer sizes, which are kept verbatim. Addresses are text; a
// leading '*' marks the primary one.
#include <algorithm>
#include <limits>
#include <string>

#include "netsnap/capture/proc_parsers.h"
#include "netsnap/capture/record_lines.h"

namespace netsnap::capture {
namespace {

using model::SctpAddress;
using model::SctpAssociation;
using model::SctpEndpoint;

// Reads the leading fields in order, each into a model field it must fit. The first field that
// is missing or does not parse becomes the error, and the fields after it are left alone.
class FieldReader {
 public:
  explicit FieldReader(const Fields& fields) : fields_(fields) {}

  template <typename T>
  FieldReader& hex(const char* name, T& field) {
    return read(name, 16, field);
  }
  template <typename T>
  FieldReader& dec(const char* name, T& field) {
    return read(name, 10, field);
  }
  size_t next() const { return next_; }
  const std::string& error() const { return error_; }

 private:
  template <typename T>
  FieldReader& read(const char* name, int base, T& field) {
    if (!error_.empty()) return *this;
    if (next_ >= fields_.size()) {
      error_ = std::string("line ends before the ") + name;
      return *this;
    }
    std::string_view token = fields_[next_++];
    auto value = base == 16 ? parse_hex(token) : parse_dec(token);
    if (!value || *value > std::numeric_limits<T>::max()) {
      error_ = std::string("bad ") + name + " '" + std::string(token) + "'";
      return *this;
    }
    field = static_cast<T>(*value);
    return *this;
  }

  const Fields& fields_;
  size_t next_ = 0;
  std::string error_;
};

// "10.0.0.7", "2001:0db8:0000:0000:0000:0000:0000:0001", or either with a leading '*' (primary).
std::optional<SctpAddress> parse_address(std::string_view token) {
  SctpAddress a;
  if (!token.empty() && token.front() == '*') {
    a.primary = true;
    token.remove_prefix(1);
  }
  auto address = model::IpAddress::parse(token);
  if (!address) return std::nullopt;
  a.address = *address;
  return a;
}

// Every field in [begin, end) must be an address. Returns an error text, or "" on success.
std::string parse_addresses(const Fields& f, size_t begin, size_t end,
                            std::vector<SctpAddress>& out) {
  for (size_t i = begin; i < end; ++i) {
    auto a = parse_address(f[i]);
    if (!a) return "bad address '" + std::string(f[i]) + "'";
    out.push_back(*a);
  }
  return "";
}

std::string join_from(const Fields& f, size_t begin) {
  std::string joined;
  for (size_t i = begin; i < f.size(); ++i) {
    if (!joined.empty()) joined += ' ';
    joined += f[i];
  }
  return joined;
}

std::string parse_endpoint(const Fields& f, SctpEndpoint& e) {
  FieldReader r(f);
  r.hex("endpoint pointer", e.endpoint_address)
      .hex("socket pointer", e.socket_address)
      .dec("style", e.style)
      .dec("socket state", e.socket_state)
      .dec("hash bucket", e.hash_bucket)
      .dec("local port", e.local_port)
      .dec("uid", e.uid)
      .dec("inode", e.inode);
  if (!r.error().empty()) return r.error();
  return parse_addresses(f, r.next(), f.size(), e.local_addresses);
}

// Remote addresses run from after "<->" to the first field that is not an address; the rest is
// the association's tail.
std::string parse_remote_side(const Fields& f, size_t begin, SctpAssociation& a) {
  size_t i = begin;
  for (; i < f.size(); ++i) {
    auto address = parse_address(f[i]);
    if (!address && f[i].front() == '*') return "bad address '" + std::string(f[i]) + "'";
    if (!address) break;
    a.remote_addresses.push_back(*address);
  }
  a.extra_fields = join_from(f, i);
  return "";
}

std::string parse_association(const Fields& f, SctpAssociation& a) {
  FieldReader r(f);
  r.hex("association pointer", a.association_address)
      .hex("socket pointer", a.socket_address)
      .dec("style", a.style)
      .dec("socket state", a.socket_state)
      .dec("association state", a.association_state)
      .dec("hash bucket", a.hash_bucket)
      .dec("association id", a.association_id)
      .dec("tx queue", a.tx_queue)
      .dec("rx queue", a.rx_queue)
      .dec("uid", a.uid)
      .dec("inode", a.inode)
      .dec("local port", a.local_port)
      .dec("remote port", a.remote_port);
  if (!r.error().empty()) return r.error();
  auto arrow = std::find(f.begin() + r.next(), f.end(), "<->");
  if (arrow == f.end()) return "no '<->' between local and remote addresses";
  size_t middle = arrow - f.begin();
  std::string error = parse_addresses(f, r.next(), middle, a.local_addresses);
  if (!error.empty()) return error;
  return parse_remote_side(f, middle + 1, a);
}

}  // namespace

void parse_proc_net_sctp_eps(std::string_view text, std::string_view path, bool ipv6,
                             std::vector<SctpEndpoint>& out, Diagnostics& diag) {
  SctpEndpoint prototype;
  prototype.ipv6 = ipv6;
  parse_records(text, path, 1, out, diag, parse_endpoint, prototype);
}

void parse_proc_net_sctp_assocs(std::string_view text, std::string_view path, bool ipv6,
                                std::vector<SctpAssociation>& out, Diagnostics& diag) {
  SctpAssociation prototype;
  prototype.ipv6 = ipv6;
  parse_records(text, path, 1, out, diag, parse_association, prototype);
}

}  // namespace netsnap::capture
