#pragma once

#include <memory>
#include <optional>
#include <string>

#include <Poco/Net/Context.h>

#include "vicapi/tls/thumbprint.h"

namespace vic::tls {

// How a server's certificate is trusted: pinned by thumbprint (what
// vic-machine's --thumbprint does, and the only way to trust a vCenter with a
// self-signed certificate), or verified against a CA bundle or the system's
// roots with the host name checked.
struct Trust {
  std::optional<Thumbprint> pinned;
  std::string caFile;

  static Trust pin(Thumbprint t);
  static Trust caBundle(std::string path);
  static Trust systemRoots();
};

// A client TLS context that enforces a Trust for connections to one host. The
// verification runs inside the handshake, so nothing (not even a login
// request) is sent to a server that fails it.
class ClientTls {
 public:
  ClientTls(std::string host, Trust trust);
  ~ClientTls();
  ClientTls(const ClientTls&) = delete;
  ClientTls& operator=(const ClientTls&) = delete;

  Poco::Net::Context::Ptr context() const { return context_; }
  const Trust& trust() const { return state_->trust; }

  // After a failed handshake on this thread, turns the low-level failure into
  // the error to report (ThumbprintMismatch or TlsError), then throws it.
  [[noreturn]] void throwHandshakeFailure(const std::string& lowLevelMessage) const;

  struct State {
    std::string host;
    Trust trust;
  };

 private:
  std::unique_ptr<State> state_;
  Poco::Net::Context::Ptr context_;
};

}  // namespace vic::tls
