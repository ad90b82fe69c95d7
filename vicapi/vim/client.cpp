#include "vicapi/vim/client.h"

#include "vicapi/soap/fault.h"
#include "vicapi/util/log.h"
#include "vicapi/vim/property_collector.h"

namespace vic::vim {

namespace {
const Moref kServiceInstance{"ServiceInstance", "ServiceInstance"};
}

Client::Client(net::Endpoint endpoint, tls::Trust trust, ClientOptions options)
    : Client(std::make_unique<soap::HttpsTransport>(std::move(endpoint), std::move(trust),
                                                    std::move(options.transport)),
             options.logoutOnDestroy) {}

Client::Client(std::unique_ptr<soap::Transport> transport, bool logoutOnDestroy)
    : transport_(std::move(transport)), logoutOnDestroy_(logoutOnDestroy) {
  content_ = ServiceContent::from(
      transport_.call(request("RetrieveServiceContent", kServiceInstance, {})).at("returnval"));
  transport_.setSessionManager(content_.sessionManager);
}

Client::~Client() {
  if (!logoutOnDestroy_ || !loggedIn()) return;
  try {
    logout();
  } catch (const std::exception& e) {
    logger()->debug("logout from {} at shutdown failed: {}", endpoint().hostPort(), e.what());
  }
}

soap::Node Client::request(const std::string& method, const Moref& self,
                           std::vector<soap::Node> args) {
  soap::Node r(method);
  r.children.reserve(args.size() + 1);
  r.add(self.node("_this"));
  for (auto& a : args)
    r.add(std::move(a));
  return r;
}

UserSession Client::sessionFrom(const soap::Node& response) {
  const soap::Node& r = response.at("returnval");
  return UserSession{Secret(r.textOf("key")), r.textOf("userName"), r.textOf("fullName")};
}

UserSession Client::login(const std::string& user, const Secret& password) {
  auto response =
      invoke("Login", content_.sessionManager,
             {soap::el("userName", user), soap::secretEl("password", password.reveal())}, true);
  transport_.remember(user, password);
  std::lock_guard lock(sessionMutex_);
  loggedIn_ = true;
  return sessionFrom(response);
}

UserSession Client::cloneSession(const Secret& ticket) {
  auto response = invoke("CloneSession", content_.sessionManager,
                         {soap::secretEl("cloneTicket", ticket.reveal())}, true);
  transport_.forget();
  std::lock_guard lock(sessionMutex_);
  loggedIn_ = true;
  return sessionFrom(response);
}

Secret Client::acquireCloneTicket() {
  auto response = invoke("AcquireCloneTicket", content_.sessionManager, {}, true);
  return Secret(response.textOf("returnval"));
}

bool Client::sessionIsActive(const Secret& sessionKey, const std::string& userName) {
  auto response =
      invoke("SessionIsActive", content_.sessionManager,
             {soap::secretEl("sessionID", sessionKey.reveal()), soap::el("userName", userName)});
  return response.textOf("returnval") == "true";
}

std::optional<UserSession> Client::currentSession() {
  PropertyCollector pc(*this);
  auto objects = pc.retrieve({{"SessionManager", {"currentSession"}}},
                             {ObjectSpec{content_.sessionManager}}, true);
  if (objects.empty()) return std::nullopt;
  const soap::Node* s = objects.front().prop("currentSession");
  if (!s) return std::nullopt;
  return UserSession{Secret(s->textOf("key")), s->textOf("userName"), s->textOf("fullName")};
}

std::string Client::currentTime() {
  return invoke("CurrentTime", kServiceInstance).textOf("returnval");
}

void Client::logout() {
  transport_.forget();
  invoke("Logout", content_.sessionManager);
  std::lock_guard lock(sessionMutex_);
  loggedIn_ = false;
  transport_.setSessionCookie(Secret());
}

bool Client::loggedIn() const {
  std::lock_guard lock(sessionMutex_);
  return loggedIn_;
}

soap::Node Client::invoke(const std::string& method, const Moref& self,
                          std::vector<soap::Node> args, bool sensitiveResponse,
                          const ResponseCheck& check) {
  return transport_.call(request(method, self, std::move(args)), sensitiveResponse, check);
}

soap::Node Client::invokeStreamed(const std::string& method, const Moref& self,
                                  std::vector<soap::Node> args,
                                  const std::vector<std::string>& path,
                                  const std::function<void(soap::Node&&)>& onElement) {
  std::vector<std::string> full{"Envelope", "Body", method + "Response"};
  full.insert(full.end(), path.begin(), path.end());
  return transport_.callStreamed(request(method, self, std::move(args)), full, onElement);
}

}  // namespace vic::vim
