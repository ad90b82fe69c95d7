#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
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
//
// The record comes from vCenter and may list any number of appliances, so
// probes run on a fixed pool of threads, a call waits about one probe's time
// limit in all, an appliance not reached by then is reported as not probed,
// and only so many answers are kept.
class ApplianceProber {
 public:
  struct Limits {
    std::chrono::milliseconds keep{2000};     // how long an answer is believed
    std::chrono::milliseconds timeout{3000};  // for one probe, and for a whole call
    std::size_t threads = 8;
    std::size_t maxKept = 1024;
    std::size_t maxQueued = 4096;
  };
  ApplianceProber();
  explicit ApplianceProber(Limits limits);
  ApplianceProber(std::chrono::milliseconds keep, std::chrono::milliseconds timeout);
  ~ApplianceProber();
  ApplianceProber(const ApplianceProber&) = delete;
  ApplianceProber& operator=(const ApplianceProber&) = delete;

  // Every appliance, keyed by id.
  std::map<std::string, Reachability> probeAll(const std::vector<ApplianceEntry>& appliances);

 private:
  struct Batch;
  struct Job {
    std::string key;
    ApplianceEntry appliance;
    std::shared_ptr<Batch> batch;
  };
  Reachability probe(const ApplianceEntry& appliance) const;
  std::optional<Reachability> kept(const std::string& key);
  void keep(const std::string& key, const Reachability& r);
  void work();

  Limits limits_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> queue_;
  bool stopping_ = false;
  struct Kept {
    Reachability answer;
    std::chrono::steady_clock::time_point at;
  };
  std::map<std::string, Kept> kept_;  // by id, url and thumbprint
  std::vector<std::thread> threads_;
};

}  // namespace vic::server
