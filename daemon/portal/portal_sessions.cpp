#include "daemon/portal/portal_sessions.h"

#include "vicapi/util/random_hex.h"

namespace vic::endpoint {

std::string PortalSessions::open(const std::string& clientIp, const std::string& user) {
  const std::string token = randomHex(32);
  std::lock_guard<std::mutex> lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  for (auto it = sessions_.begin(); it != sessions_.end();)
    it = it->second.expires < now ? sessions_.erase(it) : std::next(it);
  while (sessions_.size() >= kMax) {
    auto oldest = sessions_.begin();
    for (auto it = sessions_.begin(); it != sessions_.end(); ++it)
      if (it->second.expires < oldest->second.expires) oldest = it;
    sessions_.erase(oldest);
  }
  sessions_[token] = {clientIp, user, now + kLifetime};
  return token;
}

std::string PortalSessions::user(const std::string& token, const std::string& clientIp) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = sessions_.find(token);
  if (it == sessions_.end()) return "";
  if (it->second.expires < std::chrono::steady_clock::now()) {
    sessions_.erase(it);
    return "";
  }
  return it->second.clientIp == clientIp ? it->second.user : "";
}

void PortalSessions::close(const std::string& token) {
  std::lock_guard<std::mutex> lock(mutex_);
  sessions_.erase(token);
}

}  // namespace vic::endpoint
