// The --filter language: the input is one expression. A filter that parses must print a
// canonical text that parses back to a filter keeping the very same sockets and flows of the
// sample snapshots.
#include "fuzz/fuzz_samples.h"
#include "fuzz/fuzz_targets.h"
#include "netsnap/analysis/socket_filter.h"

namespace netsnap::fuzz {
namespace {

model::Snapshot filtered(const analysis::SocketFilter& filter, const model::Snapshot& snapshot) {
  model::Snapshot copy = snapshot;
  analysis::apply_filter(filter, copy);
  return copy;
}

}  // namespace

int fuzz_socket_filter(const uint8_t* data, size_t size) {
  analysis::SocketFilter filter;
  try {
    filter = analysis::SocketFilter::parse(as_text(data, size));
  } catch (const analysis::FilterError&) {
    return 0;
  }
  std::string canonical = filter.to_string();
  analysis::SocketFilter again = analysis::SocketFilter::parse(canonical);
  FUZZ_CHECK(again.to_string() == canonical);
  FUZZ_CHECK(again.matches_everything() == filter.matches_everything());
  for (const model::Snapshot& sample : sample_snapshots())
    FUZZ_CHECK(filtered(filter, sample) == filtered(again, sample));
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_socket_filter)
