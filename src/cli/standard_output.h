// Where the commands' output goes, so that a write that fails (a full disk, a pipe whose reader
// left with SIGPIPE ignored, a closed descriptor) is never lost: std::cout writes to descriptor 1
// through a buffer that remembers the first error, rendered netstat output is written by
// write_output(), and run() turns either failure into "netsnap: write error on standard output:
// REASON" and the command's trouble status.
#pragma once

#include <ios>
#include <stdexcept>
#include <streambuf>

#include "netsnap/render/output.h"

namespace netsnap::cli {

// Output that could not be written; what() is the message, without "netsnap: ".
struct WriteError : std::runtime_error {
  WriteError(int fd, int error_number);
};

// While it lives, std::cout writes to descriptor 1 through a buffer that keeps errno of the first
// write that failed (and drops what follows: nothing after a lost piece is worth writing).
class StandardOutput {
 public:
  StandardOutput();
  ~StandardOutput();
  StandardOutput(const StandardOutput&) = delete;
  StandardOutput& operator=(const StandardOutput&) = delete;

 private:
  std::streambuf* saved_;
  std::ios::fmtflags saved_flags_;
};

// Writes what std::cout holds; throws WriteError when anything written to it was lost.
void flush_standard_output();

// Writes output's chunks, stdout's and stderr's in the order they were made, after what std::cout
// holds; throws WriteError at the first write that fails.
void write_output(const render::Output& output);

}  // namespace netsnap::cli
