#include "netsnap/render/output.h"

#include <unistd.h>

#include <cerrno>

namespace netsnap::render {

void Output::append(bool to_stderr, std::string_view text) {
  if (text.empty()) return;
  if (chunks_.empty() || chunks_.back().to_stderr != to_stderr)
    chunks_.push_back({to_stderr, std::string()});
  chunks_.back().text.append(text);
}

void Output::append(const Output& other) {
  for (const Chunk& c : other.chunks_) append(c.to_stderr, c.text);
}

std::string Output::joined(bool to_stderr) const {
  std::string text;
  for (const Chunk& c : chunks_)
    if (c.to_stderr == to_stderr) text += c.text;
  return text;
}

int write_fully(int fd, std::string_view text) {
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return errno;
    if (n == 0) return EIO;
    done += static_cast<size_t>(n);
  }
  return 0;
}

std::optional<Output::WriteFailure> Output::write_to(int out_fd, int err_fd) const {
  for (const Chunk& c : chunks_) {
    int fd = c.to_stderr ? err_fd : out_fd;
    if (int error = write_fully(fd, c.text)) return WriteFailure{fd, error};
  }
  return std::nullopt;
}

}  // namespace netsnap::render
