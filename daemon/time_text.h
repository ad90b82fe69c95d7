#pragma once

#include <string>

namespace vic::endpoint {

// Now as Docker writes times: RFC 3339 in UTC with nanoseconds.
std::string nowRfc3339();
// Seconds since the epoch of such a time; 0 when it does not read.
long long epochOf(const std::string& rfc3339);
// Docker's "Up 5 minutes" / "2 hours ago" wording for a span of seconds.
std::string humanDuration(long long seconds);

}  // namespace vic::endpoint
