#include "daemon/http_front.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "vicapi/http/bounded_read.h"
#include "vicapi/util/log.h"

namespace vic::endpoint {

namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

void send(HTTPServerResponse& res, const DockerReply& reply, bool head) {
  res.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  res.setContentType(reply.contentType);
  res.set("Api-Version", kApiVersion);
  res.set("Docker-Experimental", "false");
  res.set("Ostype", "linux");
  res.set("Server", std::string("Docker/") + kApiVersion + " (linux)");
  res.setContentLength(static_cast<std::streamsize>(reply.body.size()));
  auto& out = res.send();
  if (!head) out << reply.body;
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(std::shared_ptr<const DockerApi> api) : api_(std::move(api)) {}

  void handleRequest(HTTPServerRequest& req, HTTPServerResponse& res) override {
    logger()->debug("{} {}", req.getMethod(), req.getURI());
    DockerRequest request{req.getMethod(), req.getURI(), {}};
    const bool hasBody = req.getChunkedTransferEncoding() || req.getContentLength64() > 0;
    if (hasBody && (req.getContentLength64() > static_cast<Poco::Int64>(kMaxBody) ||
                    !http::readUpTo(req.stream(), kMaxBody, request.body))) {
      res.setKeepAlive(false);  // the rest of the body stays unread
      return send(
          res,
          {413, "application/json", "{\"message\":\"the request body is larger than 1 MiB\"}\n"},
          false);
    }
    send(res, api_->handle(request), req.getMethod() == "HEAD");
  }

 private:
  std::shared_ptr<const DockerApi> api_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(std::shared_ptr<const DockerApi> api) : api_(std::move(api)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
    return new Handler(api_);
  }

 private:
  std::shared_ptr<const DockerApi> api_;
};

}  // namespace

Poco::Net::HTTPRequestHandlerFactory::Ptr httpFront(std::shared_ptr<const DockerApi> api) {
  return new Factory(std::move(api));
}

}  // namespace vic::endpoint
