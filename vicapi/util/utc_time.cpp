#include "vicapi/util/utc_time.h"

#include <cstdio>
#include <ctime>

namespace vic {

std::string utcTimestamp(std::chrono::system_clock::time_point when, bool milliseconds) {
  using namespace std::chrono;
  const std::time_t t = system_clock::to_time_t(when);
  const auto ms = duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  std::string out = buf;
  if (milliseconds) {
    std::snprintf(buf, sizeof buf, ".%03d", static_cast<int>(ms));
    out += buf;
  }
  return out + "Z";
}

}  // namespace vic
