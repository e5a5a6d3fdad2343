// Sockets opened, closed and changed between two snapshots.
#include <algorithm>
#include <tuple>

#include "keyed_match.h"
#include "netsnap/analysis/snapshot_diff.h"

namespace netsnap::analysis {
namespace {

using model::Snapshot;
using model::SocketOwners;

DiffSocket inet_socket(const model::InetSocket& s, const SocketOwners& owners) {
  DiffSocket d;
  d.family = SocketFamily::kInet;
  d.protocol = std::string(model::inet_protocol_name(s.protocol));
  d.ipv6 = s.ipv6;
  d.local_address = s.local_address;
  d.local_port = s.local_port;
  d.remote_address = s.remote_address;
  d.remote_port = s.remote_port;
  d.state = model::inet_state_name(s.state);
  d.rx_queue = s.rx_queue;
  d.tx_queue = s.tx_queue;
  d.inode = s.inode;
  d.owners = owners.all(s.inode);
  return d;
}

DiffSocket unix_socket(const model::UnixSocket& s, const SocketOwners& owners) {
  DiffSocket d;
  d.family = SocketFamily::kUnix;
  d.protocol = "unix";
  d.path = s.path;
  d.type = model::unix_type_name(s.type);
  d.state = model::unix_state_name(s);
  d.inode = s.inode;
  d.owners = owners.all(s.inode);
  return d;
}

// Inet sockets in file order, then unix sockets.
std::vector<DiffSocket> diff_sockets_of(const Snapshot& snapshot) {
  SocketOwners owners(snapshot);
  std::vector<DiffSocket> sockets;
  sockets.reserve(snapshot.inet_sockets.size() + snapshot.unix_sockets.size());
  for (const auto& s : snapshot.inet_sockets) sockets.push_back(inet_socket(s, owners));
  for (const auto& s : snapshot.unix_sockets) sockets.push_back(unix_socket(s, owners));
  return sockets;
}

// What makes a socket itself, without its inode. Unix sockets have no addresses, so for them this
// is (path) and the inode does the matching.
auto endpoint_key(const DiffSocket& s) {
  return std::tuple(s.family, s.protocol, s.ipv6, s.local_address, s.local_port, s.remote_address,
                    s.remote_port, s.path);
}

// The second pass pairs a leftover before-socket with a leftover after-socket of the same
// endpoints when exactly one of the two has inode 0: the flag is "inode is 0" for before and
// "inode is not 0" for after, so equal flags mean opposite inodes. Two non-zero inodes stay apart:
// a restarted listener is a new socket.
KeyedMatch match_inode_lost_or_gained(const std::vector<DiffSocket>& before,
                                      const std::vector<DiffSocket>& after,
                                      const KeyedMatch& first) {
  using Key = decltype(std::tuple_cat(endpoint_key(before.front()), std::tuple(true)));
  std::vector<Key> before_keys, after_keys;
  for (size_t i : first.before_only)
    before_keys.push_back(
        std::tuple_cat(endpoint_key(before[i]), std::tuple(before[i].inode == 0)));
  for (size_t j : first.after_only)
    after_keys.push_back(std::tuple_cat(endpoint_key(after[j]), std::tuple(after[j].inode != 0)));
  KeyedMatch second = match_keys(before_keys, after_keys);
  // Back from positions in the leftover lists to positions in the snapshots.
  for (auto& [i, j] : second.matched) i = first.before_only[i], j = first.after_only[j];
  for (size_t& i : second.before_only) i = first.before_only[i];
  for (size_t& j : second.after_only) j = first.after_only[j];
  return second;
}

KeyedMatch match_sockets(const std::vector<DiffSocket>& before,
                         const std::vector<DiffSocket>& after) {
  KeyedMatch first = match_by_key(before, after, [](const DiffSocket& s) {
    return std::tuple_cat(endpoint_key(s), std::tuple(s.inode));
  });
  if (first.before_only.empty() || first.after_only.empty()) return first;
  KeyedMatch second = match_inode_lost_or_gained(before, after, first);
  first.matched.insert(first.matched.end(), second.matched.begin(), second.matched.end());
  std::sort(first.matched.begin(), first.matched.end(),
            [](const auto& a, const auto& b) { return a.second < b.second; });
  first.before_only = std::move(second.before_only);
  first.after_only = std::move(second.after_only);
  return first;
}

bool socket_differs(const DiffSocket& before, const DiffSocket& after) {
  return before.state_differs(after) || before.queues_differ(after) ||
         before.owners_differ(after) || before.inode != after.inode;
}

}  // namespace

SocketDiff diff_sockets(const Snapshot& before, const Snapshot& after) {
  std::vector<DiffSocket> old_sockets = diff_sockets_of(before);
  std::vector<DiffSocket> new_sockets = diff_sockets_of(after);
  KeyedMatch match = match_sockets(old_sockets, new_sockets);
  return list_diff(old_sockets, new_sockets, match, socket_differs);
}

}  // namespace netsnap::analysis
