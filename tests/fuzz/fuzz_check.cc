#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_targets.h"

namespace netsnap::fuzz {

void check_failed(const char* condition, const char* file, int line) {
  std::fprintf(stderr, "%s:%d: fuzz check failed: %s\n", file, line, condition);
  std::abort();
}

}  // namespace netsnap::fuzz
