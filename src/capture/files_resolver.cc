// Name lookups from the name database files only, as glibc's "files" NSS backend answers them.
// Used for fixture roots: their etc/ files first, this machine's /etc for the files they lack.
#include <arpa/inet.h>
#include <algorithm>

#include <sstream>

#include "netsnap/capture/name_resolver.h"
#include "netsnap/capture/root_fs.h"
#include "netsnap/capture/text_scan.h"
#include "port_names.h"

namespace netsnap::capture {
namespace {

using model::IpAddress;

// Lines of a database file, comments ('#' to end of line) removed, split into fields.
std::vector<std::vector<std::string>> database_rows(std::string_view text) {
  std::vector<std::vector<std::string>> rows;
  for (std::string_view line : split_lines(text)) {
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

// The databases are read once, when the resolver is made: a recording reads them per frame.
class FilesResolver : public NameResolver {
 public:
  FilesResolver(const std::string& etc_dir, const std::string& fallback_dir) : etc_dir_(etc_dir) {
    // The root's own file when it can be read (read_file: regular files only), else this machine's.
    auto text_of = [&](const char* name) {
      ReadResult own = read_file(etc_dir + "/" + name);
      return own.ok() ? own.text : read_file(fallback_dir + "/" + name).text;
    };
    hosts_ = database_rows(text_of("hosts"));
    networks_ = database_rows(text_of("networks"));
    load_services(database_rows(text_of("services")));
    load_protocols(database_rows(text_of("protocols")));
    load_users(text_of("passwd"));
  }

  model::NameTable resolve(const NameKeys& keys) override {
    model::NameTable table;
    table.source = "files:" + etc_dir_;
    for (const auto& a : keys.hosts4)
      if (auto name = host_name(a)) table.hosts4.push_back({a, *name});
    for (const auto& a : keys.hosts6)
      if (auto name = host_name(a)) table.hosts6.push_back({a, *name});
    for (const auto& a : keys.networks4)
      if (auto name = network_name(a)) table.networks4.push_back({a, *name});
    ports_.resolve(keys, table);
    for (uint32_t uid : keys.users)
      if (auto it = users_.find(uid); it != users_.end()) table.users.push_back({uid, it->second});
    return table;
  }

 private:
  // First matching line wins; its first name is the official one.
  std::optional<std::string> host_name(const IpAddress& key) const {
    for (const auto& row : hosts_) {
      if (row.size() < 2) continue;
      auto a = host_line_address(row[0], key.is_v6());
      if (a && *a == key) return row[1];
    }
    return std::nullopt;
  }

  // glibc's files backend pads a short network number ("10.200.0") with ".0" parts to four.
  static in_addr_t network_number(std::string text) {
    while (std::count(text.begin(), text.end(), '.') < 3) text += ".0";
    return inet_network(text.c_str());
  }

  std::optional<std::string> network_name(const IpAddress& a) const {
    uint32_t net = (uint32_t{a.data()[0]} << 24) | (uint32_t{a.data()[1]} << 16) |
                   (uint32_t{a.data()[2]} << 8) | a.data()[3];
    for (const auto& row : networks_)
      if (row.size() >= 2 && network_number(row[1]) == net) return row[0];
    return std::nullopt;
  }

  // netstat builds its tables with getservent(): the last entry for a port and protocol wins.
  void load_services(const std::vector<std::vector<std::string>>& rows) {
    for (const auto& row : rows) {
      if (row.size() < 2) continue;
      size_t slash = row[1].find('/');
      if (slash == std::string::npos) continue;
      auto port = parse_dec(std::string_view(row[1]).substr(0, slash));
      if (!port || *port > 0xffff) continue;
      ports_.add_service(static_cast<uint16_t>(*port), row[1].substr(slash + 1), row[0]);
    }
  }

  void load_protocols(const std::vector<std::vector<std::string>>& rows) {
    for (const auto& row : rows) {
      if (row.size() < 2) continue;
      if (auto n = parse_dec(row[1])) ports_.add_protocol(static_cast<uint32_t>(*n), row[0]);
    }
  }

  // getpwuid(): the first line with the uid wins.
  void load_users(const std::string& passwd) {
    std::istringstream in(passwd);
    std::string line;
    while (std::getline(in, line)) {
      std::vector<std::string> f;
      std::stringstream ss(line);
      for (std::string part; std::getline(ss, part, ':');) f.push_back(part);
      if (f.size() < 3) continue;
      if (auto uid = parse_dec(f[2])) users_.emplace(static_cast<uint32_t>(*uid), f[0]);
    }
  }

  std::string etc_dir_;
  std::vector<std::vector<std::string>> hosts_, networks_;
  PortNames ports_;
  std::map<uint32_t, std::string> users_;
};

}  // namespace

std::unique_ptr<NameResolver> make_files_resolver(std::string etc_dir, std::string fallback_dir) {
  return std::make_unique<FilesResolver>(etc_dir, fallback_dir);
}

}  // namespace netsnap::capture
