#include "netsnap/render/safe_text.h"

#include <csv.h>

namespace netsnap::render {
namespace {

std::string quoted_name(std::string_view name) { return "'" + printable(name) + "'"; }

// Why `name` cannot be one path component; nullptr when it can.
const char* file_name_problem(std::string_view name) {
  if (name.empty()) return "it is empty";
  if (name == "." || name == "..") return "it names a directory itself";
  if (name.find('/') != std::string_view::npos) return "it holds '/'";
  if (name.find('\0') != std::string_view::npos) return "it holds a NUL byte";
  return nullptr;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out(text);
  for (size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    auto next = i + 1 < out.size() ? static_cast<unsigned char>(out[i + 1]) : 0;
    if (c < 0x20 || c == 0x7f) {
      out[i] = '?';
    } else if (c == 0xc2 && next >= 0x80 && next <= 0x9f) {  // U+0080..U+009F in UTF-8
      out[i] = out[i + 1] = '?';
      ++i;
    }
  }
  return out;
}

std::string csv_text_field(std::string_view text) {
  std::string cell = printable(text);
  std::string out(csv_write(nullptr, 0, cell.data(), cell.size()), '\0');
  csv_write(out.data(), out.size(), cell.data(), cell.size());
  return out;
}

std::string_view file_name(std::string_view kind, std::string_view name) {
  if (const char* problem = file_name_problem(name))
    throw UnsafeFileName(std::string(kind) + " " + quoted_name(name) +
                         " cannot be a file name: " + problem);
  return name;
}

std::string warning_text(const model::CaptureWarning& warning) {
  std::string text = printable(warning.path);
  if (warning.line) text += ":" + std::to_string(warning.line);
  return text + ": " + printable(warning.message);
}

}  // namespace netsnap::render
