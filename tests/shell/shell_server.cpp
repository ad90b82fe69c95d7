#include "tests/shell/shell_server.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/URI.h>

#include "tests/support/vcenter_host_socket.h"

namespace vic::shell {

extern const char* const kShellPage;
extern const char* const kShellScript;
extern const char* const kSdkScript;

class ShellServer::Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(ShellServer& owner) : owner_(owner) {}

  void handleRequest(Poco::Net::HTTPServerRequest& req,
                     Poco::Net::HTTPServerResponse& res) override {
    const Poco::URI uri(req.getURI());
    const std::string path = uri.getPath();
    if (path.rfind("/proxy/", 0) == 0) {
      const auto slash = path.find('/', 7);
      const std::string key =
          path.substr(7, slash == std::string::npos ? std::string::npos : slash - 7);
      std::string rest =
          slash == std::string::npos ? "/" : req.getURI().substr(req.getURI().find('/', 7));
      return owner_.proxy_.forward(key, rest, req, res);
    }
    if (req.getMethod() == "POST" && path == "/api/ui/vcenter/session/clone-ticket")
      return owner_.sessions_.answerCloneTicket(req, res);
    if (path == "/" || path == "/index.html")
      return send(res, kShellPage, "text/html; charset=utf-8");
    if (path == "/shell.js") return send(res, kShellScript, "text/javascript; charset=utf-8");
    if (path == "/api/ui/htmlClientSdk.js")
      return send(res, kSdkScript, "text/javascript; charset=utf-8");
    if (path == "/shell/state") {
      auto state = owner_.view_->state();
      state["user"] = owner_.user_;
      state["sessionToken"] = owner_.token_;
      state["uiApiEndpoint"] = owner_.origin_ + "/api/ui";
      return send(res, state.dump(), "application/json");
    }
    res.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
    send(res, "not found", "text/plain");
  }

 private:
  static void send(Poco::Net::HTTPServerResponse& res, const std::string& body,
                   const std::string& type) {
    res.setContentType(type);
    res.set("Cache-Control", "no-cache");
    res.setContentLength(static_cast<std::streamsize>(body.size()));
    res.send() << body;
  }
  ShellServer& owner_;
};

ShellServer::ShellServer(const sim::Simulator& vcenter, vim::Client& admin,
                         test::VsphereClientSessions& sessions, std::string user, std::string token,
                         const std::string& listen)
    : sessions_(sessions), user_(std::move(user)), token_(std::move(token)) {
  auto socket = test::vcenterHostSocket(vcenter, listen);
  origin_ = "https://" + vcenter.endpoint().host + ":" + std::to_string(socket.address().port());
  view_ = std::make_unique<PluginView>(admin, proxy_, origin_);
  struct Factory : Poco::Net::HTTPRequestHandlerFactory {
    explicit Factory(ShellServer& o) : owner(o) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(
        const Poco::Net::HTTPServerRequest&) override {
      return new Handler(owner);
    }
    ShellServer& owner;
  };
  auto httpParams = new Poco::Net::HTTPServerParams;
  httpParams->setMaxThreads(16);
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this), socket, httpParams);
  server_->start();
}

ShellServer::~ShellServer() {
  server_->stopAll(true);
}

std::string ShellServer::url() const {
  return origin_;
}

}  // namespace vic::shell
