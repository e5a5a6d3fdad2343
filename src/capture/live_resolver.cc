// Name lookups through this machine's name service, as netstat makes them, without ever letting a
// slow DNS server stall recording: host and network lookups run on a background thread and are
// cached for the life of the recorder; capture waits for them only up to a time budget.
#include <arpa/inet.h>
#include <netdb.h>
#include <pwd.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

#include "netsnap/capture/name_resolver.h"
#include "port_names.h"

namespace netsnap::capture {
namespace {

using model::IpAddress;

enum class LookupKind { kHost, kNetwork };
using LookupKey = std::pair<LookupKind, IpAddress>;

std::optional<std::string> lookup_host(const IpAddress& a) {
  if (a.is_v4()) {
    struct hostent he, *result = nullptr;
    char buf[8192];
    int herr = 0;
    gethostbyaddr_r(a.data(), 4, AF_INET, &he, buf, sizeof buf, &result, &herr);
    if (result && result->h_name) return std::string(result->h_name);
    return std::nullopt;
  }
  struct sockaddr_in6 sin6 {};
  sin6.sin6_family = AF_INET6;
  std::copy(a.data(), a.data() + 16, sin6.sin6_addr.s6_addr);
  char host[NI_MAXHOST];
  if (getnameinfo(reinterpret_cast<sockaddr*>(&sin6), sizeof sin6, host, sizeof host, nullptr, 0,
                  NI_NAMEREQD) == 0)
    return std::string(host);
  return std::nullopt;
}

std::optional<std::string> lookup_network(const IpAddress& a) {
  uint32_t net = (uint32_t{a.data()[0]} << 24) | (uint32_t{a.data()[1]} << 16) |
                 (uint32_t{a.data()[2]} << 8) | a.data()[3];
  struct netent ne, *result = nullptr;
  char buf[8192];
  int herr = 0;
  getnetbyaddr_r(net, AF_INET, &ne, buf, sizeof buf, &result, &herr);
  if (result && result->n_name) return std::string(result->n_name);
  return std::nullopt;
}

// Shared with the worker thread, which may outlive the resolver while a lookup hangs.
struct LookupCache {
  std::mutex mutex;
  std::condition_variable changed;
  std::deque<LookupKey> queue;
  std::map<LookupKey, std::optional<std::string>> done;
  std::set<LookupKey> queued;
  bool stop = false;
};

void worker(std::shared_ptr<LookupCache> cache) {
  std::unique_lock lock(cache->mutex);
  for (;;) {
    cache->changed.wait(lock, [&] { return cache->stop || !cache->queue.empty(); });
    if (cache->stop) return;
    LookupKey key = cache->queue.front();
    cache->queue.pop_front();
    lock.unlock();
    auto name =
        key.first == LookupKind::kHost ? lookup_host(key.second) : lookup_network(key.second);
    lock.lock();
    cache->done[key] = std::move(name);
    cache->changed.notify_all();
  }
}

class LiveResolver : public NameResolver {
 public:
  explicit LiveResolver(int budget_ms) : budget_(budget_ms), cache_(new LookupCache) {
    std::thread(worker, cache_).detach();
    load_services_and_protocols();
  }
  ~LiveResolver() override {
    std::lock_guard lock(cache_->mutex);
    cache_->stop = true;
    cache_->changed.notify_all();
  }

  model::NameTable resolve(const NameKeys& keys) override {
    model::NameTable table;
    table.source = "nss";
    resolve_addresses(keys, table);
    ports_.resolve(keys, table);
    resolve_users(keys, table);
    return table;
  }

 private:
  // netstat reads the whole databases with getservent()/getprotoent(); the last entry wins.
  void load_services_and_protocols() {
    setservent(1);
    while (struct servent* s = getservent())
      ports_.add_service(ntohs(static_cast<uint16_t>(s->s_port)), s->s_proto, s->s_name);
    endservent();
    setprotoent(1);
    while (struct protoent* p = getprotoent())
      ports_.add_protocol(static_cast<uint32_t>(p->p_proto), p->p_name);
    endprotoent();
  }

  void resolve_addresses(const NameKeys& keys, model::NameTable& table) {
    std::vector<LookupKey> wanted;
    for (const auto& a : keys.hosts4) wanted.push_back({LookupKind::kHost, a});
    for (const auto& a : keys.hosts6) wanted.push_back({LookupKind::kHost, a});
    for (const auto& a : keys.networks4) wanted.push_back({LookupKind::kNetwork, a});
    std::unique_lock lock(cache_->mutex);
    for (const auto& key : wanted) {
      if (cache_->done.count(key) || !cache_->queued.insert(key).second) continue;
      cache_->queue.push_back(key);
    }
    cache_->changed.notify_all();
    auto all_done = [&] {
      for (const auto& key : wanted)
        if (!cache_->done.count(key)) return false;
      return true;
    };
    cache_->changed.wait_for(lock, budget_, all_done);
    for (const auto& key : wanted) {
      auto it = cache_->done.find(key);
      if (it == cache_->done.end() || !it->second) continue;
      auto& list = key.first == LookupKind::kNetwork ? table.networks4
                   : key.second.is_v4()              ? table.hosts4
                                                     : table.hosts6;
      list.push_back({key.second, *it->second});
    }
  }

  void resolve_users(const NameKeys& keys, model::NameTable& table) {
    for (uint32_t uid : keys.users) {
      struct passwd pw, *result = nullptr;
      char buf[4096];
      if (getpwuid_r(uid, &pw, buf, sizeof buf, &result) == 0 && result)
        table.users.push_back({uid, result->pw_name});
    }
  }

  std::chrono::milliseconds budget_;
  std::shared_ptr<LookupCache> cache_;
  PortNames ports_;
};

}  // namespace

std::unique_ptr<NameResolver> make_live_resolver(int budget_ms) {
  return std::make_unique<LiveResolver>(budget_ms);
}

}  // namespace netsnap::capture
