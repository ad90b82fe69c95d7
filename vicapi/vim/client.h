#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "vicapi/soap/https_transport.h"
#include "vicapi/util/secret.h"
#include "vicapi/vim/moref.h"
#include "vicapi/vim/renewing_transport.h"
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
// out on idle vCenters; see RenewingTransport). Ticket sessions cannot be
// renewed that way and fail.
class Client {
 public:
  // Reads the service content; throws TransportError/TlsError on failure.
  Client(net::Endpoint endpoint, tls::Trust trust, ClientOptions options = {});
  // Over any transport (a test's fake); `logoutOnDestroy` as in ClientOptions.
  explicit Client(std::unique_ptr<soap::Transport> transport, bool logoutOnDestroy = true);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  const ServiceContent& serviceContent() const { return content_; }
  const net::Endpoint& endpoint() const { return transport_.endpoint(); }

  UserSession login(const std::string& user, const Secret& password);
  UserSession cloneSession(const Secret& ticket);
  Secret acquireCloneTicket();
  bool sessionIsActive(const Secret& sessionKey, const std::string& userName);
  std::optional<UserSession> currentSession();
  // The server's clock (ServiceInstance.CurrentTime): the cheapest call that
  // proves a session works.
  std::string currentTime();
  void logout();
  bool loggedIn() const;

  // Calls `method` on `self`. Arguments follow the WSDL order. A response
  // element is returned; its <returnval> children hold the result. `check`
  // may inspect the response and throw (see soap::Transport::ResponseCheck).
  using ResponseCheck = soap::Transport::ResponseCheck;
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
  static soap::Node request(const std::string& method, const Moref& self,
                            std::vector<soap::Node> args);
  UserSession sessionFrom(const soap::Node& response);

  RenewingTransport transport_;
  bool logoutOnDestroy_;
  ServiceContent content_;

  mutable std::mutex sessionMutex_;
  bool loggedIn_ = false;
};

}  // namespace vic::vim
