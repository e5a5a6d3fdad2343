// What a command prints, kept as ordered chunks for stdout and stderr so that it can be compared
// stream by stream (tests, the oracle) or written out in the order it was produced (the CLI).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace netsnap::render {

// Writes all of text to fd, retrying after EINTR; errno of the write that failed (EIO for a write
// that wrote nothing), or 0.
int write_fully(int fd, std::string_view text);

class Output {
 public:
  void out(std::string_view text) { append(false, text); }
  void err(std::string_view text) { append(true, text); }

  std::string stdout_text() const { return joined(false); }
  std::string stderr_text() const { return joined(true); }

  // A write that failed: the descriptor, and errno.
  struct WriteFailure {
    int fd = -1;
    int error_number = 0;
  };
  // Writes every chunk to its descriptor, in order, up to the first write that fails.
  std::optional<WriteFailure> write_to(int out_fd, int err_fd) const;
  // Appends other's chunks after this one's.
  void append(const Output& other);

 private:
  struct Chunk {
    bool to_stderr;
    std::string text;
  };
  void append(bool to_stderr, std::string_view text);
  std::string joined(bool to_stderr) const;

  std::vector<Chunk> chunks_;
};

}  // namespace netsnap::render
