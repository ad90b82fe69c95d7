#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "plugin-server/auth/credentials.h"
#include "vicapi/vim/client.h"

namespace vic::server {

// Logged-in vSphere clients per target, trust and caller, kept while used so
// that a burst of requests costs one login, not one each. Keys hold a hash of
// the password or ticket, never the secret. Idle entries are dropped (and
// logged out when no operation still uses them).
class SessionCache {
 public:
  explicit SessionCache(std::chrono::seconds idle = std::chrono::minutes(15),
                        std::size_t maxEntries = 512);

  struct Session {
    std::shared_ptr<vim::Client> client;
    std::string principal;  // the vSphere user name
  };

  // Throws InvalidLoginFault for refused credentials, TransportError or
  // TlsError when the target cannot be reached or trusted.
  Session get(const http::Endpoint& target, const tls::Trust& trust, const std::string& trustKey,
              const Credentials& credentials);
  // Drops a session that vCenter no longer accepts.
  void forget(const std::shared_ptr<vim::Client>& client);
  std::size_t size();

 private:
  struct Entry {
    Session session;
    std::chrono::steady_clock::time_point lastUsed;
  };
  void expire(std::chrono::steady_clock::time_point now);

  std::chrono::seconds idle_;
  std::size_t max_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace vic::server
