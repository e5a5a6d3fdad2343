// netstat -i: the kernel interface table, short (-i, -ia) or ifconfig-style (-ie)
// (NETSTAT-FORMAT.md §10).
//
// Deliberate deviation: 2.10 shows all-zero counters for an interface whose name is exactly 15
// characters long (its name copy stops before the ':' of /proc/net/dev); netsnap shows the real
// counters.
#include <cerrno>
#include <cstring>
#include <string>

#include "interface_table.h"
#include "netsnap/render/columns.h"
#include "netsnap/render/safe_text.h"
#include "netstat_modes.h"

namespace netsnap::render {
namespace {

constexpr uint32_t kIffUp = 0x1;

// SIOCGIFFLAGS answers a short: the flags netstat sees are the low 16 bits.
uint16_t kernel_flags(const model::Interface& device) {
  return static_cast<uint16_t>(device.flags.value_or(0));
}

std::string flag_letters(uint16_t flags) {
  static constexpr std::pair<uint16_t, char> kLetters[] = {
      {0x200, 'A'},  {0x2, 'B'},   {0x4, 'D'},  {0x8, 'L'},  {0x1000, 'M'},
      {0x8000, 'd'}, {0x100, 'P'}, {0x20, 'N'}, {0x80, 'O'}, {0x10, 'P'},
      {0x800, 's'},  {0x400, 'm'}, {0x40, 'R'}, {0x1, 'U'}};
  std::string text = flags == 0 ? "[NO FLAGS]" : "";
  for (auto [bit, letter] : kLetters)
    if (flags & bit) text += letter;
  return text;
}

std::string short_row(const InterfaceView& view) {
  const model::Interface& device = *view.device;
  std::string line;
  append_truncated(line, printable(view.name), 15);
  line += ' ';
  append_right(line, std::to_string(static_cast<int32_t>(device.mtu.value_or(0))), 5);
  line += ' ';
  if (const model::InterfaceCounters* c = view.counters) {
    append_right(line, c->rx_packets, 8);
    line += ' ';
    append_right(line, c->rx_errors, 6);
    line += ' ';
    append_right(line, c->rx_dropped, 6);
    line += ' ';
    append_left(line, c->rx_fifo, 6);  // RX-OVR is left-aligned in 2.10
    line += ' ';
    append_right(line, c->tx_packets, 8);
    line += ' ';
    append_right(line, c->tx_errors, 6);
    line += ' ';
    append_right(line, c->tx_dropped, 6);
    line += ' ';
    append_right(line, c->tx_fifo, 6);
    line += ' ';
  } else {
    append_left(line, "     - no statistics available -", 56);
  }
  return line + flag_letters(kernel_flags(device)) + "\n";
}

// netstat's if_readlist_proc() warns when it cannot open /proc/net/dev and goes on with the
// names SIOCGIFCONF gives.
void warn_without_proc_net_dev(const model::Snapshot& s, Output& output) {
  int error = s.open_error("proc/net/dev");
  if (error == 0) return;
  output.err(std::string("Warning: cannot open /proc/net/dev (") + std::strerror(error) +
             "). Limited output.\n");
}

}  // namespace

int render_interfaces(const RenderContext& context, Output& output) {
  const NetstatOptions& options = context.options;
  // The title belongs to opening netstat's socket, which -c keeps open across repetitions.
  if (context.cycle == 0) output.out("Kernel Interface table\n");
  bool long_format = options.extend > 0;
  if (!long_format)
    output.out(
        "Iface             MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n");
  warn_without_proc_net_dev(context.snapshot, output);
  for (const InterfaceView& view : interface_views(context.snapshot)) {
    if (!view.device || !view.device->flags) {
      // SIOCGIFFLAGS failed: the kernel does not know the name (it vanished, or never existed).
      output.err(printable(view.name) +
                 ": error fetching interface information: Device not found\n");
      output.err("missing interface information: No such device\n");
      return 1;
    }
    if (!(kernel_flags(*view.device) & kIffUp) && !options.all) continue;
    output.out(long_format ? interface_long_block(view) : short_row(view));
  }
  return 0;
}

}  // namespace netsnap::render
