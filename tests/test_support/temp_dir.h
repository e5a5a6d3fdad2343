// A scratch directory removed at the end of the test.
#pragma once

#include <filesystem>
#include <string>

namespace netsnap::testing {

class TempDir {
 public:
  TempDir();
  explicit TempDir(const std::filesystem::path& base);  // under base instead of $TMPDIR or /tmp
  ~TempDir();
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

// Memory-backed when the machine has /dev/shm: for tests that write thousands of frames, each of
// which the timeline writer syncs to disk.
std::filesystem::path fast_temp_base();

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);

}  // namespace netsnap::testing
