// Pairing the elements of two snapshots' lists that share a key, the first step of every part of
// the diff.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <utility>
#include <vector>

#include "netsnap/analysis/snapshot_diff.h"

namespace netsnap::analysis {

struct KeyedMatch {
  std::vector<std::pair<size_t, size_t>> matched;  // (before index, after index), after's order
  std::vector<size_t> before_only;                 // ascending
  std::vector<size_t> after_only;                  // ascending
};

// Pairs before[i] with after[j] when their keys are equal. A key that repeats is paired in order
// (first with first), so duplicates never vanish: the surplus lands in before_only or after_only.
template <typename Key>
KeyedMatch match_keys(const std::vector<Key>& before, const std::vector<Key>& after) {
  std::map<Key, std::deque<size_t>> waiting;
  for (size_t i = 0; i < before.size(); ++i) waiting[before[i]].push_back(i);
  KeyedMatch match;
  std::vector<bool> paired(before.size(), false);
  for (size_t j = 0; j < after.size(); ++j) {
    auto it = waiting.find(after[j]);
    if (it == waiting.end() || it->second.empty()) {
      match.after_only.push_back(j);
      continue;
    }
    paired[it->second.front()] = true;
    match.matched.emplace_back(it->second.front(), j);
    it->second.pop_front();
  }
  for (size_t i = 0; i < before.size(); ++i)
    if (!paired[i]) match.before_only.push_back(i);
  return match;
}

template <typename T, typename KeyOf>
auto keys_of(const std::vector<T>& items, KeyOf key_of) {
  std::vector<decltype(key_of(items.front()))> keys;
  keys.reserve(items.size());
  for (const T& item : items) keys.push_back(key_of(item));
  return keys;
}

template <typename T, typename KeyOf>
KeyedMatch match_by_key(const std::vector<T>& before, const std::vector<T>& after, KeyOf key_of) {
  return match_keys(keys_of(before, key_of), keys_of(after, key_of));
}

// Splits a match into a ListDiff: pairs for which `differs(before, after)` holds are changed.
template <typename T, typename Differs>
ListDiff<T> list_diff(const std::vector<T>& before, const std::vector<T>& after,
                      const KeyedMatch& match, Differs differs) {
  ListDiff<T> diff;
  for (size_t j : match.after_only) diff.added.push_back(after[j]);
  for (size_t i : match.before_only) diff.removed.push_back(before[i]);
  for (auto [i, j] : match.matched)
    if (differs(before[i], after[j])) diff.changed.push_back({before[i], after[j]});
  return diff;
}

}  // namespace netsnap::analysis
