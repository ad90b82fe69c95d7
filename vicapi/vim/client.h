#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "vicapi/soap/transport.h"
#include "vicapi/util/secret.h"
#include "vicapi/vim/moref.h"
#include "vicapi/vim/service_content.h"

namespace vic::vim {

struct UserSession {
  Secret key;
  std::string userName;
  std::string fullName;
};

struct ClientOptions {
  soap::TransportOptions transport;
  bool logoutOnDestroy = true;  // sessions are a limited resource in vCenter
};

// A connection to one vCenter or ESXi SDK endpoint, safe to share between
// threads. Holds at most one session; a password session is re-established
// once, transparently, when the server reports NotAuthenticated (sessions time
// out on idle vCenters). Ticket sessions cannot be renewed that way and fail.
class Client {
 public:
  // Reads the service content; throws TransportError/TlsError on failure.
  Client(http::Endpoint endpoint, tls::Trust trust, ClientOptions options = {});
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  const ServiceContent& serviceContent() const { return content_; }
  const http::Endpoint& endpoint() const { return transport_.endpoint(); }

  UserSession login(const std::string& user, const Secret& password);
  UserSession cloneSession(const Secret& ticket);
  Secret acquireCloneTicket();
  bool sessionIsActive(const Secret& sessionKey, const std::string& userName);
  std::optional<UserSession> currentSession();
  void logout();
  bool loggedIn() const;

  // Calls `method` on `self`. Arguments follow the WSDL order. A response
  // element is returned; its <returnval> children hold the result. `check`
  // may inspect the response and throw; a NotAuthenticatedFault thrown there
  // is treated like one from the server (vcsim reports a missing session
  // inside property results rather than as a fault).
  using ResponseCheck = std::function<void(const soap::Node&)>;
  soap::Node invoke(const std::string& method, const Moref& self, std::vector<soap::Node> args = {},
                    bool sensitiveResponse = false, const ResponseCheck& check = {});

  // Like invoke(), with the answer's elements at `path` below the response
  // element (e.g. {"returnval", "objects"}) handed to `onElement` as they
  // arrive (soap::Transport::callStreamed). A NotAuthenticatedFault thrown
  // from `onElement` before it has accepted any element is renewed like one
  // from the server.
  soap::Node invokeStreamed(const std::string& method, const Moref& self,
                            std::vector<soap::Node> args, const std::vector<std::string>& path,
                            const std::function<void(soap::Node&&)>& onElement);

  soap::Transport& transport() { return transport_; }
  std::uint64_t roundTrips() const { return transport_.roundTrips(); }

 private:
  soap::Node send(const std::string& method, const Moref& self, std::vector<soap::Node> args,
                  bool sensitiveResponse);
  static soap::Node request(const std::string& method, const Moref& self,
                            std::vector<soap::Node> args);
  UserSession sessionFrom(const soap::Node& response);
  // Runs `attempt`; for a password session, once more after a re-login when
  // it throws NotAuthenticatedFault.
  soap::Node renewing(const std::function<soap::Node()>& attempt);
  void relogin(std::uint64_t seenGeneration);

  soap::Transport transport_;
  ClientOptions options_;
  ServiceContent content_;

  mutable std::mutex sessionMutex_;
  std::string user_;
  Secret password_;  // kept only for password sessions, for the one re-login
  bool loggedIn_ = false;
  std::uint64_t generation_ = 0;  // bumped at every login, so racing threads re-login once
};

}  // namespace vic::vim
