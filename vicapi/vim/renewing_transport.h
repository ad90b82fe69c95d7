#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "vicapi/soap/transport.h"
#include "vicapi/util/secret.h"
#include "vicapi/vim/moref.h"

namespace vic::vim {

// Wraps a transport so that a password session survives the server's idle
// timeout: a call that fails with NotAuthenticated logs in again, once, with
// the remembered credentials and is repeated. Ticket sessions (clone tickets
// are good for one use) cannot be renewed and fail as they are. Racing
// threads that meet the same expiry log in once between them.
class RenewingTransport : public soap::Transport {
 public:
  explicit RenewingTransport(std::unique_ptr<soap::Transport> inner);

  // The session manager to log in at (from the service content).
  void setSessionManager(Moref sessionManager);
  // After a password login: what to log in with again.
  void remember(const std::string& user, const Secret& password);
  // After a ticket login or a logout: nothing to renew with.
  void forget();

  soap::Node call(const soap::Node& request, bool sensitiveResponse = false,
                  const ResponseCheck& check = {}) override;
  soap::Node callStreamed(const soap::Node& request, const std::vector<std::string>& path,
                          const std::function<void(soap::Node&&)>& onElement) override;
  void upload(const std::string& pathAndQuery, std::istream& body, std::uint64_t length) override;
  void download(const std::string& pathAndQuery, std::ostream& out,
                std::uint64_t maxBytes = UINT64_MAX) override;
  Secret sessionCookie() const override { return inner_->sessionCookie(); }
  void setSessionCookie(Secret cookie) override { inner_->setSessionCookie(std::move(cookie)); }
  const net::Endpoint& endpoint() const override { return inner_->endpoint(); }
  std::uint64_t roundTrips() const override { return inner_->roundTrips(); }
  std::uint64_t soapCalls() const override { return inner_->soapCalls(); }
  std::uint64_t connectionsOpened() const override { return inner_->connectionsOpened(); }

 private:
  // Runs `attempt`; when renewable, once more after a re-login when it throws
  // NotAuthenticatedFault.
  soap::Node renewing(const std::function<soap::Node()>& attempt);
  void relogin(std::uint64_t seenGeneration);

  std::unique_ptr<soap::Transport> inner_;
  Moref sessionManager_;
  mutable std::mutex mutex_;
  std::string user_;
  Secret password_;
  std::uint64_t generation_ = 0;  // bumped at every login, so racing threads re-login once
};

}  // namespace vic::vim
