// The running kernel: /proc below "/", interface details by ioctl as netstat gets them, IPv4
// interface addresses by the same ioctls, names through NSS with a time bound.
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <optional>

#include "netsnap/capture/clock.h"
#include "netsnap/capture/name_resolver.h"
#include "netsnap/capture/proc_capture.h"
#include "netsnap/capture/snapshot_source.h"

namespace netsnap::capture {
namespace {

model::IpAddress from_sockaddr(const sockaddr* sa) {
  if (!sa || sa->sa_family != AF_INET) return {};
  const auto* sin = reinterpret_cast<const sockaddr_in*>(sa);
  return model::IpAddress::from_bytes(
      std::string_view(reinterpret_cast<const char*>(&sin->sin_addr), 4));
}

// What netstat -i asks the kernel for each interface.
void query_interface(int sock, model::Interface& i) {
  ifreq req{};
  std::strncpy(req.ifr_name, i.name.c_str(), IFNAMSIZ - 1);
  if (ioctl(sock, SIOCGIFFLAGS, &req) == 0) i.flags = static_cast<uint16_t>(req.ifr_flags);
  if (ioctl(sock, SIOCGIFMTU, &req) == 0) i.mtu = static_cast<uint32_t>(req.ifr_mtu);
  if (ioctl(sock, SIOCGIFINDEX, &req) == 0) i.index = static_cast<uint32_t>(req.ifr_ifindex);
  if (ioctl(sock, SIOCGIFTXQLEN, &req) == 0)
    i.tx_queue_length = static_cast<uint32_t>(req.ifr_qlen);
  if (ioctl(sock, SIOCGIFHWADDR, &req) == 0) {
    i.hardware_type = req.ifr_hwaddr.sa_family;
    i.hardware_address.assign(req.ifr_hwaddr.sa_data, 6);
  }
  if (ioctl(sock, SIOCGIFMAP, &req) == 0) {
    const auto& m = req.ifr_map;
    if (m.mem_start || m.mem_end || m.base_addr || m.irq || m.dma || m.port)
      i.device_map = model::DeviceMap{m.mem_start, m.mem_end, m.base_addr, m.irq, m.dma, m.port};
  }
}

// An IPv4 address ioctl on `label`; nullopt when the kernel refuses it.
std::optional<model::IpAddress> label_address(int sock, const std::string& label,
                                              unsigned long request) {
  ifreq req{};
  std::strncpy(req.ifr_name, label.c_str(), IFNAMSIZ - 1);
  req.ifr_addr.sa_family = AF_INET;
  if (ioctl(sock, request, &req) != 0) return std::nullopt;
  return from_sockaddr(&req.ifr_addr);
}

// The labels (eth0, eth0:1) that have IPv4 addresses, in the kernel's order, once each.
std::vector<std::string> ipv4_labels() {
  std::vector<std::string> labels;
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return labels;
  for (ifaddrs* a = list; a; a = a->ifa_next) {
    if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
    if (std::find(labels.begin(), labels.end(), a->ifa_name) == labels.end())
      labels.emplace_back(a->ifa_name);
  }
  freeifaddrs(list);
  return labels;
}

// One address per label, asked by ioctl as netstat -ie does: the kernel's answers for broadcast
// and peer (0.0.0.0, the address itself) are kept as they are, unlike getifaddrs's.
void add_ipv4_addresses(int sock, model::Snapshot& s) {
  for (const std::string& label : ipv4_labels()) {
    std::string parent = label.substr(0, label.find(':'));
    auto address = label_address(sock, label, SIOCGIFADDR);
    if (!address) continue;
    for (auto& i : s.interfaces) {
      if (i.name != parent) continue;
      i.addresses4.push_back(
          {label, *address, label_address(sock, label, SIOCGIFNETMASK).value_or(model::IpAddress()),
           label_address(sock, label, SIOCGIFBRDADDR), label_address(sock, label, SIOCGIFDSTADDR)});
    }
  }
}

void capture_interfaces(model::Snapshot& s) {
  int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (sock >= 0) {
    for (auto& i : s.interfaces) query_interface(sock, i);
    add_ipv4_addresses(sock, s);
    close(sock);
  }
}

uint64_t net_namespace_inode() {
  struct stat st {};
  return stat("/proc/self/ns/net", &st) == 0 ? st.st_ino : 0;
}

class LiveSource : public SnapshotSource {
 public:
  LiveSource() : fs_("/"), names_(make_live_resolver()) {}

  model::Snapshot capture() override {
    model::Snapshot s;
    Diagnostics diag;
    CaptureClock clock;
    s.host = clock.start_host_info();
    s.host.origin = model::Origin::kLive;
    fill_identity(s.host);
    capture_proc_tables(fs_, s, diag);
    capture_interfaces(s);
    s.names = names_->resolve(collect_name_keys(s));
    s.warnings = diag.take();
    s.host.capture_duration_ns = clock.elapsed_ns();
    return s;
  }

 private:
  void fill_identity(model::HostInfo& h) const {
    char name[256] = {};
    gethostname(name, sizeof name - 1);
    h.hostname = name;
    utsname u{};
    if (uname(&u) == 0) h.kernel_release = u.release;
    h.boot_id = read_trimmed(fs_, "proc/sys/kernel/random/boot_id");
    h.net_namespace_inode = net_namespace_inode();
  }

  RootFs fs_;
  std::unique_ptr<NameResolver> names_;
};

}  // namespace

std::unique_ptr<SnapshotSource> make_live_source() { return std::make_unique<LiveSource>(); }

}  // namespace netsnap::capture
