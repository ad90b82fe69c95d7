#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace vic::endpoint {

// Who logged in to the admin portal: random tokens in a cookie, each bound to
// the address it was issued to and good for 24 hours, as the original's.
// At most kMax are kept; the oldest go first.
class PortalSessions {
 public:
  static constexpr std::size_t kMax = 1024;
  static constexpr std::chrono::hours kLifetime{24};

  std::string open(const std::string& clientIp, const std::string& user);
  // The user of a live session, or "" when the token is unknown, expired or
  // presented from another address.
  std::string user(const std::string& token, const std::string& clientIp);
  void close(const std::string& token);

 private:
  struct Session {
    std::string clientIp;
    std::string user;
    std::chrono::steady_clock::time_point expires;
  };
  std::mutex mutex_;
  std::map<std::string, Session> sessions_;
};

}  // namespace vic::endpoint
