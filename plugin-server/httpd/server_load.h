#pragma once

#include <atomic>

#include <Poco/Net/TCPServer.h>

namespace vic::server {

// Whether every request thread is taken. Poco serves a kept-alive connection
// on one thread until the client goes quiet for the keep-alive timeout, so
// with more clients than threads the newcomers would wait that long; when
// saturated, answers close their connection instead, and each thread moves on
// to a waiting client at once.
class ServerLoad {
 public:
  void watch(const Poco::Net::TCPServer* server) { server_.store(server); }
  bool saturated() const {
    const auto* s = server_.load();
    return s && (s->queuedConnections() > 0 || s->currentConnections() >= s->maxThreads());
  }

 private:
  std::atomic<const Poco::Net::TCPServer*> server_{nullptr};
};

}  // namespace vic::server
