// Renders a snapshot as net-tools netstat 2.10 prints it (NETSTAT-FORMAT.md), from the snapshot
// alone: names come from its recorded name table, never from this machine.
#pragma once

#include "netsnap/model/snapshot.h"
#include "netsnap/render/netstat_options.h"
#include "netsnap/render/output.h"

namespace netsnap::render {

// One netstat cycle (one run, or one repetition of -c; `cycle` counts from 0). Returns netstat's
// exit status for it; -c stops at the first non-zero status.
int render_netstat(const model::Snapshot& snapshot, const NetstatOptions& options, int cycle,
                   Output& output);

// Whether -c repeats this mode at all (-s prints once).
bool netstat_mode_repeats(const NetstatOptions& options);

}  // namespace netsnap::render
