#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "plugin-server/registration/plugin_record.h"

namespace vic::server {

struct Reachability {
  bool reachable = false;
  std::string version;  // what it answers on /container/version
  std::string error;    // why not, when not
};

// Asks registered appliances whether they are up: GET /container/version over
// HTTPS with the certificate pinned to the registered SHA-256 thumbprint, with
// short time limits. Answers are kept a few seconds, so that a pane refreshing
// does not turn into a probe storm.
class ApplianceProber {
 public:
  explicit ApplianceProber(std::chrono::milliseconds keep = std::chrono::seconds(2),
                           std::chrono::milliseconds timeout = std::chrono::seconds(3));
  Reachability probe(const ApplianceEntry& appliance);
  // All at once, in parallel; keyed by appliance id.
  std::map<std::string, Reachability> probeAll(const std::vector<ApplianceEntry>& appliances);

 private:
  struct Kept {
    Reachability answer;
    std::chrono::steady_clock::time_point at;
  };
  std::chrono::milliseconds keep_;
  std::chrono::milliseconds timeout_;
  std::mutex mutex_;
  std::map<std::string, Kept> kept_;  // by id and url
};

}  // namespace vic::server
