#include "plugin-server/store/clock.h"

#include <chrono>

#include "vicapi/util/random_hex.h"
#include "vicapi/util/utc_time.h"

namespace vic::server {

std::string utcNow() {
  return utcTimestamp(std::chrono::system_clock::now());
}

std::string randomId() {
  return randomHex(8);
}

}  // namespace vic::server
