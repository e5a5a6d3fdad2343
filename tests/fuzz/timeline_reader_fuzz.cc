// A timeline file from a stranger: the input is the whole file. Whatever opens is read frame by
// frame, as `netsnap dump` and `show` would; a TimelineError is the only acceptable complaint.
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "fuzz/fuzz_targets.h"
#include "netsnap/timeline/timeline.h"

namespace netsnap::fuzz {
namespace {

// A memory file holding the input, reachable by a path as the reader wants one. One for the
// whole run, rewritten for each input.
class MemoryFile {
 public:
  MemoryFile() : fd_(memfd_create("netsnap-fuzz", MFD_CLOEXEC)) {
    if (fd_ < 0) throw std::runtime_error(std::string("memfd_create: ") + std::strerror(errno));
  }
  std::string path() const { return "/proc/self/fd/" + std::to_string(fd_); }
  void hold(const uint8_t* data, size_t size) {
    if (ftruncate(fd_, 0) != 0) throw std::runtime_error("ftruncate failed");
    for (size_t done = 0; done < size;) {
      ssize_t n = pwrite(fd_, data + done, size - done, static_cast<off_t>(done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw std::runtime_error("pwrite failed");
      done += static_cast<size_t>(n);
    }
  }

 private:
  int fd_;
};

}  // namespace

int fuzz_timeline_reader(const uint8_t* data, size_t size) {
  static MemoryFile file;
  file.hold(data, size);
  try {
    timeline::TimelineReader reader(file.path());
    FUZZ_CHECK(reader.valid_end() <= reader.file_size());
    for (size_t i = 0; i < reader.frames().size(); ++i) {
      try {
        reader.read_frame(i);
      } catch (const timeline::TimelineError&) {
      }
    }
  } catch (const timeline::TimelineError&) {
  }
  return 0;
}

}  // namespace netsnap::fuzz

NETSNAP_FUZZ_ENTRY(netsnap::fuzz::fuzz_timeline_reader)
