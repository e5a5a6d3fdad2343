// The UNIX domain socket section of the listing (NETSTAT-FORMAT.md §5).
#include <cstdlib>

#include "netsnap/render/columns.h"
#include "netsnap/render/safe_text.h"
#include "socket_listing.h"

namespace netsnap::render {
namespace {

constexpr uint32_t kAcceptConnections = 1 << 16;  // SO_ACCEPTCON: listening
constexpr uint32_t kWaitData = 1 << 17;
constexpr uint32_t kNoSpace = 1 << 18;
constexpr uint32_t kUnconnected = 1;  // SS_UNCONNECTED

bool is_server(const model::UnixSocket& s) {
  return s.state == kUnconnected && (s.flags & kAcceptConnections);
}

std::string_view type_name(uint32_t type) {
  static constexpr std::string_view kNames[] = {"UNKNOWN", "STREAM", "DGRAM",
                                                "RAW",     "RDM",    "SEQPACKET"};
  return type < std::size(kNames) ? kNames[type] : "UNKNOWN";
}

std::string_view state_name(const model::UnixSocket& s) {
  switch (s.state) {
    case 0:
      return "FREE";
    case kUnconnected:
      return (s.flags & kAcceptConnections) ? "LISTENING" : "";
    case 2:
      return "CONNECTING";
    case 3:
      return "CONNECTED";
    case 4:
      return "DISCONNECTING";
    default:
      return "UNKNOWN";
  }
}

void append_flags(std::string& line, uint32_t flags) {
  size_t start = line.size();
  line.append("[ ");
  if (flags & kAcceptConnections) line.append("ACC ");
  if (flags & kWaitData) line.append("W ");
  if (flags & kNoSpace) line.append("N ");
  line += ']';
  pad_from(line, start, 11);
}

bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// netstat reads the path with sscanf's %s: the first whitespace-delimited word.
std::string_view first_word(std::string_view text) {
  size_t begin = 0;
  while (begin < text.size() && is_space(text[begin])) ++begin;
  size_t end = begin;
  while (end < text.size() && !is_space(text[end])) ++end;
  return text.substr(begin, end - begin);
}

// Without an Inode column netstat still scans a number where the inode would be and shows it in
// place of the path; capture kept that text as the path.
std::string inode_in_place_of_path(const model::UnixSocket& s) {
  std::string word(first_word(s.path));
  return std::to_string(std::strtoul(word.c_str(), nullptr, 10));
}

void append_row(std::string& line, const SocketListing& listing, const model::UnixSocket& s,
                bool has_inode) {
  append_left(line, s.protocol == 0 ? "unix" : "??", 5);
  line += ' ';
  append_left(line, static_cast<int64_t>(s.ref_count), 6);
  line += ' ';
  append_flags(line, s.flags);
  line += ' ';
  append_left(line, type_name(s.type), 10);
  line += ' ';
  append_left(line, state_name(s), 13);
  line += ' ';
  if (has_inode) {
    append_left(line, s.inode, 8);
  } else {
    line.append("-       ");
  }
  if (listing.shows_programs()) {
    line += ' ';
    append_left(line, has_inode ? listing.program(s.inode) : "-", 20);
  }
  line += ' ';
  if (has_inode) {
    line.append(printable(first_word(s.path)));
  } else {
    line.append(inode_in_place_of_path(s));
  }
  line += '\n';
}

std::string header(const SocketListing& listing) {
  std::string text = "Active UNIX domain sockets ";
  text.append(listing_scope(listing.options()));
  text.append("\nProto RefCnt Flags       Type       State         I-Node  ");
  if (listing.shows_programs()) text.append(" PID/Program name    ");
  text.append(" Path\n");
  return text;
}

}  // namespace

int render_unix_sockets(const SocketListing& listing, Output& output) {
  output.out(header(listing));
  SectionFile file = open_section_file(listing, "proc/net/unix", "AF UNIX", output);
  if (!file.readable) return file.status;
  const model::Snapshot& snapshot = listing.snapshot();
  warn_bogus_lines(snapshot, "proc/net/unix", "unix", output);
  bool has_inode = snapshot.unix_has_inode_column;
  std::string line;
  for (const model::UnixSocket& s : snapshot.unix_sockets) {
    if (!row_selected(listing.options(), is_server(s))) continue;
    line.clear();
    append_row(line, listing, s, has_inode);
    output.out(line);
  }
  return 0;
}

}  // namespace netsnap::render
