#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace vic::test {

// The minimal body VIC's own API tests created a VCH with, for vcsim's
// default inventory.
nlohmann::json minimalVchBody(const std::string& name);

}  // namespace vic::test
