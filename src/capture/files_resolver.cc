// Name lookups from the name database files only, as glibc's "files" NSS backend answers them.
// Used for fixture roots: their etc/ files first, this machine's /etc for the files they lack.
#include <arpa/inet.h>

#include <fstream>
#include <sstream>

#include "netsnap/capture/name_resolver.h"
#include "netsnap/capture/text_scan.h"

namespace netsnap::capture {
namespace {

using model::IpAddress;

struct HostLine {
  std::string address_text;
  std::string name;
};

// Lines of a database file, comments ('#' to end of line) removed, split into fields.
std::vector<std::vector<std::string>> read_database(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    line = line.substr(0, line.find('#'));
    std::vector<std::string> fields;
    for (auto f : split_fields(line)) fields.emplace_back(f);
    if (!fields.empty()) rows.push_back(std::move(fields));
  }
  return rows;
}

// glibc maps ::ffff:a.b.c.d and ::1 lines onto IPv4 for AF_INET lookups.
std::optional<IpAddress> host_line_address(const std::string& text, bool want_v6) {
  auto a = IpAddress::parse(text);
  if (!a) return std::nullopt;
  if (want_v6) return a->is_v6() ? a : std::nullopt;
  if (a->is_v4()) return a;
  if (a->is_v4_mapped())
    return IpAddress::v4({a->data()[12], a->data()[13], a->data()[14], a->data()[15]});
  if (*a == *IpAddress::parse("::1")) return IpAddress::parse("127.0.0.1");
  return std::nullopt;
}

class FilesResolver : public NameResolver {
 public:
  FilesResolver(std::string etc_dir, std::string fallback_dir)
      : etc_dir_(std::move(etc_dir)), fallback_dir_(std::move(fallback_dir)) {}

  model::NameTable resolve(const NameKeys& keys) override {
    model::NameTable table;
    table.source = "files:" + etc_dir_;
    resolve_hosts(keys, table);
    resolve_networks(keys, table);
    resolve_services(keys, table);
    resolve_protocols(keys, table);
    resolve_users(keys, table);
    return table;
  }

 private:
  std::vector<std::vector<std::string>> database(const std::string& name) const {
    std::string path = etc_dir_ + "/" + name;
    if (std::ifstream(path).good()) return read_database(path);
    return read_database(fallback_dir_ + "/" + name);
  }

  // First matching line wins; its first name is the official one.
  void resolve_hosts(const NameKeys& keys, model::NameTable& table) const {
    auto rows = database("hosts");
    auto first_match = [&](const IpAddress& key) -> std::optional<std::string> {
      for (const auto& row : rows) {
        if (row.size() < 2) continue;
        auto a = host_line_address(row[0], key.is_v6());
        if (a && *a == key) return row[1];
      }
      return std::nullopt;
    };
    for (const auto& a : keys.hosts4)
      if (auto name = first_match(a)) table.hosts4.push_back({a, *name});
    for (const auto& a : keys.hosts6)
      if (auto name = first_match(a)) table.hosts6.push_back({a, *name});
  }

  void resolve_networks(const NameKeys& keys, model::NameTable& table) const {
    auto rows = database("networks");
    for (const auto& a : keys.networks4) {
      uint32_t net = (uint32_t{a.data()[0]} << 24) | (uint32_t{a.data()[1]} << 16) |
                     (uint32_t{a.data()[2]} << 8) | a.data()[3];
      for (const auto& row : rows) {
        if (row.size() < 2 || inet_network(row[1].c_str()) != net) continue;
        table.networks4.push_back({a, row[0]});
        break;
      }
    }
  }

  // netstat builds its tables with getservent(): the last entry for a port and protocol wins.
  void resolve_services(const NameKeys& keys, model::NameTable& table) const {
    std::map<std::pair<uint16_t, std::string>, std::string> last;
    for (const auto& row : database("services")) {
      if (row.size() < 2) continue;
      size_t slash = row[1].find('/');
      if (slash == std::string::npos) continue;
      auto port = parse_dec(std::string_view(row[1]).substr(0, slash));
      if (!port || *port > 0xffff) continue;
      last[{static_cast<uint16_t>(*port), row[1].substr(slash + 1)}] = row[0];
    }
    for (const auto& key : keys.services)
      if (auto it = last.find(key); it != last.end())
        table.services.push_back({key.first, key.second, it->second});
  }

  void resolve_protocols(const NameKeys& keys, model::NameTable& table) const {
    std::map<uint32_t, std::string> last;
    for (const auto& row : database("protocols")) {
      if (row.size() < 2) continue;
      if (auto n = parse_dec(row[1])) last[static_cast<uint32_t>(*n)] = row[0];
    }
    for (uint32_t n : keys.protocols)
      if (auto it = last.find(n); it != last.end()) table.protocols.push_back({n, it->second});
  }

  void resolve_users(const NameKeys& keys, model::NameTable& table) const {
    std::map<uint32_t, std::string> first;
    std::string path = etc_dir_ + "/passwd";
    std::ifstream in(std::ifstream(path).good() ? path : fallback_dir_ + "/passwd");
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::stringstream ss(line);
      for (std::string part; std::getline(ss, part, ':');) f.push_back(part);
      if (f.size() < 3) continue;
      if (auto uid = parse_dec(f[2])) first.emplace(static_cast<uint32_t>(*uid), f[0]);
    }
    for (uint32_t uid : keys.users)
      if (auto it = first.find(uid); it != first.end()) table.users.push_back({uid, it->second});
  }

  std::string etc_dir_;
  std::string fallback_dir_;
};

}  // namespace

std::unique_ptr<NameResolver> make_files_resolver(std::string etc_dir, std::string fallback_dir) {
  return std::make_unique<FilesResolver>(std::move(etc_dir), std::move(fallback_dir));
}

}  // namespace netsnap::capture
