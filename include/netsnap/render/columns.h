// netstat's column primitives (NETSTAT-FORMAT.md conventions): L(w) left-aligned, R(w)
// right-aligned, both padded to at least w and never truncated; T(w) cut to w then padded.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace netsnap::render {

inline void append_left(std::string& line, std::string_view text, size_t width) {
  line.append(text);
  if (text.size() < width) line.append(width - text.size(), ' ');
}

inline void append_right(std::string& line, std::string_view text, size_t width) {
  if (text.size() < width) line.append(width - text.size(), ' ');
  line.append(text);
}

inline void append_truncated(std::string& line, std::string_view text, size_t width) {
  append_left(line, text.substr(0, width), width);
}

inline void append_right(std::string& line, uint64_t value, size_t width) {
  append_right(line, std::to_string(value), width);
}

inline void append_left(std::string& line, uint64_t value, size_t width) {
  append_left(line, std::to_string(value), width);
}

}  // namespace netsnap::render
