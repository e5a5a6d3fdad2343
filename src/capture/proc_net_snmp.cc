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
//
// The sections and counters recorded are the ones netstat 2.10 would see (NETSTAT-FORMAT.md
// §12.2), because replaying `netstat -s` is what they are for: each reader below follows the C
// code of netstat's statistics.c step by step (getline/fgets buffers, strtoull, sscanf, strstr),
// so that damaged files replay exactly as netstat shows them. Where the file says something
// netstat reads differently (values it cannot parse, a missing value line), a warning of kind
// `other` says so. The one condition that makes netstat give up on a file — a pair of lines
// without ':' in /proc/net/snmp or /proc/net/netstat — ends the reading here too and is the only
// `malformedLine` warning these readers give; the statistics renderer relies on that to print
// netstat's "Problem while parsing" message.
#include <array>
#include <cstring>
#include <optional>
#include <string>

#include "netsnap/capture/proc_parsers.h"
#include "netsnap/capture/text_scan.h"

namespace netsnap::capture {
namespace {

using model::CaptureWarning;
using model::StatCounter;
using model::StatSection;
using model::WarningKind;

// C's isspace() in the C locale.
bool is_c_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// What a C string function sees of a buffer: everything before the first NUL.
std::string_view c_string(std::string_view s) { return s.substr(0, s.find('\0')); }

// strtoull(s, &end, 10): leading white space, an optional sign, digits; a negative number wraps
// modulo 2^64 and an overflow gives 2^64 - 1. `length` is 0 when nothing was converted.
struct Converted {
  uint64_t value = 0;
  size_t length = 0;
};

Converted c_strtoull(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && is_c_space(s[i])) ++i;
  bool negative = i < s.size() && s[i] == '-';
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  size_t first_digit = i;
  uint64_t value = 0;
  bool overflow = false;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    uint64_t digit = static_cast<uint64_t>(s[i] - '0');
    if (value > (UINT64_MAX - digit) / 10) overflow = true;
    value = value * 10 + digit;
  }
  if (i == first_digit) return {};
  if (overflow) return {UINT64_MAX, i};
  return {negative ? uint64_t{0} - value : value, i};
}

// The pieces getline() (max_length 0) or fgets() with a buffer of max_length + 1 bytes returns,
// each with its '\n' when it has one.
std::vector<std::string_view> c_lines(std::string_view text, size_t max_length = 0) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    end = end == std::string_view::npos ? text.size() : end + 1;
    if (max_length != 0 && end > max_length) end = max_length;
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end);
  }
  return lines;
}

// Splits on netstat's separators " \t\n" (not '\r').
std::vector<std::string_view> c_tokens(std::string_view s) {
  std::vector<std::string_view> tokens;
  size_t i = 0;
  while (i < s.size()) {
    i = s.find_first_not_of(" \t\n", i);
    if (i == std::string_view::npos) break;
    size_t end = std::min(s.find_first_of(" \t\n", i), s.size());
    tokens.push_back(s.substr(i, end - i));
    i = end;
  }
  return tokens;
}

void warn(Diagnostics& diag, WarningKind kind, std::string_view path, size_t line,
          std::string message) {
  diag.add(
      CaptureWarning{kind, std::string(path), static_cast<uint32_t>(line), std::move(message)});
}

// Whether the value line holds exactly one clean decimal per key under the same title.
bool values_match_keys(std::string_view title, std::string_view values_title,
                       const std::vector<std::string_view>& keys,
                       const std::vector<std::string_view>& values) {
  if (title != values_title || keys.size() != values.size()) return false;
  for (auto v : values) {
    if (c_strtoull(v).length != v.size()) return false;
  }
  return true;
}

// One key line and its value line (both without a NUL, both with a ':'), as process_fd() reads
// them: keys split at " \t\n", values taken by successive strtoull() calls, so a missing value is
// 0 and everything after an unparsable one is 0.
StatSection read_pair(std::string_view keys_line, std::string_view values_line,
                      std::string_view path, size_t line, Diagnostics& diag) {
  size_t key_colon = keys_line.find(':');
  size_t value_colon = values_line.find(':');
  StatSection section{std::string(path), std::string(keys_line.substr(0, key_colon)), {}};
  auto keys = c_tokens(keys_line.substr(key_colon + 1));
  std::string_view rest = values_line.substr(value_colon + 1);
  for (auto key : keys) {
    Converted converted = c_strtoull(rest);
    rest.remove_prefix(converted.length);
    section.counters.push_back({std::string(key), converted.value});
  }
  if (!values_match_keys(section.name, values_line.substr(0, value_colon), keys,
                         c_tokens(values_line.substr(value_colon + 1)))) {
    warn(diag, WarningKind::kOther, path, line + 1,
         "values of " + quoted(section.name) +
             " do not match its keys one for one; kept as netstat reads them");
  }
  return section;
}

// "Key value" as the kernel writes it, so that netstat's reading needs no comment.
bool is_key_and_number(std::string_view line) {
  if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
  auto fields = split_fields(line);
  return fields.size() == 2 && c_strtoull(fields[1]).length == fields[1].size();
}

// cpytitle(): a snmp6 key up to and including its first '6' (the whole key when it has none).
std::string snmp6_title(std::string_view key) {
  size_t six = key.find('6');
  return std::string(six == std::string_view::npos ? key : key.substr(0, six + 1));
}

// sscanf(line, "%s %llu", key, &value): leaves key and value as they were when it cannot assign
// them, which is how netstat ends up repeating the previous line's key or value.
// Returns false when the line has no key.
bool scan_key_value(std::string_view line, std::string& key, uint64_t& value) {
  size_t start = 0;
  while (start < line.size() && is_c_space(line[start])) ++start;
  if (start == line.size()) return false;
  size_t end = start;
  while (end < line.size() && !is_c_space(line[end])) ++end;
  key = std::string(line.substr(start, end - start));
  Converted converted = c_strtoull(line.substr(end));
  if (converted.length != 0) value = converted.value;
  return true;
}

}  // namespace

void parse_proc_net_snmp(std::string_view text, std::string_view path,
                         std::vector<StatSection>& out, Diagnostics& diag) {
  auto lines = c_lines(text);
  for (size_t i = 0; i < lines.size();) {
    size_t keys_index = i++;
    // Only a line that is exactly "\n" is skipped, and only in the key position.
    if (lines[keys_index].front() == '\n') continue;
    if (i == lines.size()) {
      warn(diag, WarningKind::kOther, path, keys_index + 1,
           "keys without a line of values after them; netstat ignores them");
      break;
    }
    size_t values_index = i++;
    std::string_view keys = c_string(lines[keys_index]);
    std::string_view values = c_string(lines[values_index]);
    if (keys.find(':') == std::string_view::npos || values.find(':') == std::string_view::npos) {
      size_t bad = keys.find(':') == std::string_view::npos ? keys_index : values_index;
      warn(diag, WarningKind::kMalformedLine, path, bad + 1,
           "no ':' in this line; netstat stops reading the file here");
      return;
    }
    out.push_back(read_pair(keys, values, path, keys_index + 1, diag));
  }
}

// process6_fd(): fgets() with a 1024-byte buffer, then sscanf "%s %llu"; a new section starts
// whenever a key does not contain the current section's title.
void parse_proc_net_snmp6(std::string_view text, std::string_view path,
                          std::vector<StatSection>& out, Diagnostics& diag) {
  std::string key, title;
  uint64_t value = 0;
  bool started = false;
  auto lines = c_lines(text, 1023);
  for (size_t n = 0; n < lines.size(); ++n) {
    std::string_view line = c_string(lines[n]);
    bool has_key = scan_key_value(line, key, value);
    if (!has_key && !started) {
      // netstat would use an uninitialised buffer here; there is nothing sensible to replay.
      warn(diag, WarningKind::kOther, path, n + 1, "no key before the first counter; skipped");
      continue;
    }
    if (!is_key_and_number(line)) {
      warn(diag, WarningKind::kOther, path, n + 1,
           "not one key and one number; kept as netstat reads it (previous key or value)");
    }
    if (!started || key.find(title) == std::string::npos) {
      title = snmp6_title(key);
      out.push_back({std::string(path), title, {}});
      started = true;
    }
    out.back().counters.push_back({key, value});
  }
}

// process_fd2(): every line in section "Sctp", which netstat opens before reading any line (so an
// empty file still has it). The line is cut at its first " \t\n"; netstat then looks one byte past
// the cut in the same 1024-byte buffer, which still holds the tail of an earlier, longer line when
// this one ends without a newline.
void parse_proc_net_sctp_snmp(std::string_view text, std::string_view path,
                              std::vector<StatSection>& out, Diagnostics& diag) {
  out.push_back({std::string(path), "Sctp", {}});
  StatSection& section = out.back();
  std::array<char, 1025> buffer{};  // one spare byte: netstat may read buffer[1024]
  auto lines = c_lines(text, 1023);
  for (size_t n = 0; n < lines.size(); ++n) {
    std::memcpy(buffer.data(), lines[n].data(), lines[n].size());
    buffer[lines[n].size()] = '\0';
    size_t cut = std::strcspn(buffer.data(), " \t\n");
    std::string key(buffer.data(), cut);
    buffer[cut] = '\0';
    const char* rest = buffer.data() + cut + 1;
    rest += std::strspn(rest, " \t\n");
    if (*rest == '\0') {
      warn(diag, WarningKind::kOther, path, n + 1, "no value; netstat skips the line");
      continue;
    }
    if (!is_key_and_number(c_string(lines[n]))) {
      warn(diag, WarningKind::kOther, path, n + 1,
           "not one key and one number; kept as netstat reads it");
    }
    section.counters.push_back({key, c_strtoull(rest).value});
  }
}

}  // namespace netsnap::capture
