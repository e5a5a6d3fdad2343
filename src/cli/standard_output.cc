#include "standard_output.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>

namespace netsnap::cli {
namespace {

std::string stream_name(int fd) {
  if (fd == STDOUT_FILENO) return "standard output";
  if (fd == STDERR_FILENO) return "standard error";
  return "descriptor " + std::to_string(fd);
}

// std::cout's buffer: 64 KiB, written to a descriptor with write(2), so that errno is seen where
// it is set (stdio's buffer forgets a failed write, and fflush() then succeeds).
class DescriptorBuffer : public std::streambuf {
 public:
  explicit DescriptorBuffer(int fd) : fd_(fd) { setp(buffer_, buffer_ + sizeof buffer_); }
  int fd() const { return fd_; }
  int error_number() const { return error_number_; }

 protected:
  int overflow(int c) override {
    if (!drain()) return traits_type::eof();
    if (c != traits_type::eof()) {
      *pptr() = static_cast<char>(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

 private:
  bool drain() {
    if (!error_number_)
      error_number_ = render::write_fully(fd_, std::string_view(pbase(), pptr() - pbase()));
    setp(buffer_, buffer_ + sizeof buffer_);
    return error_number_ == 0;
  }

  int fd_;
  int error_number_ = 0;
  char buffer_[1 << 16];
};

std::unique_ptr<DescriptorBuffer> active_buffer;  // while a StandardOutput lives

}  // namespace

WriteError::WriteError(int fd, int error_number)
    : std::runtime_error("write error on " + stream_name(fd) + ": " + std::strerror(error_number)) {
}

StandardOutput::StandardOutput() {
  active_buffer = std::make_unique<DescriptorBuffer>(STDOUT_FILENO);
  saved_ = std::cout.rdbuf(active_buffer.get());
  // On a terminal, text shows as it is printed, as stdio's line buffering did.
  saved_flags_ = std::cout.flags();
  if (::isatty(STDOUT_FILENO)) std::cout.setf(std::ios::unitbuf);
}

StandardOutput::~StandardOutput() {
  std::cout.flush();
  std::cout.rdbuf(saved_);
  std::cout.flags(saved_flags_);
  std::cout.clear();
  active_buffer.reset();
}

void flush_standard_output() {
  std::cout.flush();
  if (active_buffer && active_buffer->error_number())
    throw WriteError(active_buffer->fd(), active_buffer->error_number());
}

void write_output(const render::Output& output) {
  flush_standard_output();
  if (auto failure = output.write_to(STDOUT_FILENO, STDERR_FILENO))
    throw WriteError(failure->fd, failure->error_number);
}

}  // namespace netsnap::cli
