#include "tests/support/vsphere_client_endpoint.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/SecureServerSocket.h>

#include "tests/support/vcenter_host_socket.h"

namespace vic::test {

class VsphereClientEndpoint::Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(VsphereClientEndpoint& owner) : owner_(owner) {}
  void handleRequest(Poco::Net::HTTPServerRequest& req,
                     Poco::Net::HTTPServerResponse& res) override {
    if (req.getMethod() == "POST" && req.getURI() == "/api/ui/vcenter/session/clone-ticket")
      return owner_.sessions_.answerCloneTicket(req, res);
    const std::string text = R"({"message": "not found"})";
    res.setStatus(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
    res.setContentType("application/json");
    res.setContentLength(static_cast<std::streamsize>(text.size()));
    res.send() << text;
  }

 private:
  VsphereClientEndpoint& owner_;
};

VsphereClientEndpoint::VsphereClientEndpoint(const sim::Simulator& vcenter)
    : vcenter_(vcenter), sessions_(vcenter) {
  auto socket = vcenterHostSocket(vcenter);
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
}

std::string VsphereClientEndpoint::url() const {
  return "https://" + vcenter_.endpoint().host + ":" + std::to_string(port_);
}

}  // namespace vic::test
