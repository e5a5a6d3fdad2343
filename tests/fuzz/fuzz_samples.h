// Snapshots for the harnesses that evaluate what they parse (filters, netstat options): the
// checked-in fixture roots fixtures/production-001 and deploy-sequence/step-2 as captured, and
// test_support's sample snapshot (SCTP, conntrack, every field set). Captured once.
#pragma once

#include <vector>

#include "netsnap/model/snapshot.h"

namespace netsnap::fuzz {

const std::vector<model::Snapshot>& sample_snapshots();

}  // namespace netsnap::fuzz
