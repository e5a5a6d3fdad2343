// A snapshot with every field of the model set to a non-default value, for round-trip tests.
#pragma once

#include "netsnap/model/snapshot.h"

namespace netsnap::testing {

model::Snapshot sample_snapshot(int variant = 0);

}  // namespace netsnap::testing
