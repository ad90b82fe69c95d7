#include "plugin-server/auth/session_cache.h"

#include <openssl/evp.h>

#include "plugin-server/auth/token_exchange.h"
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

std::string keyOf(const net::Endpoint& target, const std::string& trustKey, const Credentials& c) {
  std::string who;
  switch (c.kind) {
    case Credentials::Kind::Basic:
      who = "u:" + c.user + ":" + sha256Hex(c.password.reveal());
      break;
    case Credentials::Kind::Ticket:
      who = "t:" + sha256Hex(c.ticket.reveal());
      break;
    case Credentials::Kind::Token:
      who = "k:" + sha256Hex(c.token.reveal()) + "@" + c.uiEndpoint;
      break;
  }
  return target.hostPort() + "|" + trustKey + "|" + who;
}

}  // namespace

SessionCache::SessionCache() : SessionCache(Limits{}) {}

SessionCache::SessionCache(Limits limits, Connect connect)
    : limits_(limits), connect_(std::move(connect)) {
  if (!connect_)
    connect_ = [](const net::Endpoint& target, const tls::Trust& trust) {
      vim::ClientOptions options;
      options.transport.userAgent = version::userAgent();
      return std::make_shared<vim::Client>(target, trust, options);
    };
  sweeper_ = std::thread([this] { sweep(); });
}

SessionCache::~SessionCache() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  stop_.notify_all();
  sweeper_.join();
}

void SessionCache::sweep() {
  const auto period =
      std::max(std::chrono::seconds(1),
               std::min({limits_.idle, limits_.tokenIdle, limits_.cloneLifetime}) / 4);
  std::unique_lock lock(mutex_);
  while (!stop_.wait_for(lock, period, [this] { return stopping_; })) {
    auto dropped = expire(std::chrono::steady_clock::now());
    lock.unlock();
    dropped.clear();  // logs out, outside the lock
    lock.lock();
  }
}

std::vector<SessionCache::Entry> SessionCache::expire(std::chrono::steady_clock::time_point now) {
  std::vector<Entry> dropped;
  for (auto it = entries_.begin(); it != entries_.end();) {
    if (it->second.over(now)) {
      logger()->info(
          "vSphere session on {} for {} dropped {}", it->second.target,
          it->second.session.principal,
          now >= it->second.ends
              ? "at the end of its " + std::to_string(limits_.cloneLifetime.count()) + " s lifetime"
              : "after " + std::to_string(it->second.idle.count()) + " s unused");
      dropped.push_back(std::move(it->second));
      it = entries_.erase(it);
    } else {
      ++it;
    }
  }
  while (entries_.size() >= limits_.maxEntries) {
    auto oldest = entries_.begin();
    for (auto it = entries_.begin(); it != entries_.end(); ++it)
      if (it->second.lastUsed < oldest->second.lastUsed) oldest = it;
    dropped.push_back(std::move(oldest->second));
    entries_.erase(oldest);
  }
  return dropped;
}

SessionCache::Session SessionCache::open(const net::Endpoint& target, const tls::Trust& trust,
                                         const Credentials& c) {
  auto client = connect_(target, trust);
  Session s{client, c.user};
  switch (c.kind) {
    case Credentials::Kind::Basic:
      client->login(c.user, c.password);
      break;
    case Credentials::Kind::Ticket:
      s.principal = client->cloneSession(c.ticket).userName;
      break;
    case Credentials::Kind::Token: {
      const auto ticket = cloneTicketForToken(vsphereClientEndpoint(target, c.uiEndpoint), trust,
                                              c.token, client->serviceContent().about.instanceUuid);
      s.principal = client->cloneSession(ticket).userName;
      break;
    }
  }
  logger()->info("vSphere session opened on {} for {}", target.hostPort(), s.principal);
  return s;
}

SessionCache::Session SessionCache::get(const net::Endpoint& target, const tls::Trust& trust,
                                        const std::string& trustKey, const Credentials& c) {
  const std::string key = keyOf(target, trustKey, c);
  const auto now = std::chrono::steady_clock::now();
  Session cached;
  std::vector<Entry> dropped;
  {
    std::lock_guard lock(mutex_);
    dropped = expire(now);
    if (auto it = entries_.find(key); it != entries_.end()) {
      const bool fresh = now - it->second.lastUsed < kRecheckAfter;
      it->second.lastUsed = now;
      cached = it->second.session;
      if (fresh) return cached;
    }
  }
  dropped.clear();
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
  Session s = open(target, trust, c);
  const auto idle = c.kind == Credentials::Kind::Token ? limits_.tokenIdle : limits_.idle;
  const auto ends = c.kind == Credentials::Kind::Basic
                        ? std::chrono::steady_clock::time_point::max()
                        : now + limits_.cloneLifetime;
  std::lock_guard lock(mutex_);
  auto [it, inserted] = entries_.emplace(key, Entry{s, now, idle, target.hostPort(), ends});
  return it->second.session;  // a racing request may have logged in first; use that one
}

void SessionCache::forget(const std::shared_ptr<vim::Client>& client) {
  std::vector<Entry> dropped;
  {
    std::lock_guard lock(mutex_);
    for (auto it = entries_.begin(); it != entries_.end();) {
      if (it->second.session.client == client) {
        dropped.push_back(std::move(it->second));
        it = entries_.erase(it);
      } else {
        ++it;
      }
    }
  }
}

std::size_t SessionCache::size() {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace vic::server
