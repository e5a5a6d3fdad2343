// The order and the membership of netstat -i's list (NETSTAT-FORMAT.md §10.1).
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "interface_table.h"

namespace netsnap::render {
namespace {

// A name split as nstrcmp() splits it: "eth0:12" is base "eth0" with alias 12.
struct SplitName {
  std::string base;
  std::string_view alias;  // the digits after ':', empty when there is no alias
  bool has_alias = false;
};

// Where the run of digits that ends `name` starts (name.size() when there is none).
size_t digits_start(std::string_view name) {
  size_t pos = name.size();
  while (pos > 0 && std::isdigit(static_cast<unsigned char>(name[pos - 1]))) --pos;
  return pos;
}

SplitName split_alias(std::string_view name) {
  size_t pos = digits_start(name);
  if (pos < name.size() && pos > 0 && name[pos - 1] == ':')
    return {std::string(name.substr(0, pos - 1)), name.substr(pos), true};
  return {std::string(name), {}, false};
}

// atoi(): strtol's value cut to an int.
int c_atoi(std::string_view digits) {
  return static_cast<int>(std::strtol(std::string(digits).c_str(), nullptr, 10));
}

int sign(int value) { return (value > 0) - (value < 0); }

}  // namespace

int compare_interface_names(std::string_view a, std::string_view b) {
  SplitName sa = split_alias(a), sb = split_alias(b);
  size_t ia = digits_start(sa.base), ib = digits_start(sb.base);
  int res = std::strncmp(sa.base.c_str(), sb.base.c_str(), std::min(ia, ib));
  if (res != 0) return sign(res);
  if (ia != ib) return ia > ib ? 1 : -1;
  int av = c_atoi(std::string_view(sa.base).substr(ia));
  int bv = c_atoi(std::string_view(sb.base).substr(ib));
  if (av != bv) return av < bv ? -1 : 1;
  res = std::strcmp(sa.base.c_str(), sb.base.c_str());
  if (res != 0) return sign(res);
  av = sa.has_alias ? c_atoi(sa.alias) : -1;
  bv = sb.has_alias ? c_atoi(sb.alias) : -1;
  if (av != bv) return av < bv ? -1 : 1;
  return 0;
}

void insert_interface_name(std::vector<std::string>& names, const std::string& name) {
  size_t pos = names.size();
  while (pos > 0) {
    int n = compare_interface_names(names[pos - 1], name);
    if (n == 0) return;
    if (n < 0) break;
    --pos;
  }
  names.insert(names.begin() + static_cast<std::ptrdiff_t>(pos), name);
}

namespace {

const model::Interface* find_interface(const model::Snapshot& s, std::string_view name) {
  for (const auto& i : s.interfaces)
    if (i.name == name) return &i;
  return nullptr;
}

InterfaceView view_of(const model::Snapshot& s, const std::string& name) {
  InterfaceView view;
  view.name = name;
  // The kernel finds the device by the part before ':' (an alias's flags are its parent's).
  view.device = find_interface(s, std::string_view(name).substr(0, name.find(':')));
  if (const model::Interface* own = find_interface(s, name)) {
    if (own->counters) view.counters = &*own->counters;
    view.addresses6 = &own->addresses6;
  }
  if (view.device) {
    for (const auto& a : view.device->addresses4) {
      if (a.label == name) {
        view.address4 = &a;
        break;
      }
    }
  }
  return view;
}

}  // namespace

std::vector<InterfaceView> interface_views(const model::Snapshot& s) {
  // netstat lists the names of /proc/net/dev and those SIOCGIFCONF reports (every IPv4 address
  // label); interfaces the snapshot knows only from sysfs or if_inet6 are not among them.
  std::vector<std::string> names;
  for (const auto& i : s.interfaces)
    if (i.counters) insert_interface_name(names, i.name);
  for (const auto& i : s.interfaces)
    for (const auto& a : i.addresses4) insert_interface_name(names, a.label);
  std::vector<InterfaceView> views;
  views.reserve(names.size());
  for (const auto& name : names) views.push_back(view_of(s, name));
  return views;
}

}  // namespace netsnap::render
