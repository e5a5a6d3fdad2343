#include "socket_listing.h"

#include <cerrno>
#include <cstring>

#include "netsnap/render/columns.h"

namespace netsnap::render {
void SocketListing::load_programs(Output& output) {
  if (!options().programs || programs_) return;
  programs_.emplace(snapshot());
  output.err(program_table_warning(snapshot(), *programs_));
}

void SocketListing::append_tail(std::string& line, uint32_t uid, uint64_t inode,
                                std::string_view timer) const {
  if (options().extend > 0) {
    line += ' ';
    const std::string* user = options().numeric_users ? nullptr : names().user(uid);
    if (user) {
      append_left(line, *user, 10);
    } else {
      append_left(line, static_cast<int32_t>(uid), 10);
    }
    line += ' ';
    append_left(line, inode, 10);
  }
  if (programs_) {
    line += ' ';
    append_left(line, programs_->find(inode), 20);
  }
  if (options().timers) {
    line += ' ';
    line.append(timer);
  }
  line += '\n';
}

SectionFile open_section_file(const SocketListing& listing, std::string_view path,
                              std::string_view family, Output& output) {
  int error = listing.snapshot().open_error(path);
  if (error == 0) return {true, 0};
  // EACCES is taken for a missing file; any other error is perror'd and ends the listing.
  if (error != EACCES && error != ENOENT) {
    output.err(perror_line(proc_path(path), error));
    return {false, 255};
  }
  const NetstatOptions& o = listing.options();
  if (o.missing_files_silent) return {false, 0};
  if (o.explicit_count > 0 || o.verbose) {
    output.err("netstat: no support for `" + std::string(family) + "' on this system.\n");
  }
  return {false, o.explicit_count > 0 ? 1 : 0};
}

void warn_bogus_lines(const model::Snapshot& snapshot, std::string_view path, std::string_view what,
                      Output& output) {
  for (const model::CaptureWarning& w : snapshot.warnings) {
    if (w.kind != model::WarningKind::kMalformedLine || w.path != path) continue;
    output.err("warning, got bogus ");
    output.err(what);
    output.err(" line.\n");
  }
}

std::string_view tcp_state_name(uint32_t state) {
  // Past CLOSING netstat 2.10 indexes beyond its table; the next four entries are NET/ROM's state
  // names (verified), after that it prints memory garbage or crashes.
  static constexpr std::string_view kNames[] = {
      "",          "ESTABLISHED", "SYN_SENT",   "SYN_RECV",   "FIN_WAIT1", "FIN_WAIT2",
      "TIME_WAIT", "CLOSE",       "CLOSE_WAIT", "LAST_ACK",   "LISTEN",    "CLOSING",
      "LISTENING", "CONN SENT",   "DISC SENT",  "ESTABLISHED"};
  return state < std::size(kNames) ? kNames[state] : "UNKNOWN";
}

std::string_view listing_scope(const NetstatOptions& options) {
  if (options.all) return "(servers and established)";
  return options.listening ? "(only servers)" : "(w/o servers)";
}

}  // namespace netsnap::render
