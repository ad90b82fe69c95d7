#include "vicapi/vim/renewing_transport.h"

#include "vicapi/soap/fault.h"
#include "vicapi/util/log.h"

namespace vic::vim {

RenewingTransport::RenewingTransport(std::unique_ptr<soap::Transport> inner)
    : inner_(std::move(inner)) {}

void RenewingTransport::setSessionManager(Moref sessionManager) {
  std::lock_guard lock(mutex_);
  sessionManager_ = std::move(sessionManager);
}

void RenewingTransport::remember(const std::string& user, const Secret& password) {
  std::lock_guard lock(mutex_);
  user_ = user;
  password_ = password;
  ++generation_;
}

void RenewingTransport::forget() {
  std::lock_guard lock(mutex_);
  user_.clear();
  password_ = Secret();
  ++generation_;
}

void RenewingTransport::relogin(std::uint64_t seenGeneration) {
  std::lock_guard lock(mutex_);
  if (generation_ != seenGeneration) return;  // another thread already did it
  logger()->info("session on {} expired; logging in again as {}", endpoint().hostPort(), user_);
  soap::Node login("Login");
  login.add(sessionManager_.node("_this"));
  login.add(soap::el("userName", user_));
  login.add(soap::secretEl("password", password_.reveal()));
  inner_->call(login, true);
  ++generation_;
}

soap::Node RenewingTransport::renewing(const std::function<soap::Node()>& attempt) {
  std::uint64_t seen;
  bool renewable;
  {
    std::lock_guard lock(mutex_);
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

soap::Node RenewingTransport::call(const soap::Node& request, bool sensitiveResponse,
                                   const ResponseCheck& check) {
  return renewing([&] { return inner_->call(request, sensitiveResponse, check); });
}

soap::Node RenewingTransport::callStreamed(const soap::Node& request,
                                           const std::vector<std::string>& path,
                                           const std::function<void(soap::Node&&)>& onElement) {
  return renewing([&] { return inner_->callStreamed(request, path, onElement); });
}

void RenewingTransport::upload(const std::string& pathAndQuery, std::istream& body,
                               std::uint64_t length) {
  inner_->upload(pathAndQuery, body, length);
}

void RenewingTransport::download(const std::string& pathAndQuery, std::ostream& out,
                                 std::uint64_t maxBytes) {
  inner_->download(pathAndQuery, out, maxBytes);
}

}  // namespace vic::vim
