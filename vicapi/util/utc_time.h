#pragma once

#include <chrono>
#include <string>

namespace vic {

// "2026-11-27T21:05:03.123Z", or without the milliseconds
// ("2026-11-27T21:05:03Z"), as file names that sort by time use it.
std::string utcTimestamp(std::chrono::system_clock::time_point when, bool milliseconds = true);

}  // namespace vic
