// Text that came from a file or the kernel (interface, process, host, service and user names, unix
// socket paths, capture warnings) is data: a timeline can come from anyone, and so can the /proc
// text behind it. Before such text reaches a terminal, a CSV cell or a file-system path it goes
// through the one function for that sink, here. (JSON is escaped by its library, `dump` by Cap'n
// Proto's text format.)
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "netsnap/model/snapshot.h"

namespace netsnap::render {

// For a terminal: each byte below 0x20 and DEL (0x7f), which could start an escape sequence, move
// the cursor or end a line, becomes '?' (netstat -p's deviation, README), and so does each byte of
// a C1 control character in UTF-8 (U+0080..U+009F, e.g. U+009B, which xterm takes for CSI). Other
// UTF-8 is left alone. The length in bytes is kept, so netstat's columns line up as they would
// have.
std::string printable(std::string_view text);

// For a CSV cell: the text with control characters as printable() gives them (a CSV file is read
// with cat and less as often as by a loader), quoted as RFC 4180 says (libcsv: embedded quotes
// doubled). Exact bytes are in the json and jsonl formats.
std::string csv_text_field(std::string_view text);

// A name that cannot be a file name: what() is one line, naming the kind of entry and the name
// (printable).
struct UnsafeFileName : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// For a file-system path: `name` as one path component, or UnsafeFileName when it is empty, "." or
// "..", or holds '/' or NUL, any of which could lead a path out of its directory. `kind` names the
// entry for the message ("interface name").
std::string_view file_name(std::string_view kind, std::string_view name);

// A capture warning as one line for a terminal, without the newline: "PATH[:LINE]: MESSAGE".
std::string warning_text(const model::CaptureWarning& warning);

}  // namespace netsnap::render
