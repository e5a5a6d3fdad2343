// The loop every line-per-record kernel table shares: each non-blank line from first_line on is
// one record; a line the parser rejects becomes a warning naming its 1-based line number, and
// the lines after it are still read.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "netsnap/capture/diagnostics.h"
#include "netsnap/capture/text_scan.h"

namespace netsnap::capture {

using Fields = std::vector<std::string_view>;

// parse is called as parse(fields, record), or parse(line, fields, record) when it needs the
// raw line too, and returns "" on success or what was wrong. Each record starts as a copy of
// prototype, so callers can preset what the file itself implies (protocol, family).
template <typename Record, typename Parse>
void parse_records(std::string_view text, std::string_view path, size_t first_line,
                   std::vector<Record>& out, Diagnostics& diag, Parse parse,
                   const Record& prototype = Record{}) {
  auto lines = split_lines(text);
  for (size_t n = first_line; n < lines.size(); ++n) {
    Fields fields = split_fields(lines[n]);
    if (fields.empty()) continue;
    Record record = prototype;
    std::string error;
    if constexpr (std::is_invocable_v<Parse, const Fields&, Record&>) {
      error = parse(fields, record);
    } else {
      error = parse(lines[n], fields, record);
    }
    if (!error.empty()) {
      diag.malformed(path, static_cast<uint32_t>(n + 1), error);
      continue;
    }
    out.push_back(std::move(record));
  }
}

}  // namespace netsnap::capture
