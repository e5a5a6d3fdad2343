// printf into a std::string, as long as it needs to be.
#pragma once

#include <string>

namespace netsnap::render {

std::string strprintf(const char* format, ...) __attribute__((format(printf, 1, 2)));

}  // namespace netsnap::render
