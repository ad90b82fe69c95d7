#pragma once

#include <string>

namespace vic::server {

// "2026-11-27T21:05:03.123Z"
std::string utcNow();

// 16 random hex digits, for operation ids.
std::string randomId();

}  // namespace vic::server
