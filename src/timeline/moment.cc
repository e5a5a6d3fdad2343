#include "netsnap/timeline/moment.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <ctime>

namespace netsnap::timeline {
namespace {

constexpr int64_t kSecond = 1'000'000'000;

// Times are int64 nanoseconds since the epoch: 1677-09-21T00:12:43.145Z to
// 2262-04-11T23:47:16.854Z. Arithmetic on them is done in 128 bits and checked against that span,
// as a frame's time comes from a file and a moment from a user, either of which may be anywhere.
using Wide = __int128;

bool fits(Wide ns) { return ns >= INT64_MIN && ns <= INT64_MAX; }

std::string span_text() { return format_time(INT64_MIN) + " to " + format_time(INT64_MAX); }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// A left-to-right reader over the text of one moment.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}
  bool done() const { return at_ == text_.size(); }
  char peek() const { return done() ? '\0' : text_[at_]; }
  bool accept(char c) {
    if (peek() != c) return false;
    ++at_;
    return true;
  }
  // Exactly `count` digits, as a number; nullopt (and nothing consumed) otherwise.
  std::optional<int> digits(size_t count) {
    if (at_ + count > text_.size() || !all_digits(text_.substr(at_, count))) return std::nullopt;
    int value = 0;
    std::from_chars(text_.data() + at_, text_.data() + at_ + count, value);
    at_ += count;
    return value;
  }
  // One or more digits, as a number (saturating well above any sensible value).
  std::optional<int64_t> number() {
    size_t start = at_;
    while (std::isdigit(static_cast<unsigned char>(peek()))) ++at_;
    if (at_ == start || at_ - start > 15) return std::nullopt;
    int64_t value = 0;
    std::from_chars(text_.data() + start, text_.data() + at_, value);
    return value;
  }
  // ".250" -> 250'000'000 ns; 0 when there is no fraction.
  std::optional<int64_t> fraction_ns() {
    if (!accept('.')) return 0;
    size_t start = at_;
    while (std::isdigit(static_cast<unsigned char>(peek()))) ++at_;
    if (at_ == start || at_ - start > 9) return std::nullopt;
    int64_t value = 0;
    std::from_chars(text_.data() + start, text_.data() + at_, value);
    for (size_t n = at_ - start; n < 9; ++n) value *= 10;
    return value;
  }
  bool accept_word(std::string_view word) {
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

 private:
  std::string_view text_;
  size_t at_ = 0;
};

[[noreturn]] void fail(std::string_view text, std::string_view why) {
  throw MomentError("'" + std::string(text) + "' " + std::string(why));
}

// A time as written, when it fits the span of times a timeline can hold.
int64_t parsed_time(Wide ns, std::string_view text) {
  if (!fits(ns)) fail(text, "is outside the times a timeline can hold (" + span_text() + ")");
  return static_cast<int64_t>(ns);
}

constexpr std::string_view kForms =
    "is not a time: use 2026-11-21T03:12:05 (ISO 8601, optionally with Z or +01:00), 03:12:05 "
    "(time of day), +90s or -5m (from the first or the last frame; units ms s m h d) or "
    "@UNIXSECONDS";

struct ClockTime {
  int hour = 0, minute = 0, second = 0;
  int64_t fraction_ns = 0;
};

// HH:MM[:SS[.fff]]
std::optional<ClockTime> read_clock(Cursor& in) {
  ClockTime t;
  auto hour = in.digits(2);
  if (!hour || !in.accept(':')) return std::nullopt;
  auto minute = in.digits(2);
  if (!minute) return std::nullopt;
  t.hour = *hour;
  t.minute = *minute;
  if (in.accept(':')) {
    auto second = in.digits(2);
    auto fraction = second ? in.fraction_ns() : std::nullopt;
    if (!fraction) return std::nullopt;
    t.second = *second;
    t.fraction_ns = *fraction;
  }
  if (t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
  return t;
}

// Z, +HH, +HHMM or +HH:MM: seconds east of UTC; nullopt when there is no zone (local time).
std::optional<int64_t> read_zone(Cursor& in, std::string_view text) {
  if (in.accept('Z') || in.accept('z')) return 0;
  int sign = in.accept('+') ? 1 : in.accept('-') ? -1 : 0;
  if (sign == 0) return std::nullopt;
  auto hours = in.digits(2);
  if (!hours) fail(text, "has a bad UTC offset (write Z, +01, +0100 or +01:00)");
  in.accept(':');
  int minutes = in.digits(2).value_or(0);
  return sign * (*hours * 3600 + minutes * 60);
}

Moment parse_date_time(std::string_view text) {
  Cursor in(text);
  auto year = in.digits(4);
  auto month = year && in.accept('-') ? in.digits(2) : std::nullopt;
  auto day = month && in.accept('-') ? in.digits(2) : std::nullopt;
  if (!day || *month < 1 || *month > 12 || *day < 1 || *day > 31) fail(text, kForms);
  ClockTime clock;
  if (in.accept('T') || in.accept('t') || in.accept(' ')) {
    auto read = read_clock(in);
    if (!read) fail(text, kForms);
    clock = *read;
  }
  std::optional<int64_t> zone = read_zone(in, text);
  if (!in.done()) fail(text, kForms);
  tm fields{};
  fields.tm_year = *year - 1900;
  fields.tm_mon = *month - 1;
  fields.tm_mday = *day;
  fields.tm_hour = clock.hour;
  fields.tm_min = clock.minute;
  fields.tm_sec = clock.second;
  fields.tm_isdst = -1;
  Wide seconds = zone ? Wide{timegm(&fields)} - *zone : Wide{mktime(&fields)};
  int64_t ns = parsed_time(seconds * kSecond + clock.fraction_ns, text);
  return {Moment::Kind::kTime, -1, ns, std::string(text)};
}

Moment parse_time_of_day(std::string_view text) {
  Cursor in(text);
  auto clock = read_clock(in);
  if (!clock || !in.done()) fail(text, kForms);
  int64_t ns = (clock->hour * 3600LL + clock->minute * 60 + clock->second) * kSecond;
  return {Moment::Kind::kTimeOfDay, -1, ns + clock->fraction_ns, std::string(text)};
}

// +1h30m, -90s, -250ms
Moment parse_offset(std::string_view text) {
  static constexpr std::pair<std::string_view, int64_t> kUnits[] = {{"ms", kSecond / 1000},
                                                                    {"s", kSecond},
                                                                    {"m", 60 * kSecond},
                                                                    {"h", 3600 * kSecond},
                                                                    {"d", 86400 * kSecond}};
  Cursor in(text.substr(1));
  if (in.done()) fail(text, kForms);
  Wide total = 0;
  while (!in.done()) {
    auto whole = in.number();
    auto fraction = whole ? in.fraction_ns() : std::nullopt;
    if (!fraction) fail(text, kForms);
    auto unit = std::find_if(std::begin(kUnits), std::end(kUnits),
                             [&](const auto& u) { return in.accept_word(u.first); });
    if (unit == std::end(kUnits))
      fail(text, "needs a unit after the number (ms, s, m, h or d), as in +90s or -5m");
    total += Wide{*whole} * unit->second + Wide{*fraction} * unit->second / kSecond;
    if (!fits(total)) fail(text, "is longer than any timeline (" + span_text() + ")");
  }
  auto kind = text[0] == '+' ? Moment::Kind::kFromStart : Moment::Kind::kFromEnd;
  return {kind, -1, static_cast<int64_t>(total), std::string(text)};
}

Moment parse_unix_time(std::string_view text) {
  Cursor in(text.substr(1));
  auto seconds = in.number();
  auto fraction = seconds ? in.fraction_ns() : std::nullopt;
  if (!fraction || !in.done()) fail(text, kForms);
  int64_t ns = parsed_time(Wide{*seconds} * kSecond + *fraction, text);
  return {Moment::Kind::kTime, -1, ns, std::string(text)};
}

// Whole seconds of ns, rounded down (towards the past, also before 1970).
int64_t floor_seconds(int64_t ns) { return ns / kSecond - (ns % kSecond < 0 ? 1 : 0); }

// Local time `of_day` after midnight, `days_back` days before the day of `base`.
Wide local_time_of_day(int64_t of_day, time_t base, int days_back) {
  tm fields{};
  localtime_r(&base, &fields);
  fields.tm_mday -= days_back;
  fields.tm_hour = static_cast<int>(of_day / (3600 * kSecond));
  fields.tm_min = static_cast<int>(of_day / (60 * kSecond) % 60);
  fields.tm_sec = static_cast<int>(of_day / kSecond % 60);
  fields.tm_isdst = -1;
  return Wide{mktime(&fields)} * kSecond + of_day % kSecond;
}

// The latest occurrence of local time `of_day` at or before `not_after`.
Wide latest_time_of_day(int64_t of_day, int64_t not_after) {
  time_t base = static_cast<time_t>(floor_seconds(not_after));
  Wide same_day = local_time_of_day(of_day, base, 0);
  return same_day <= not_after ? same_day : local_time_of_day(of_day, base, 1);
}

// The absolute time a moment names, which may lie outside the span of int64 times.
Wide requested_time(const FrameList& frames, const Moment& moment) {
  switch (moment.kind) {
    case Moment::Kind::kFromStart:
      return Wide{frames.front().capture_time_ns} + moment.ns;
    case Moment::Kind::kFromEnd:
      return Wide{frames.back().capture_time_ns} - moment.ns;
    case Moment::Kind::kTimeOfDay:
      return latest_time_of_day(moment.ns, frames.back().capture_time_ns);
    default:
      return moment.ns;
  }
}

// A requested time outside the span of times: before it, no frame can be at or before it; after
// it, the question is not one a timeline can answer either.
int64_t checked_request(Wide wanted, const Moment& moment, const std::string& path) {
  if (fits(wanted)) return static_cast<int64_t>(wanted);
  throw TimelineError(path + ": " + moment.text + " names a time " +
                      (wanted < 0 ? "before " + format_time(INT64_MIN) + ", the earliest"
                                  : "after " + format_time(INT64_MAX) + ", the latest") +
                      " a timeline can hold");
}

// --frame N: the frame numbered N (as ls lists it; in a timeline that lost frames to damage the
// numbers skip them), or with N negative the N-th frame from the end.
size_t frame_position(const FrameList& frames, long long requested, const std::string& path) {
  long long count = static_cast<long long>(frames.size());
  if (requested < 0 && count + requested >= 0) return static_cast<size_t>(count + requested);
  if (requested >= 0) {
    size_t found = frames.lower_bound(static_cast<uint64_t>(requested));
    if (found < frames.size() && frames[found].frame == uint64_t(requested)) return found;
  }
  std::string numbers =
      std::to_string(frames.front().frame) + ".." + std::to_string(frames.back().frame);
  bool lost = requested >= 0 && uint64_t(requested) < frames.back().frame &&
              uint64_t(requested) > frames.front().frame;
  throw TimelineError(path + ": no frame " + std::to_string(requested) + " (it has " +
                      std::to_string(count) + " frames: " + numbers +
                      (lost ? "; that one was lost to damage" : "") + ")");
}

}  // namespace

Moment parse_time_moment(std::string_view text) {
  if (text.empty()) throw MomentError("an empty time names no moment");
  if (text[0] == '@') return parse_unix_time(text);
  if (text[0] == '+' || text[0] == '-') return parse_offset(text);
  if (all_digits(text))
    fail(text, "is a frame number, not a time (use --frame for frames, or +" + std::string(text) +
                   "s for seconds after the first frame)");
  if (text.size() > 4 && text[4] == '-') return parse_date_time(text);
  return parse_time_of_day(text);
}

Moment parse_moment(std::string_view text) {
  std::string_view digits = text.substr(!text.empty() && text[0] == '-' ? 1 : 0);
  if (!all_digits(digits)) return parse_time_moment(text);
  long long frame = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), frame);
  if (error != std::errc() || end != text.data() + text.size())
    fail(text, "is not a frame number this timeline could have");
  return {Moment::Kind::kFrame, frame, 0, std::string(text)};
}

ResolvedMoment resolve_moment(const FrameList& frames, const Moment& moment,
                              const std::string& path) {
  if (frames.empty()) throw TimelineError(path + ": the timeline has no frames");
  if (moment.kind == Moment::Kind::kFrame)
    return {frame_position(frames, moment.frame, path), std::nullopt};
  int64_t wanted = checked_request(requested_time(frames, moment), moment, path);
  std::optional<size_t> best;
  for (size_t i = 0; i < frames.size(); ++i) {
    int64_t t = frames[i].capture_time_ns;
    if (t <= wanted && (!best || t >= frames[*best].capture_time_ns)) best = i;
  }
  if (!best)
    throw TimelineError(path + ": no frame at or before " + format_time(wanted) + " (" +
                        moment.text + "); the timeline runs from " +
                        format_time(frames.front().capture_time_ns) + " to " +
                        format_time(frames.back().capture_time_ns));
  return {*best, wanted};
}

std::string format_time(int64_t ns) {
  // Rounded down, so that a time before 1970 has a second and milliseconds that count forward:
  // -1 ns is 1969-12-31T23:59:59.999Z.
  int64_t below_second = ns % kSecond;
  if (below_second < 0) below_second += kSecond;
  time_t whole = static_cast<time_t>(floor_seconds(ns));
  tm utc{};
  gmtime_r(&whole, &utc);
  char buf[64];
  size_t n = strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &utc);
  snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(below_second / 1'000'000));
  return buf;
}

}  // namespace netsnap::timeline
