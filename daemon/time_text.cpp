#include "daemon/time_text.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace vic::endpoint {

std::string nowRfc3339() {
  const auto now = std::chrono::system_clock::now();
  const auto secs = std::chrono::system_clock::to_time_t(now);
  const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(
                         now.time_since_epoch() - std::chrono::seconds(secs))
                         .count();
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%09lldZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<long long>(nanos));
  return buf;
}

long long epochOf(const std::string& text) {
  std::tm tm{};
  if (text.size() < 19 || !strptime(text.substr(0, 19).c_str(), "%Y-%m-%dT%H:%M:%S", &tm)) return 0;
  return static_cast<long long>(timegm(&tm));
}

std::string humanDuration(long long s) {
  auto plural = [](long long n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
  };
  if (s < 1) return "Less than a second";
  if (s < 60) return plural(s, "second");
  if (s < 3600) return s < 120 ? "About a minute" : plural(s / 60, "minute");
  if (s < 48 * 3600) return s < 7200 ? "About an hour" : plural(s / 3600, "hour");
  if (s < 14 * 86400) return plural(s / 86400, "day");
  return plural(s / (7 * 86400), "week");
}

}  // namespace vic::endpoint
