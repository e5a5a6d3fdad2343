#include "frame_codec.h"

#include <algorithm>
#include <deque>
#include <limits>
#include <map>
#include <optional>
#include <unordered_set>
#include <utility>
#include <vector>

#include "columns.h"
#include "netsnap/model/members.h"
#include "netsnap/timeline/record_format.h"

namespace netsnap::timeline {
namespace {

using model::HasMembers;

template <class T>
struct OptionalOf : std::false_type {};
template <class T>
struct OptionalOf<std::optional<T>> : std::true_type {};
template <class T>
struct VectorOf : std::false_type {};
template <class T>
struct VectorOf<std::vector<T>> : std::true_type {};

template <class V>
concept Optional = OptionalOf<V>::value;
template <class V>
concept Vector = VectorOf<V>::value;
template <class V>
concept Scalar = std::is_integral_v<V> || std::is_enum_v<V>;

// The largest value of each enum of the model: a decoded value beyond it is refused.
template <class E>
constexpr uint64_t kEnumMax = 0;
template <>
constexpr uint64_t kEnumMax<model::Origin> = uint64_t(model::Origin::kFixture);
template <>
constexpr uint64_t kEnumMax<model::SourceState> = uint64_t(model::SourceState::kUnreadable);
template <>
constexpr uint64_t kEnumMax<model::WarningKind> = uint64_t(model::WarningKind::kOther);
template <>
constexpr uint64_t kEnumMax<model::InetProtocol> = uint64_t(model::InetProtocol::kRaw);

// A scalar's bits, sign-extended: the arithmetic of changes is done on these, modulo 2^64.
template <Scalar V>
uint64_t bits(V v) {
  if constexpr (std::is_enum_v<V>)
    return static_cast<uint64_t>(v);
  else if constexpr (std::is_signed_v<V>)
    return static_cast<uint64_t>(static_cast<int64_t>(v));
  else
    return static_cast<uint64_t>(v);
}

// How a scalar is stored whole: signed ones zigzagged, so small negatives stay short.
template <Scalar V>
uint64_t stored(V v) {
  if constexpr (std::is_signed_v<V> && !std::is_enum_v<V>) return zigzag(static_cast<int64_t>(v));
  return bits(v);
}

// The value of V whose bits() are b; nullopt when b is none (out of range, not an enumerator).
template <Scalar V>
std::optional<V> from_bits(uint64_t b) {
  if constexpr (std::is_same_v<V, bool>) {
    if (b > 1) return std::nullopt;
    return b == 1;
  } else if constexpr (std::is_enum_v<V>) {
    if (b > kEnumMax<V>) return std::nullopt;
    return static_cast<V>(b);
  } else if constexpr (std::is_signed_v<V>) {
    auto s = static_cast<int64_t>(b);
    if (s < std::numeric_limits<V>::min() || s > std::numeric_limits<V>::max()) return std::nullopt;
    return static_cast<V>(s);
  } else {
    if (b > std::numeric_limits<V>::max()) return std::nullopt;
    return static_cast<V>(b);
  }
}

// Column slots of a struct type: field i's whole values in slot i, its changes in kChange + i.
constexpr uint32_t kChange = 64;
constexpr uint32_t kMask = 128;     // which fields of an entry changed
constexpr uint32_t kOps = 129;      // a list's edit operations
constexpr uint32_t kFrame = 130;    // per frame: timer bases, the check on the base frame
constexpr uint32_t kOpWords = 131;  // version 3: a list's edit operations other than copies

template <class T>
inline constexpr char kTag = 0;

// The fields of S (bit i: field i) whose changes are stored as the new value rather than its
// difference from the old one: identifiers, whose new value has nothing to do with the old one,
// but much to do with the new values stored before it (inodes come in creation order).
template <class S>
inline constexpr uint64_t kChangedWhole = 0;
template <>
inline constexpr uint64_t kChangedWhole<model::SocketHandle> = 1u << 1;  // inode: an fd reused
template <class S>
constexpr bool changed_whole(uint32_t field) {
  return (kChangedWhole<S> >> field & 1) != 0;
}

template <class S>
ColumnKey key(uint32_t slot) {
  return {&kTag<std::remove_const_t<S>>, slot};
}

template <class S, class F>
void for_each_member(S& s, F&& f) {
  auto m = model::members(s);
  constexpr size_t n = std::tuple_size_v<decltype(m)>;
  static_assert(n <= kChange, "a field mask holds 64 fields");
  [&]<size_t... I>(std::index_sequence<I...>) { (f(uint32_t{I}, std::get<I>(m)), ...); }
  (std::make_index_sequence<n>{});
}

template <class S, class F>
void for_each_member_pair(const S& a, const S& b, F&& f) {
  auto ma = model::members(a);
  auto mb = model::members(b);
  [&]<size_t... I>(std::index_sequence<I...>) {
    (f(uint32_t{I}, std::get<I>(ma), std::get<I>(mb)), ...);
  }
  (std::make_index_sequence<std::tuple_size_v<decltype(ma)>>{});
}

// How list entries are matched between frames: by these keys; lists of other types by position.
auto match_key(const model::InetSocket& s) { return socket_key(s); }
auto match_key(const model::SctpEndpoint& s) { return std::tuple(s.ipv6, s.inode, s.local_port); }
auto match_key(const model::SctpAssociation& s) {
  return std::tuple(s.ipv6, s.inode, s.association_id);
}
auto match_key(const model::UnixSocket& s) { return s.inode; }
auto match_key(const model::Process& p) { return p.pid; }
auto match_key(const model::SocketHandle& h) { return h.fd; }
auto match_key(const model::Interface& i) { return i.name; }
auto match_key(const model::MulticastGroup& g) {
  return std::tuple(g.ipv6, g.interface_index, g.device, g.group);
}
auto match_key(const model::StatSection& s) { return std::tuple(s.path, s.name); }
auto match_key(const model::ConntrackFlow& f) {
  return std::tuple(f.ipv6, f.protocol_number, f.original.source, f.original.destination,
                    f.original.source_port, f.original.destination_port);
}
auto match_key(const model::HostName& h) { return h.address; }
auto match_key(const model::ServiceName& s) { return std::tuple(s.port, s.protocol); }
auto match_key(const model::ProtocolName& p) { return p.number; }
auto match_key(const model::UserName& u) { return u.uid; }

template <class S>
concept Keyed = requires(const S& s) {
  match_key(s);
};

// Keeps the longest run of matches in increasing order (the entries that kept their order); the
// others become unmatched. match[j] is the index in the earlier list of entry j, or -1.
void keep_increasing(std::vector<ptrdiff_t>& match) {
  std::vector<size_t> tails;  // tails[k]: entry ending the best run of length k+1
  std::vector<ptrdiff_t> before(match.size(), -1);
  for (size_t j = 0; j < match.size(); ++j) {
    if (match[j] < 0) continue;
    auto at = std::lower_bound(tails.begin(), tails.end(), match[j],
                               [&](size_t t, ptrdiff_t v) { return match[t] < v; });
    if (at != tails.begin()) before[j] = static_cast<ptrdiff_t>(*(at - 1));
    if (at == tails.end())
      tails.push_back(j);
    else
      *at = j;
  }
  std::vector<bool> kept(match.size(), false);
  for (ptrdiff_t j = tails.empty() ? -1 : static_cast<ptrdiff_t>(tails.back()); j >= 0;
       j = before[j])
    kept[j] = true;
  for (size_t j = 0; j < match.size(); ++j)
    if (!kept[j]) match[j] = -1;
}

// For each entry of b, the entry of a it continues (increasing), or -1.
template <class S>
std::vector<ptrdiff_t> matches(const std::vector<S>& a, const std::vector<S>& b) {
  std::vector<ptrdiff_t> match(b.size(), -1);
  if constexpr (!Keyed<S>) {
    for (size_t j = 0; j < std::min(a.size(), b.size()); ++j) match[j] = static_cast<ptrdiff_t>(j);
  } else {
    using Key = decltype(match_key(a.front()));
    std::map<Key, std::pair<size_t, std::vector<size_t>>> where;  // next unused, positions in a
    for (size_t i = 0; i < a.size(); ++i) where[match_key(a[i])].second.push_back(i);
    for (size_t j = 0; j < b.size(); ++j) {
      auto it = where.find(match_key(b[j]));
      if (it == where.end()) continue;
      auto& [next, positions] = it->second;
      if (next < positions.size()) match[j] = static_cast<ptrdiff_t>(positions[next++]);
    }
    // Unmatched entries (-1) sort first and would pass the sortedness check wrongly.
    bool increasing = true;
    ptrdiff_t last = -1;
    for (ptrdiff_t m : match)
      if (m >= 0) increasing = increasing && m > last, last = m;
    if (!increasing) keep_increasing(match);
  }
  return match;
}

enum Op : uint64_t { kCopy = 0, kSkip = 1, kModify = 2, kInsert = 3 };

// List edits (FORMAT.md, "Frame columns"). Version 2 writes every operation as a word
// `count << 2 | kind` in the list's kOps column. Version 3 writes, in kOps, the length of the run
// copied unchanged before each other operation (0 when none) and after the last one (an empty
// list has none), and the other operations' words in kOpWords: copy lengths look alike and the
// words repeat, so zstd codes the two apart better (4,000 sockets, 5% replaced a frame: 7% fewer
// bytes; kinds and counts in columns of their own, or three one-entry kinds packed to a byte,
// measured worse: zstd finds the runs of like words that both break up).
bool split_ops(uint32_t version) { return version >= 3; }

class Encoder {
 public:
  Encoder(ColumnWriter& out, uint32_t version) : out_(out), split_ops_(split_ops(version)) {}

  template <class S>
  void whole(const S& s) {
    for_each_member(s, [&](uint32_t i, const auto& v) { put(out_[key<S>(i)], v); });
  }

  // The changes from a to b: a mask of the fields that differ, then each one's change.
  template <class S>
  void changes(const S& a, const S& b) {
    uint64_t mask = 0;
    for_each_member_pair(a, b, [&](uint32_t i, const auto& x, const auto& y) {
      if (!(x == y)) mask |= uint64_t{1} << i;
    });
    out_[key<S>(kMask)].ints.push_back(mask);
    for_each_member_pair(a, b, [&](uint32_t i, const auto& x, const auto& y) {
      if (!(mask >> i & 1)) return;
      if (changed_whole<S>(i))
        put(out_[key<S>(kChange + i)], y);
      else
        change(out_[key<S>(kChange + i)], x, y);
    });
  }

 private:
  using Column = ColumnWriter::Column;

  template <class V>
  void put(Column& c, const V& v) {
    if constexpr (Scalar<V>) {
      c.ints.push_back(stored(v));
    } else if constexpr (std::is_same_v<V, std::string>) {
      c.ints.push_back(v.size());
      c.bytes += v;
    } else if constexpr (std::is_same_v<V, model::IpAddress>) {
      c.ints.push_back(static_cast<uint64_t>(v.family()));
      c.bytes += v.bytes();
    } else if constexpr (Optional<V>) {
      c.ints.push_back(v.has_value());
      if (v) put(c, *v);
    } else if constexpr (Vector<V>) {
      c.ints.push_back(v.size());
      for (const auto& e : v) put(c, e);
    } else {
      static_assert(HasMembers<V>);
      whole(v);
    }
  }

  template <class V>
  void change(Column& c, const V& a, const V& b) {
    if constexpr (Scalar<V>) {
      c.ints.push_back(zigzag(static_cast<int64_t>(bits(b) - bits(a))));
    } else if constexpr (Optional<V>) {
      c.ints.push_back(a && b);  // 1: both hold a value, the change follows; 0: b whole
      if (a && b)
        change(c, *a, *b);
      else
        put(c, b);
    } else if constexpr (Vector<V>) {
      if constexpr (HasMembers<typename V::value_type>)
        list_changes(a, b);
      else
        put(c, b);
    } else if constexpr (HasMembers<V>) {
      changes(a, b);
    } else {
      put(c, b);  // text, addresses
    }
  }

  // The edits of one list being written.
  struct Edits {
    Column& ops;
    size_t copied = 0;  // version 3: entries copied since the last other operation
  };

  // Writes an operation of a list of S: in version 3 a copy only adds to the run the next other
  // operation (or the end of the list) writes first, and kOpWords is first touched by the first
  // other operation (a list that only copies has none).
  template <class S>
  void op(Edits& e, Op kind, size_t count) {
    if (!split_ops_) return e.ops.ints.push_back(count << 2 | kind);
    if (kind == kCopy) return void(e.copied += count);
    e.ops.ints.push_back(e.copied);
    e.copied = 0;
    out_[key<S>(kOpWords)].ints.push_back(count << 2 | kind);
  }

  // The entries of b: each copied unchanged from a, changed from an entry of a, or new.
  template <class S>
  void list_changes(const std::vector<S>& a, const std::vector<S>& b) {
    std::vector<ptrdiff_t> match = matches(a, b);
    Edits edits{out_[key<S>(kOps)]};
    edits.ops.ints.push_back(b.size());
    size_t i = 0, j = 0;
    while (j < b.size()) {
      size_t n = 0;
      if (match[j] < 0) {
        while (j + n < b.size() && match[j + n] < 0) ++n;
        op<S>(edits, kInsert, n);
        for (; n > 0; --n) whole(b[j++]);
        continue;
      }
      auto p = static_cast<size_t>(match[j]);
      if (p > i) op<S>(edits, kSkip, p - i), i = p;
      bool same = a[i] == b[j];
      while (j + n < b.size() && match[j + n] == static_cast<ptrdiff_t>(i + n) &&
             (a[i + n] == b[j + n]) == same)
        ++n;
      op<S>(edits, same ? kCopy : kModify, n);
      for (; n > 0; --n, ++i, ++j)
        if (!same) changes(a[i], b[j]);
    }
    if (split_ops_ && !b.empty()) edits.ops.ints.push_back(edits.copied);  // empty: no runs
  }

  ColumnWriter& out_;
  bool split_ops_;
};

class Decoder {
 public:
  Decoder(ColumnReader& in, uint64_t budget, uint32_t version)
      : in_(in), budget_(budget), split_ops_(split_ops(version)) {}
  uint64_t used() const { return used_; }

  template <class S>
  void whole(S& s) {
    charge(sizeof(S));
    for_each_member(s, [&](uint32_t i, auto& v) { get(in_[key<S>(i)], v); });
  }

  template <class S>
  void changes(S& s) {
    uint64_t mask = in_[key<S>(kMask)].next_int();
    size_t fields = std::tuple_size_v<decltype(model::members(s))>;
    if (fields < 64 && mask >> fields) fail("a change names a field that does not exist");
    for_each_member(s, [&](uint32_t i, auto& v) {
      if (!(mask >> i & 1)) return;
      if (changed_whole<S>(i))
        get(in_[key<S>(kChange + i)], v);
      else
        change(in_[key<S>(kChange + i)], v);
    });
  }

  [[noreturn]] void fail(const std::string& what) {
    throw TimelineError(in_.where() + ": frame columns: " + what);
  }

 private:
  using Column = ColumnReader::Column;

  void charge(size_t bytes) {
    if (bytes > budget_ - used_)
      fail("the frame would take more than " + std::to_string(budget_ >> 20) +
           " MiB of memory, more than its size allows");
    used_ += bytes;
  }

  template <Scalar V>
  V scalar(uint64_t b) {
    auto v = from_bits<V>(b);
    if (!v) fail("a value is out of range for its field");
    return *v;
  }

  std::string_view bytes(Column& c, uint64_t length) {
    charge(length);
    return c.next_bytes(length);
  }

  template <class V>
  void get(Column& c, V& v) {
    if constexpr (Scalar<V>) {
      uint64_t u = c.next_int();
      if constexpr (std::is_signed_v<V> && !std::is_enum_v<V>)
        u = static_cast<uint64_t>(unzigzag(u));
      v = scalar<V>(u);
    } else if constexpr (std::is_same_v<V, std::string>) {
      v = bytes(c, c.next_int());
    } else if constexpr (std::is_same_v<V, model::IpAddress>) {
      uint64_t family = c.next_int();
      if (family > uint64_t(model::IpAddress::Family::kIpv6)) fail("an address of no family");
      size_t size = family == uint64_t(model::IpAddress::Family::kIpv4)   ? 4
                    : family == uint64_t(model::IpAddress::Family::kIpv6) ? 16
                                                                          : 0;
      v = model::IpAddress::from_bytes(bytes(c, size));
    } else if constexpr (Optional<V>) {
      if (scalar<bool>(c.next_int())) {
        v.emplace();
        get(c, *v);
      } else {
        v.reset();
      }
    } else if constexpr (Vector<V>) {
      uint64_t n = c.next_int();
      v.clear();
      for (uint64_t k = 0; k < n; ++k) {
        if constexpr (!HasMembers<typename V::value_type>) charge(sizeof(typename V::value_type));
        get(c, v.emplace_back());  // whole() charges a struct
      }
    } else {
      whole(v);
    }
  }

  template <class V>
  void change(Column& c, V& v) {
    if constexpr (Scalar<V>) {
      v = scalar<V>(bits(v) + static_cast<uint64_t>(unzigzag(c.next_int())));
    } else if constexpr (Optional<V>) {
      if (scalar<bool>(c.next_int())) {
        if (!v) fail("a change to a value that is absent");
        change(c, *v);
      } else {
        get(c, v);
      }
    } else if constexpr (Vector<V>) {
      if constexpr (HasMembers<typename V::value_type>)
        list_changes(v);
      else
        get(c, v);
    } else if constexpr (HasMembers<V>) {
      changes(v);
    } else {
      get(c, v);
    }
  }

  template <class S>
  void list_changes(std::vector<S>& a) {
    Column& ops = in_[key<S>(kOps)];
    uint64_t n = ops.next_int();
    ListEdit<S> edit{a, n};
    for (;;) {
      if (split_ops_ && n > 0) {  // version 3: a copied run, then (unless the list is whole) more
        uint64_t copied = ops.next_int();
        if (copied > n - edit.out || copied > a.size() - edit.in)
          fail("a list operation runs past its list");
        apply(edit, kCopy, copied);
      }
      if (edit.out == n) break;
      uint64_t word = (split_ops_ ? in_[key<S>(kOpWords)] : ops).next_int();
      uint64_t count = word >> 2;
      auto kind = static_cast<Op>(word & 3);
      bool from_a = kind != kInsert;
      if (count == 0 || (split_ops_ && kind == kCopy) || (kind != kSkip && count > n - edit.out) ||
          (from_a && count > a.size() - edit.in))
        fail("a list operation runs past its list");
      apply(edit, kind, count);
    }
    if (edit.in_place)
      a.erase(a.begin() + static_cast<ptrdiff_t>(n), a.end());  // the entries after are gone
    else
      a = std::move(edit.b);
  }

  // A list being edited: entries of a from `in` on are still to be read, `out` entries of the new
  // list are made. Until the first skip or insert the new list is a itself, edited in place (a
  // list whose entries only change, such as protocol counters, moves nothing); from then on it is
  // built in b.
  template <class S>
  struct ListEdit {
    std::vector<S>& a;
    uint64_t n;
    size_t in = 0, out = 0;
    bool in_place = true;
    std::vector<S> b;
  };

  // One list operation, checked by the caller.
  template <class S>
  void apply(ListEdit<S>& e, Op kind, uint64_t count) {
    std::vector<S>& a = e.a;
    if (e.in_place && (kind == kSkip || kind == kInsert)) {
      e.b.reserve(std::min<uint64_t>(e.n, a.size() + 1024));
      auto made = a.begin() + static_cast<ptrdiff_t>(e.out);
      e.b.insert(e.b.end(), std::make_move_iterator(a.begin()), std::make_move_iterator(made));
      e.in_place = false;
    }
    e.out += kind == kSkip ? 0 : count;
    switch (kind) {
      case kSkip:
        e.in += count;
        break;
      case kCopy: {
        auto from = a.begin() + static_cast<ptrdiff_t>(e.in);
        if (!e.in_place)
          e.b.insert(e.b.end(), std::make_move_iterator(from),
                     std::make_move_iterator(from + static_cast<ptrdiff_t>(count)));
        e.in += count;
        break;
      }
      case kModify:
        for (; count > 0; --count) {
          if (e.in_place) {
            changes(a[e.in++]);
            continue;
          }
          e.b.push_back(std::move(a[e.in++]));
          changes(e.b.back());
        }
        break;
      case kInsert:
        for (; count > 0; --count) whole(e.b.emplace_back());
        break;
    }
  }

  ColumnReader& in_;
  uint64_t budget_;
  bool split_ops_;
  uint64_t used_ = 0;
};

// A check that a delta is applied to the frame it was made against: the low bits of that
// frame's capture time, which differ from frame to frame.
uint64_t base_check(const StoredFrame& base) {
  return static_cast<uint64_t>(base.snapshot.host.capture_time_ns) & 0xffff;
}

uint64_t difference(uint64_t now, uint64_t before) {
  return zigzag(static_cast<int64_t>(now - before));
}

}  // namespace

std::string encode_frame(const StoredFrame* base, const StoredFrame& frame, uint32_t version) {
  ColumnWriter out;
  Encoder encoder(out, version);
  auto& per_frame = out[key<StoredFrame>(kFrame)].ints;
  const TimerBases& t = frame.bases;
  if (base == nullptr) {
    per_frame = {t.ticks, t.seconds, t.centiseconds};
    encoder.whole(frame.snapshot);
  } else {
    const TimerBases& b = base->bases;
    per_frame = {base_check(*base), difference(t.ticks, b.ticks), difference(t.seconds, b.seconds),
                 difference(t.centiseconds, b.centiseconds)};
    encoder.changes(base->snapshot, frame.snapshot);
  }
  return out.finish();
}

StoredFrame decode_frame(StoredFrame* base, std::string_view columns, const std::string& where,
                         uint64_t& memory_budget, uint32_t version) {
  ColumnReader in(columns, where);
  Decoder decoder(in, memory_budget, version);
  auto& per_frame = in[key<StoredFrame>(kFrame)];
  StoredFrame frame;
  if (base == nullptr) {
    frame.bases = {per_frame.next_int(), per_frame.next_int(), per_frame.next_int()};
    decoder.whole(frame.snapshot);
  } else {
    if (per_frame.next_int() != base_check(*base))
      decoder.fail("the delta was made against another frame than the one before it");
    auto next = [&](uint64_t before) {
      return before + static_cast<uint64_t>(unzigzag(per_frame.next_int()));
    };
    frame.bases = {next(base->bases.ticks), next(base->bases.seconds),
                   next(base->bases.centiseconds)};
    frame.snapshot = std::move(base->snapshot);
    decoder.changes(frame.snapshot);
  }
  in.check_consumed();
  memory_budget -= decoder.used();
  return frame;
}

}  // namespace netsnap::timeline
