// netstat's column primitives (NETSTAT-FORMAT.md conventions): L(w) left-aligned, R(w)
// right-aligned, both padded to at least w and never truncated; T(w) cut to w then padded.
// Numbers are appended without a temporary string: the socket listing writes tens of thousands
// of rows.
#pragma once

#include <charconv>
#include <concepts>
#include <cstddef>
#include <string>
#include <string_view>

namespace netsnap::render {

// Pads what was appended to `line` since `start` to at least `width`.
inline void pad_from(std::string& line, size_t start, size_t width) {
  size_t length = line.size() - start;
  if (length < width) line.append(width - length, ' ');
}

inline void append_left(std::string& line, std::string_view text, size_t width) {
  size_t start = line.size();
  line.append(text);
  pad_from(line, start, width);
}

inline void append_right(std::string& line, std::string_view text, size_t width) {
  if (text.size() < width) line.append(width - text.size(), ' ');
  line.append(text);
}

inline void append_truncated(std::string& line, std::string_view text, size_t width) {
  append_left(line, text.substr(0, width), width);
}

// Decimal text, as printf's %d / %u / %lu of the value's own type.
template <std::integral T>
void append_number(std::string& line, T value) {
  char buffer[24];
  line.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
}

template <std::integral T>
void append_left(std::string& line, T value, size_t width) {
  size_t start = line.size();
  append_number(line, value);
  pad_from(line, start, width);
}

template <std::integral T>
void append_right(std::string& line, T value, size_t width) {
  char buffer[24];
  std::string_view text(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
  append_right(line, text, width);
}

}  // namespace netsnap::render
