#include "test_support/fixture_roots.h"

#include <algorithm>

namespace netsnap::testing {
namespace {

namespace fs = std::filesystem;

fs::path fixtures_dir() { return fs::path(NETSNAP_SOURCE_DIR) / "fixtures"; }

bool is_root(const fs::path& dir) { return fs::is_directory(dir / "proc"); }

}  // namespace

std::vector<fs::path> fixture_roots() {
  std::vector<fs::path> roots;
  for (const auto& entry : fs::directory_iterator(fixtures_dir())) {
    if (is_root(entry.path())) {
      roots.push_back(entry.path());
    } else if (entry.is_directory()) {
      for (const auto& inner : fs::directory_iterator(entry.path()))
        if (is_root(inner.path())) roots.push_back(inner.path());
    }
  }
  std::sort(roots.begin(), roots.end());
  return roots;
}

std::string fixture_name(const fs::path& root) {
  return fs::relative(root, fixtures_dir()).string();
}

}  // namespace netsnap::testing
