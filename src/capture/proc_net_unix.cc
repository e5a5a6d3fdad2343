// /proc/net/unix:
//
//   Num       RefCount Protocol Flags    Type St Inode Path
//   0000000000000000: 00000002 00000000 00010000 0001 01 15161 /run/systemd/private
//
// The path is everything after the space that follows the inode, kept verbatim (spaces included).
#include "netsnap/capture/proc_parsers.h"
#include "netsnap/capture/record_lines.h"

namespace netsnap::capture {
namespace {

// Position just past the n-th whitespace-separated field of line, or npos.
size_t end_of_field(std::string_view line, int n) {
  size_t i = 0;
  for (int field = 0; field < n; ++field) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    if (i == line.size()) return std::string_view::npos;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
  }
  return i;
}

std::string parse_line(std::string_view line, const Fields& f, bool has_inode,
                       model::UnixSocket& s) {
  const size_t fixed = has_inode ? 7 : 6;
  if (f.size() < fixed) return "expected at least " + std::to_string(fixed) + " fields";
  std::string_view num = f[0];
  if (num.back() != ':') return "address field '" + std::string(num) + "' lacks ':'";
  auto address = parse_hex(num.substr(0, num.size() - 1));
  auto ref = parse_hex(f[1]), protocol = parse_hex(f[2]), flags = parse_hex(f[3]);
  auto type = parse_hex(f[4]), state = parse_hex(f[5]);
  if (!address || !ref || !protocol || !flags || !type || !state)
    return "bad number in '" + std::string(line) + "'";
  // The address (a pointer hashed per boot, printed by no netstat mode) is checked, not kept.
  s.ref_count = static_cast<uint32_t>(*ref);
  s.protocol = static_cast<uint32_t>(*protocol);
  s.flags = static_cast<uint32_t>(*flags);
  s.type = static_cast<uint32_t>(*type);
  s.state = static_cast<uint32_t>(*state);
  if (has_inode) {
    auto inode = parse_dec(f[6]);
    if (!inode) return "bad inode '" + std::string(f[6]) + "'";
    s.inode = *inode;
  }
  size_t end = end_of_field(line, static_cast<int>(fixed));
  if (end != std::string_view::npos && end + 1 < line.size()) s.path = line.substr(end + 1);
  return "";
}

}  // namespace

void parse_proc_net_unix(std::string_view text, std::string_view path,
                         std::vector<model::UnixSocket>& out, bool& has_inode_column,
                         Diagnostics& diag) {
  std::string_view header = text.substr(0, text.find('\n'));
  has_inode_column = header.find("Inode") != std::string_view::npos;
  parse_records(text, path, 1, out, diag,
                [&](std::string_view line, const Fields& f, model::UnixSocket& s) {
                  return parse_line(line, f, has_inode_column, s);
                });
}

}  // namespace netsnap::capture
