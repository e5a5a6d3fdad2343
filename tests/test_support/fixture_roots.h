// The checked-in fixture roots, for tests that must hold for every one of them.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace netsnap::testing {

// Every folder under fixtures/ that has a proc/, and those one level further down (the steps of
// fixtures/deploy-sequence), sorted.
std::vector<std::filesystem::path> fixture_roots();

// The root's path under fixtures/: "minimal", "deploy-sequence/step-0".
std::string fixture_name(const std::filesystem::path& root);

}  // namespace netsnap::testing
