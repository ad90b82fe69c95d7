#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vic::server {

// Whether VCHs' Docker API endpoints accept connections: what the list's
// status says beside the power state. A TCP connection within a short limit
// is "answering" (the endpoint may still refuse a client without its
// certificate, but it is up). Answers are kept a few seconds so that panes
// refreshing every few seconds do not reconnect each time, and one call
// probes at most so many endpoints, in parallel, within about one limit.
class EndpointHealth {
 public:
  struct Limits {
    std::chrono::milliseconds connect{700};
    std::chrono::milliseconds keep{10000};
    std::size_t parallel = 16;
    std::size_t maxPerCall = 256;
    std::size_t maxKept = 4096;
  };
  EndpointHealth() = default;
  explicit EndpointHealth(Limits limits) : limits_(limits) {}

  // host:port -> answering; endpoints beyond the call's limit are left out.
  std::map<std::string, bool> check(const std::vector<std::string>& endpoints);

 private:
  std::optional<bool> kept(const std::string& endpoint);
  void keep(const std::string& endpoint, bool answering);
  bool connects(const std::string& endpoint) const;

  Limits limits_;
  std::mutex mutex_;
  struct Kept {
    bool answering = false;
    std::chrono::steady_clock::time_point at;
  };
  std::map<std::string, Kept> kept_;
};

}  // namespace vic::server
