#include "daemon/http_front.h"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include "vicapi/net/bounded_read.h"
#include "vicapi/util/log.h"

namespace vic::endpoint {

namespace {

using Poco::Net::HTTPServerRequest;
using Poco::Net::HTTPServerResponse;

void headers(HTTPServerResponse& res, const DockerReply& reply) {
  res.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  res.setContentType(reply.contentType);
  res.set("Api-Version", kApiVersion);
  res.set("Docker-Experimental", "false");
  res.set("Ostype", "linux");
  res.set("Server", std::string("Docker/") + kApiVersion + " (linux)");
}

void send(HTTPServerResponse& res, const DockerReply& reply, bool head) {
  headers(res, reply);
  if (reply.stream) {
    res.setChunkedTransferEncoding(true);
    auto& out = res.send();
    reply.stream(out);
    return;
  }
  if (reply.status == 204 || reply.status == 304) {
    res.send();
    return;
  }
  res.setContentLength(static_cast<std::streamsize>(reply.body.size()));
  auto& out = res.send();
  if (!head) out << reply.body;
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  explicit Handler(std::shared_ptr<const DockerApi> api) : api_(std::move(api)) {}

  void handleRequest(HTTPServerRequest& req, HTTPServerResponse& res) override {
    logger()->debug("{} {}", req.getMethod(), req.getURI());
    DockerRequest request{req.getMethod(), req.getURI(), {}, req.get("X-Registry-Auth", "")};
    const bool hasBody = req.getChunkedTransferEncoding() || req.getContentLength64() > 0;
    if (hasBody && (req.getContentLength64() > static_cast<Poco::Int64>(kMaxBody) ||
                    !net::readUpTo(req.stream(), kMaxBody, request.body))) {
      res.setKeepAlive(false);  // the rest of the body stays unread
      return send(res,
                  {413,
                   "application/json",
                   "{\"message\":\"the request body is larger than 1 MiB\"}\n",
                   {}},
                  false);
    }
    const auto reply = api_->handle(request);
    if (reply.status >= 400)
      logger()->info("{} {} -> {}", req.getMethod(), req.getURI(), reply.status);
    send(res, reply, req.getMethod() == "HEAD");
  }

 private:
  std::shared_ptr<const DockerApi> api_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  explicit Factory(ApiSource current) : current_(std::move(current)) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(const HTTPServerRequest&) override {
    return new Handler(current_());
  }

 private:
  ApiSource current_;
};

}  // namespace

Poco::Net::HTTPRequestHandlerFactory::Ptr httpFront(ApiSource current) {
  return new Factory(std::move(current));
}

}  // namespace vic::endpoint
