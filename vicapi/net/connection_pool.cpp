#include "vicapi/net/connection_pool.h"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>

#include "vicapi/net/errors.h"

namespace vic::net {

struct ConnectionPool::Slot {
  Poco::Net::HTTPSClientSession session;
  bool used = false;  // has completed at least one exchange
  Slot(const Endpoint& e, Poco::Net::Context::Ptr ctx) : session(e.host, e.port, ctx) {}
};

namespace {

Poco::Timespan span(std::chrono::milliseconds ms) {
  return Poco::Timespan(static_cast<Poco::Timespan::TimeDiff>(ms.count()) * 1000);
}

// Errors that mean "the server had closed this kept-alive connection": it
// cannot have acted on the request, so sending it again is safe.
bool isStaleConnection(const Poco::Exception& e) {
  return dynamic_cast<const Poco::Net::NoMessageException*>(&e) ||
         dynamic_cast<const Poco::Net::ConnectionResetException*>(&e) ||
         dynamic_cast<const Poco::Net::ConnectionAbortedException*>(&e) ||
         (dynamic_cast<const Poco::Net::SSLException*>(&e) &&
          e.message().find("unexpectedly closed") != std::string::npos);
}

}  // namespace

ConnectionPool::ConnectionPool(Endpoint endpoint, tls::Trust trust, Timeouts timeouts,
                               std::size_t maxConnections)
    : endpoint_(std::move(endpoint)),
      timeouts_(timeouts),
      max_(maxConnections == 0 ? 1 : maxConnections),
      tls_(endpoint_.host, std::move(trust)) {}

ConnectionPool::~ConnectionPool() = default;

std::unique_ptr<ConnectionPool::Slot> ConnectionPool::take() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty() || busy_ < max_; });
  ++busy_;
  if (!idle_.empty()) {
    auto slot = std::move(idle_.back());
    idle_.pop_back();
    return slot;
  }
  lock.unlock();
  auto slot = std::make_unique<Slot>(endpoint_, tls_.context());
  slot->session.setKeepAlive(true);
  slot->session.setTimeout(span(timeouts_.connect), span(timeouts_.read), span(timeouts_.read));
  return slot;
}

void ConnectionPool::giveBack(std::unique_ptr<Slot> slot, bool reusable) {
  {
    std::lock_guard lock(mutex_);
    --busy_;
    if (reusable) idle_.push_back(std::move(slot));
  }
  available_.notify_one();
}

void ConnectionPool::run(const Conversation& conversation) {
  const std::string where = endpoint_.hostPort();
  for (int attempt = 0;; ++attempt) {
    auto slot = take();
    const bool wasConnected = slot->session.connected();
    if (!wasConnected) ++opened_;
    try {
      conversation(slot->session);
      slot->used = true;
      giveBack(std::move(slot), true);
      return;
    } catch (const Poco::Exception& e) {
      const bool reused = wasConnected && slot->used;
      giveBack(std::move(slot), false);
      if (reused && attempt == 0 && isStaleConnection(e)) continue;
      if (dynamic_cast<const Poco::TimeoutException*>(&e))
        throw TransportError(
            "no answer from " + where + " within the time allowed (" +
            std::to_string((wasConnected ? timeouts_.read : timeouts_.connect).count()) + " ms)");
      if (dynamic_cast<const Poco::Net::ConnectionRefusedException*>(&e))
        throw TransportError("cannot connect to " + where +
                             ": connection refused; check the address and that the server is up");
      if (dynamic_cast<const Poco::Net::HostNotFoundException*>(&e) ||
          dynamic_cast<const Poco::Net::NoAddressFoundException*>(&e))
        throw TransportError("cannot resolve the host name " + endpoint_.host);
      if (!wasConnected && dynamic_cast<const Poco::Net::SSLException*>(&e))
        tls_.throwHandshakeFailure(e.message());
      throw TransportError("the connection to " + where + " failed: " + e.displayText());
    } catch (...) {
      // Anything else (a parse error in the exchange) leaves the connection in
      // an unknown state: drop it.
      giveBack(std::move(slot), false);
      throw;
    }
  }
}

}  // namespace vic::net
