#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "plugin-server/auth/credentials.h"
#include "vicapi/vim/client.h"

namespace vic::server {

// Logged-in vSphere clients per target, trust and caller, kept while used so
// that a burst of requests costs one login, not one each. Keys hold a hash of
// the password, ticket or token, never the secret. Sessions handed over by
// the vSphere Client (tokens) are kept for a shorter time than others, and a
// session made from a clone ticket or a token ends after a fixed lifetime
// however busy it is: a ticket or token that leaked stops working then. Idle
// entries are dropped by a sweeper and logged out once no operation still
// uses them.
class SessionCache {
 public:
  struct Limits {
    std::chrono::seconds idle{std::chrono::minutes(15)};
    std::chrono::seconds tokenIdle{std::chrono::minutes(10)};
    std::size_t maxEntries = 512;
    std::chrono::seconds cloneLifetime{std::chrono::minutes(15)};  // tickets and tokens
  };
  // Makes a client (not yet logged in) for a target; by default over HTTPS,
  // in tests over a fake transport.
  using Connect =
      std::function<std::shared_ptr<vim::Client>(const net::Endpoint&, const tls::Trust&)>;
  SessionCache();
  explicit SessionCache(Limits limits, Connect connect = {});
  ~SessionCache();

  struct Session {
    std::shared_ptr<vim::Client> client;
    std::string principal;  // the vSphere user name
  };

  // Throws InvalidLoginFault for refused credentials, an Error for a refused
  // token, TransportError or TlsError when the target cannot be reached or
  // trusted.
  Session get(const net::Endpoint& target, const tls::Trust& trust, const std::string& trustKey,
              const Credentials& credentials);
  // Drops a session that vCenter no longer accepts.
  void forget(const std::shared_ptr<vim::Client>& client);
  std::size_t size();

 private:
  struct Entry {
    Session session;
    std::chrono::steady_clock::time_point lastUsed;
    std::chrono::seconds idle;
    std::string target;
    std::chrono::steady_clock::time_point ends;  // its absolute end; max() for password ones
    bool over(std::chrono::steady_clock::time_point now) const {
      return now - lastUsed > idle || now >= ends;
    }
  };
  Session open(const net::Endpoint& target, const tls::Trust& trust, const Credentials& c);
  // Removes what has been idle too long; the caller destroys the result
  // outside the lock, since destroying a client logs it out.
  std::vector<Entry> expire(std::chrono::steady_clock::time_point now);
  void sweep();

  Limits limits_;
  Connect connect_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
  std::condition_variable stop_;
  bool stopping_ = false;
  std::thread sweeper_;
};

}  // namespace vic::server
