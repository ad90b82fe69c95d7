#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include <Poco/Net/HTTPSClientSession.h>

#include "vicapi/net/endpoint.h"
#include "vicapi/tls/trust.h"

namespace vic::net {

// Kept-alive HTTPS connections to one server, shared by any number of threads.
// At most maxConnections are open at once; callers beyond that wait for one to
// be handed back, so a burst of requests never floods vCenter with handshakes.
class ConnectionPool {
 public:
  ConnectionPool(Endpoint endpoint, tls::Trust trust, Timeouts timeouts,
                 std::size_t maxConnections);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  using Conversation = std::function<void(Poco::Net::HTTPSClientSession&)>;

  // Runs one request/response conversation on a pooled connection. Poco's
  // exceptions become vic errors that say what went wrong and where. When a
  // kept-alive connection turns out to have been closed by the server before
  // it answered, the conversation runs once more on a fresh connection; the
  // conversation must therefore be able to start over.
  void run(const Conversation& conversation);

  const Endpoint& endpoint() const { return endpoint_; }
  const Timeouts& timeouts() const { return timeouts_; }
  std::uint64_t connectionsOpened() const { return opened_.load(); }

 private:
  struct Slot;
  std::unique_ptr<Slot> take();
  void giveBack(std::unique_ptr<Slot> slot, bool reusable);

  Endpoint endpoint_;
  Timeouts timeouts_;
  std::size_t max_;
  tls::ClientTls tls_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Slot>> idle_;
  std::size_t busy_ = 0;
  std::atomic<std::uint64_t> opened_{0};
};

}  // namespace vic::net
