#include "vicapi/vim/client.h"

#include "vicapi/soap/fault.h"
#include "vicapi/util/log.h"
#include "vicapi/vim/property_collector.h"

namespace vic::vim {

namespace {
const Moref kServiceInstance{"ServiceInstance", "ServiceInstance"};
}

Client::Client(http::Endpoint endpoint, tls::Trust trust, ClientOptions options)
    : transport_(std::move(endpoint), std::move(trust), options.transport),
      options_(std::move(options)) {
  content_ = ServiceContent::from(
      send("RetrieveServiceContent", kServiceInstance, {}, false).at("returnval"));
}

Client::~Client() {
  if (!options_.logoutOnDestroy || !loggedIn()) return;
  try {
    logout();
  } catch (const std::exception& e) {
    logger()->debug("logout from {} at shutdown failed: {}", endpoint().hostPort(), e.what());
  }
}

soap::Node Client::send(const std::string& method, const Moref& self, std::vector<soap::Node> args,
                        bool sensitiveResponse) {
  return transport_.call(request(method, self, std::move(args)), sensitiveResponse);
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
      send("Login", content_.sessionManager,
           {soap::el("userName", user), soap::secretEl("password", password.reveal())}, true);
  std::lock_guard lock(sessionMutex_);
  user_ = user;
  password_ = password;
  loggedIn_ = true;
  ++generation_;
  return sessionFrom(response);
}

UserSession Client::cloneSession(const Secret& ticket) {
  auto response = send("CloneSession", content_.sessionManager,
                       {soap::secretEl("cloneTicket", ticket.reveal())}, true);
  std::lock_guard lock(sessionMutex_);
  user_.clear();
  password_ = Secret();
  loggedIn_ = true;
  ++generation_;
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

void Client::logout() {
  send("Logout", content_.sessionManager, {}, false);
  std::lock_guard lock(sessionMutex_);
  loggedIn_ = false;
  password_ = Secret();
  transport_.setSessionCookie(Secret());
}

bool Client::loggedIn() const {
  std::lock_guard lock(sessionMutex_);
  return loggedIn_;
}

void Client::relogin(std::uint64_t seenGeneration) {
  std::lock_guard lock(sessionMutex_);
  if (generation_ != seenGeneration) return;  // another thread already did it
  logger()->info("session on {} expired; logging in again as {}", endpoint().hostPort(), user_);
  send("Login", content_.sessionManager,
       {soap::el("userName", user_), soap::secretEl("password", password_.reveal())}, true);
  ++generation_;
}

soap::Node Client::renewing(const std::function<soap::Node()>& attempt) {
  std::uint64_t seen;
  bool renewable;
  {
    std::lock_guard lock(sessionMutex_);
    seen = generation_;
    renewable = !password_.empty();
  }
  if (!renewable) return attempt();
  try {
    return attempt();
  } catch (const NotAuthenticatedFault&) {
    relogin(seen);
  }
  return attempt();
}

soap::Node Client::invoke(const std::string& method, const Moref& self,
                          std::vector<soap::Node> args, bool sensitiveResponse,
                          const ResponseCheck& check) {
  const soap::Node req = request(method, self, std::move(args));
  return renewing([&] {
    soap::Node response = transport_.call(req, sensitiveResponse);
    if (check) check(response);
    return response;
  });
}

soap::Node Client::invokeStreamed(const std::string& method, const Moref& self,
                                  std::vector<soap::Node> args,
                                  const std::vector<std::string>& path,
                                  const std::function<void(soap::Node&&)>& onElement) {
  const soap::Node req = request(method, self, std::move(args));
  std::vector<std::string> full{"Envelope", "Body", method + "Response"};
  full.insert(full.end(), path.begin(), path.end());
  return renewing([&] { return transport_.callStreamed(req, full, onElement); });
}

}  // namespace vic::vim
