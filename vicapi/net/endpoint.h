#pragma once

#include <chrono>
#include <string>

namespace vic::net {

// Where a vSphere server listens. Parsed from what administrators type:
// "vc.example.com", "10.0.0.5:8443", "https://vc/sdk", "[fd00::1]:443".
struct Endpoint {
  std::string host;
  unsigned short port = 443;

  static Endpoint parse(const std::string& target);  // throws UsageError
  std::string hostPort() const;                      // brackets IPv6 literals
};

struct Timeouts {
  std::chrono::milliseconds connect{10'000};
  std::chrono::milliseconds read{120'000};
};

}  // namespace vic::net
