// Protocol counters.
//
// /proc/net/snmp and /proc/net/netstat: each section is a pair of lines, keys then values.
//
//   Tcp: RtoAlgorithm RtoMin RtoMax MaxConn ActiveOpens ...
//   Tcp: 1 200 120000 -1 2112 ...
//
// /proc/net/snmp6 and /proc/net/sctp/snmp: one "Key<spaces><tab>value" a line.
//
//   Ip6InReceives                   1
//   SctpCurrEstab                   0
#include <optional>
#include <string>

#include "netsnap/capture/proc_parsers.h"
#include "netsnap/capture/text_scan.h"

namespace netsnap::capture {
namespace {

using model::StatCounter;
using model::StatSection;
using Fields = std::vector<std::string_view>;

// Unsigned 64-bit decimal as netstat reads it (strtoull): "-1" wraps to 2^64 - 1.
std::optional<uint64_t> parse_counter(std::string_view token) {
  if (token.empty() || token.front() != '-') return parse_dec(token);
  auto magnitude = parse_dec(token.substr(1));
  if (!magnitude) return std::nullopt;
  return uint64_t{0} - *magnitude;
}

// "Tcp: a b c" -> title "Tcp" and its words.
struct TitledLine {
  std::string_view title;
  Fields words;
};

std::optional<TitledLine> split_titled(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  TitledLine titled{line.substr(0, colon), split_fields(line.substr(colon + 1))};
  if (titled.title.empty() || titled.title.find_first_of(" \t") != std::string_view::npos) {
    return std::nullopt;
  }
  return titled;
}

// Both lines of a pair already share their title. Returns an error text, or "" on success.
std::string parse_pair(const TitledLine& keys, const TitledLine& values, StatSection& section) {
  if (keys.words.size() != values.words.size()) {
    return quoted(keys.title) + " has " + std::to_string(keys.words.size()) + " keys but " +
           std::to_string(values.words.size()) + " values";
  }
  section.name = std::string(keys.title);
  for (size_t i = 0; i < keys.words.size(); ++i) {
    auto value = parse_counter(values.words[i]);
    if (!value) return "bad value " + quoted(values.words[i]) + " for " + quoted(keys.words[i]);
    section.counters.push_back({std::string(keys.words[i]), *value});
  }
  return "";
}

// The section a snmp6 key belongs to: the current one while the key contains its name, else a
// new one named by the key up to and including its first '6' ("Icmp6InMsgs" -> "Icmp6").
std::string_view snmp6_section(std::string_view key, std::string_view current) {
  if (!current.empty() && key.find(current) != std::string_view::npos) return current;
  size_t six = key.find('6');
  return six == std::string_view::npos ? key : key.substr(0, six + 1);
}

std::string_view sctp_section(std::string_view, std::string_view) { return "Sctp"; }

// "Key value" lines; section_of names the section of each key, and a new section starts when
// the name changes.
void parse_key_value_lines(std::string_view text, std::string_view path,
                           std::vector<StatSection>& out, Diagnostics& diag,
                           std::string_view (*section_of)(std::string_view, std::string_view)) {
  auto lines = split_lines(text);
  std::optional<size_t> current;  // index in out of the section being filled
  for (size_t n = 0; n < lines.size(); ++n) {
    auto f = split_fields(lines[n]);
    if (f.empty()) continue;
    auto value = f.size() == 2 ? parse_counter(f[1]) : std::nullopt;
    if (!value) {
      std::string what = f.size() == 2 ? "bad value " + quoted(f[1])
                                       : "expected 2 fields, found " + std::to_string(f.size());
      diag.malformed(path, static_cast<uint32_t>(n + 1), what);
      continue;
    }
    std::string_view current_name = current ? std::string_view(out[*current].name) : "";
    std::string_view name = section_of(f[0], current_name);
    if (!current || name != current_name) {
      out.push_back({std::string(path), std::string(name), {}});
      current = out.size() - 1;
    }
    out[*current].counters.push_back({std::string(f[0]), *value});
  }
}

}  // namespace

void parse_proc_net_snmp(std::string_view text, std::string_view path,
                         std::vector<StatSection>& out, Diagnostics& diag) {
  auto lines = split_lines(text);
  std::vector<size_t> used;  // indexes of the non-empty lines
  for (size_t n = 0; n < lines.size(); ++n) {
    if (!split_fields(lines[n]).empty()) used.push_back(n);
  }
  for (size_t i = 0; i < used.size();) {
    auto keys = split_titled(lines[used[i]]);
    auto values = i + 1 < used.size() ? split_titled(lines[used[i + 1]]) : std::nullopt;
    if (!keys || !values || keys->title != values->title) {
      std::string error = keys ? quoted(keys->title) + " keys are not followed by their values"
                               : "no 'Title:' at the start of " + quoted(lines[used[i]]);
      diag.malformed(path, static_cast<uint32_t>(used[i] + 1), error);
      // Start over at the next line: a lost or extra line costs one section, not all later ones.
      ++i;
      continue;
    }
    StatSection section{std::string(path), "", {}};
    std::string error = parse_pair(*keys, *values, section);
    if (error.empty()) {
      out.push_back(std::move(section));
    } else {
      diag.malformed(path, static_cast<uint32_t>(used[i + 1] + 1), error);
    }
    i += 2;
  }
}

void parse_proc_net_snmp6(std::string_view text, std::string_view path,
                          std::vector<StatSection>& out, Diagnostics& diag) {
  parse_key_value_lines(text, path, out, diag, snmp6_section);
}

void parse_proc_net_sctp_snmp(std::string_view text, std::string_view path,
                              std::vector<StatSection>& out, Diagnostics& diag) {
  parse_key_value_lines(text, path, out, diag, sctp_section);
}

}  // namespace netsnap::capture
