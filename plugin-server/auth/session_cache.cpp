#include "plugin-server/auth/session_cache.h"

#include <openssl/evp.h>

#include "vicapi/util/log.h"
#include "vicapi/version/version.h"

namespace vic::server {

namespace {

std::string sha256Hex(const std::string& s) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(s.data(), s.size(), md, &len, EVP_sha256(), nullptr);
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 0xF];
  }
  return out;
}

// How long a cached session may sit unused before it is checked with vCenter.
constexpr std::chrono::seconds kRecheckAfter{60};

}  // namespace

SessionCache::SessionCache(std::chrono::seconds idle, std::size_t maxEntries)
    : idle_(idle), max_(maxEntries) {}

void SessionCache::expire(std::chrono::steady_clock::time_point now) {
  for (auto it = entries_.begin(); it != entries_.end();)
    it = now - it->second.lastUsed > idle_ ? entries_.erase(it) : std::next(it);
  while (entries_.size() >= max_) {
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->second.lastUsed < oldest->second.lastUsed) oldest = it;
    entries_.erase(oldest);
  }
}

SessionCache::Session SessionCache::get(const http::Endpoint& target, const tls::Trust& trust,
                                        const std::string& trustKey, const Credentials& c) {
  const std::string who = c.kind == Credentials::Kind::Basic
                              ? "u:" + c.user + ":" + sha256Hex(c.password.reveal())
                              : "t:" + sha256Hex(c.ticket.reveal());
  const std::string key = target.hostPort() + "|" + trustKey + "|" + who;
  const auto now = std::chrono::steady_clock::now();
  Session cached;
  {
    std::lock_guard lock(mutex_);
    expire(now);
    if (auto it = entries_.find(key); it != entries_.end()) {
      const bool fresh = now - it->second.lastUsed < kRecheckAfter;
      it->second.lastUsed = now;
      cached = it->second.session;
      if (fresh) return cached;
    }
  }
  // A session idle for a while may have been ended by vCenter (its own idle
  // timeout, a restart): check it before handing it out again.
  if (cached.client) {
    try {
      if (cached.client->currentSession()) return cached;
    } catch (const std::exception& e) {
      logger()->debug("cached vSphere session on {} for {} is unusable: {}", target.hostPort(),
                      cached.principal, e.what());
    }
    forget(cached.client);
  }
  // Logging in happens outside the lock: one slow vCenter must not hold up
  // callers of another.
  vim::ClientOptions options;
  options.transport.userAgent = version::userAgent();
  auto client = std::make_shared<vim::Client>(target, trust, options);
  Session s{client, c.user};
  if (c.kind == Credentials::Kind::Basic) {
    client->login(c.user, c.password);
  } else {
    s.principal = client->cloneSession(c.ticket).userName;
  }
  logger()->info("vSphere session opened on {} for {}", target.hostPort(), s.principal);
  std::lock_guard lock(mutex_);
  auto [it, inserted] = entries_.emplace(key, Entry{s, now});
  return it->second.session;  // a racing request may have logged in first; use that one
}

void SessionCache::forget(const std::shared_ptr<vim::Client>& client) {
  std::lock_guard lock(mutex_);
  for (auto it = entries_.begin(); it != entries_.end();)
    it = it->second.session.client == client ? entries_.erase(it) : std::next(it);
}

std::size_t SessionCache::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace vic::server
