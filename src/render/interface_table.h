// netstat -i's interface list and its two formats (NETSTAT-FORMAT.md §10).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "netsnap/model/snapshot.h"
#include "netsnap/render/output.h"

namespace netsnap::render {

// One row of the table: a name netstat lists and what the kernel answers for it.
struct InterfaceView {
  std::string name;  // a device, or an IPv4 alias label such as "eth0:1"
  // The device the kernel's ioctls reach for this name (an alias's parent); null when unknown.
  const model::Interface* device = nullptr;
  const model::InterfaceCounters* counters = nullptr;  // its /proc/net/dev line, if any
  const model::InterfaceAddress4* address4 = nullptr;  // the address labelled with the name
  const std::vector<model::InterfaceAddress6>* addresses6 = nullptr;  // if_inet6 lines for it
};

// netstat's nstrcmp(): names compare by their text before a trailing number, then by that number,
// then by an alias suffix ":N" (none first). 0 only for names netstat treats as the same.
int compare_interface_names(std::string_view a, std::string_view b);

// Adds name to a list kept in that order, as netstat's if_cache_add() does (it inserts from the
// end and drops a name that compares equal to one already there).
void insert_interface_name(std::vector<std::string>& names, const std::string& name);

// The rows of the table in netstat's order: the /proc/net/dev names, then the IPv4 labels.
std::vector<InterfaceView> interface_views(const model::Snapshot& snapshot);

// ifconfig's block for one interface (-ie), ending with an empty line.
std::string interface_long_block(const InterfaceView& view);  // interface_long_format.cc

// "ether 52:54:00:12:34:56", "loop", "unspec 00-00-...": the hardware part of that block, and
// the title that follows it ("Ethernet").
struct HardwareText {
  std::string address;  // name and, when the type prints one, its address
  std::string title;
};
HardwareText hardware_text(const model::Interface& device);  // interface_hardware.cc

}  // namespace netsnap::render
