#include "netsnap/model/route_headers.h"

#include <algorithm>
#include <cstring>
#include <utility>

namespace netsnap::model {
namespace {

constexpr std::string_view kCacheColumns22[] = {
    "Iface", "Destination", "Gateway", "Flags", "RefCnt", "Use",     "Metric", "Source",
    "MTU",   "Window",      "IRTT",    "TOS",   "HHRef",  "HHUptod", "SpecDst"};
constexpr std::string_view kCacheColumns20[] = {
    "Iface",  "Destination", "Gateway", "Flags", "RefCnt", "Use", "Metric",
    "Source", "MTU",         "Window",  "IRTT",  "HH",     "ARP"};

}  // namespace

std::vector<std::string_view> header_columns(std::string_view header) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= header.size(); ++i) {
    if (i < header.size() && !std::strchr(" \t\n\r\v\f|", header[i])) continue;
    if (i > start) words.push_back(header.substr(start, i - start));
    start = i + 1;
  }
  return words;
}

std::string first_missing_column(std::string_view header, std::span<const std::string_view> names,
                                 std::vector<size_t>* positions) {
  std::vector<std::string_view> words = header_columns(header);
  auto next = words.begin();
  for (std::string_view name : names) {
    next = std::find(next, words.end(), name);
    if (next == words.end()) return std::string(name);
    if (positions) positions->push_back(static_cast<size_t>(next - words.begin()));
    ++next;
  }
  return "";
}

int route_cache_marks(std::string_view header) {
  constexpr std::pair<std::string_view, int> kMarks[] = {
      {"IRTT", 1},     {"TOS", 2}, {"HHRef", 4}, {"HHUptod", 8},
      {"SpecDst", 16}, {"HH", 32}, {"ARP", 64}};
  int marks = 0;
  for (auto [name, bit] : kMarks)
    if (header.find(name) != std::string_view::npos) marks |= bit;
  return marks;
}

RouteCacheLayout route_cache_layout(std::string_view header) {
  int marks = route_cache_marks(header);
  if (marks == 63) return RouteCacheLayout::kLinux22;
  if (marks == 97) return RouteCacheLayout::kLinux20;
  return RouteCacheLayout::kUnknown;
}

std::span<const std::string_view> route_cache_columns(RouteCacheLayout layout) {
  if (layout == RouteCacheLayout::kLinux22) return kCacheColumns22;
  if (layout == RouteCacheLayout::kLinux20) return kCacheColumns20;
  return {};
}

}  // namespace netsnap::model
