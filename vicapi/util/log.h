#pragma once

#include <memory>

#include <spdlog/spdlog.h>

namespace vic {

// The project's one logger ("vic"). Tests and servers replace its sinks; code
// only ever logs through this, so a secret check on its sinks covers everything.
std::shared_ptr<spdlog::logger> logger();

}  // namespace vic
