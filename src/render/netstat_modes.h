// The modes of netstat, one file each; render_netstat (netstat.cc) picks one.
// Each returns netstat's exit status for the cycle and writes only to `output`.
#pragma once

#include "netsnap/model/snapshot.h"
#include "netsnap/render/name_lookup.h"
#include "netsnap/render/netstat_options.h"
#include "netsnap/render/output.h"

namespace netsnap::render {

struct RenderContext {
  const model::Snapshot& snapshot;
  const NetstatOptions& options;
  const NameLookup& names;
  int cycle = 0;  // -c repetition, from 0
};

// Socket listing (§1.3 order): Internet sockets, -g groups, unix, legacy families.
int render_sockets(const RenderContext& context, Output& output);     // netstat_sockets.cc
int render_groups(const RenderContext& context, Output& output);      // netstat_groups.cc
int render_routes(const RenderContext& context, Output& output);      // netstat_routes.cc
int render_interfaces(const RenderContext& context, Output& output);  // netstat_interfaces.cc
int render_statistics(const RenderContext& context, Output& output);  // netstat_statistics.cc
int render_masquerade(const RenderContext& context, Output& output);  // netstat_masquerade.cc

// perror()'s line: "TEXT: strerror(error_number)\n".
std::string perror_line(std::string_view text, int error_number);
// A path recorded relative to the root, as netstat names it: "proc/net/tcp" -> "/proc/net/tcp".
std::string proc_path(std::string_view relative);

}  // namespace netsnap::render
