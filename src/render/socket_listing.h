// What the sections of netstat's socket listing share (NETSTAT-FORMAT.md §1.3, §2, §3.2): how a
// section's kernel files are opened, the -e/-p/-o row tail, and the row text primitives.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "netstat_modes.h"
#include "program_table.h"

namespace netsnap::render {

// One cycle of the listing: the context plus the -p table once it has been loaded.
class SocketListing {
 public:
  explicit SocketListing(const RenderContext& context) : context_(context) {}

  const RenderContext& context() const { return context_; }
  const NetstatOptions& options() const { return context_.options; }
  const model::Snapshot& snapshot() const { return context_.snapshot; }
  const NameLookup& names() const { return context_.names; }

  // Builds the -p table the first time a section needs it, writing its warning (§6).
  void load_programs(Output& output);
  // "PID/name" or "-" (only after load_programs with -p).
  std::string_view program(uint64_t inode) const { return programs_->find(inode); }
  bool shows_programs() const { return programs_.has_value(); }

  // The tail of an Internet or SCTP row: -e user and inode, -p program, -o timer, newline.
  void append_tail(std::string& line, uint32_t uid, uint64_t inode, std::string_view timer) const;

 private:
  const RenderContext& context_;
  std::optional<ProgramTable> programs_;
};

// How opening a section's first (IPv4, or only) kernel file went, per netstat's INFO_GUTS1.
struct SectionFile {
  bool readable = false;
  // 0 to go on; 1 when an explicitly selected family's file is missing (the section's status);
  // 255 when the file failed with another error, which ends the listing at once.
  int status = 0;
};

// Opens `path` ("proc/net/tcp") for the family `family` ("AF INET (tcp)"), writing the "no
// support" or perror message netstat would.
SectionFile open_section_file(const SocketListing& listing, std::string_view path,
                              std::string_view family, Output& output);
// netstat's "warning, got bogus WHAT line." for each malformed line capture found in `path`.
void warn_bogus_lines(const model::Snapshot& snapshot, std::string_view path, std::string_view what,
                      Output& output);

// A section's pair of kernel files and how netstat names them.
struct SectionFiles {
  std::string_view path4, path6;  // "proc/net/tcp", "proc/net/tcp6"
  std::string_view family;        // "AF INET (tcp)", for "no support" messages
  std::string_view bogus;         // "tcp", for bogus-line warnings; "" when the caller warns
};

// netstat's INFO_GUTS6: the IPv4 file (when inet is selected or nothing is), then the IPv6 file
// (when inet6 is or nothing is; silently skipped when missing). print_file(bool ipv6) prints one
// file's rows. Returns the section's status: 0, 1 (missing explicitly selected family) or 255
// (stop).
template <typename PrintFile>
int render_file_pair(const SocketListing& listing, const SectionFiles& files, Output& output,
                     PrintFile print_file) {
  const NetstatOptions& options = listing.options();
  auto print = [&](bool ipv6) {
    if (!files.bogus.empty())
      warn_bogus_lines(listing.snapshot(), ipv6 ? files.path6 : files.path4, files.bogus, output);
    print_file(ipv6);
  };
  int status = 0;
  if (options.explicit_count == 0 || options.inet) {
    SectionFile file = open_section_file(listing, files.path4, files.family, output);
    if (file.status == 255) return file.status;
    status = file.status;
    if (file.readable) print(false);
  }
  if ((options.explicit_count == 0 || options.inet6) &&
      listing.snapshot().open_error(files.path6) == 0) {
    print(true);
  }
  return status;
}

// tcp's state names, also used for SCTP socket states; "" for 0.
std::string_view tcp_state_name(uint32_t state);

// "Active Internet connections (...)" / "Active UNIX domain sockets (...)" title suffix.
std::string_view listing_scope(const NetstatOptions& options);

// Whether a row passes -l/-a/default filtering given whether it is a server (§3.5).
inline bool row_selected(const NetstatOptions& options, bool server) {
  return options.all || (options.listening ? server : !server);
}

int render_inet_sockets(const SocketListing& listing, model::InetProtocol protocol,
                        Output& output);                                // inet_socket_rows.cc
int render_sctp_sockets(const SocketListing& listing, Output& output);  // sctp_socket_rows.cc
int render_unix_sockets(const SocketListing& listing, Output& output);  // unix_socket_rows.cc

}  // namespace netsnap::render
