#include "tests/support/vsphere_client_endpoint.h"

#include <unistd.h>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/StreamCopier.h>
#include <nlohmann/json.hpp>

#include "vicapi/tls/init.h"

namespace vic::test {

namespace {

std::string newToken() {
  static std::atomic<unsigned long> counter{0};
  return "ui-session-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
}

}  // namespace

class VsphereClientEndpoint::Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(VsphereClientEndpoint& owner) : owner_(owner) {}
  void handleRequest(Poco::Net::HTTPServerRequest& req,
                     Poco::Net::HTTPServerResponse& res) override {
    std::string body;
    Poco::StreamCopier::copyToString(req.stream(), body);
    auto answer = [&](Poco::Net::HTTPResponse::HTTPStatus status, const nlohmann::json& j) {
      const std::string text = j.dump();
      res.setStatus(status);
      res.setContentType("application/json");
      res.setContentLength(static_cast<std::streamsize>(text.size()));
      res.send() << text;
    };
    if (req.getMethod() != "POST" || req.getURI() != "/api/ui/vcenter/session/clone-ticket")
      return answer(Poco::Net::HTTPResponse::HTTP_NOT_FOUND, {{"message", "not found"}});
    nlohmann::json request = nlohmann::json::parse(body, nullptr, false);
    const std::string guid =
        request.is_object() ? request.value("vc_guid", std::string()) : std::string();
    std::lock_guard lock(owner_.mutex_);
    auto it = owner_.sessions_.find(req.get("vmware-api-session-id", ""));
    if (it == owner_.sessions_.end())
      return answer(Poco::Net::HTTPResponse::HTTP_UNAUTHORIZED, {{"message", "unknown session"}});
    if (guid != it->second->serviceContent().about.instanceUuid)
      return answer(Poco::Net::HTTPResponse::HTTP_BAD_REQUEST,
                    {{"message", "unknown vCenter " + guid}});
    const auto ticket = it->second->acquireCloneTicket();
    ++owner_.tickets_;
    answer(Poco::Net::HTTPResponse::HTTP_OK, {{"session_clone_ticket", ticket.reveal()}});
  }

 private:
  VsphereClientEndpoint& owner_;
};

VsphereClientEndpoint::VsphereClientEndpoint(const sim::Simulator& vcenter) : vcenter_(vcenter) {
  tls::ensureInitialised();
  Poco::Net::Context::Params params;
  params.certificateFile = vcenter.certificateFile().string();
  params.privateKeyFile = vcenter.keyFile().string();
  params.verificationMode = Poco::Net::Context::VERIFY_NONE;
  Poco::Net::Context::Ptr context =
      new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
  Poco::Net::SecureServerSocket socket(Poco::Net::SocketAddress(vcenter.endpoint().host, 0), 64,
                                       context);
  port_ = socket.address().port();
  struct Factory : Poco::Net::HTTPRequestHandlerFactory {
    explicit Factory(VsphereClientEndpoint& o) : owner(o) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
      return new Handler(owner);
    }
    VsphereClientEndpoint& owner;
  };
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket,
                                                    new Poco::Net::HTTPServerParams);
  server_->start();
}

VsphereClientEndpoint::~VsphereClientEndpoint() {
  server_->stopAll(true);
  std::lock_guard lock(mutex_);
  sessions_.clear();
}

std::string VsphereClientEndpoint::signIn(const std::string& user, const std::string& password) {
  auto client =
      std::make_unique<vim::Client>(vcenter_.endpoint(), tls::Trust::pin(vcenter_.thumbprint()));
  client->login(user, Secret(password));
  const std::string token = newToken();
  std::lock_guard lock(mutex_);
  sessions_[token] = std::move(client);
  return token;
}

void VsphereClientEndpoint::signOut(const std::string& token) {
  std::lock_guard lock(mutex_);
  sessions_.erase(token);
}

std::string VsphereClientEndpoint::url() const {
  return "https://" + vcenter_.endpoint().host + ":" + std::to_string(port_);
}

}  // namespace vic::test
