#include "plugin-server/httpd/dispatcher.h"

#include <chrono>

#include <Poco/Net/HTTPRequestHandler.h>

#include "plugin-server/httpd/http_error.h"
#include "vicapi/util/log.h"

namespace vic::server {

namespace {

class Dispatch : public Poco::Net::HTTPRequestHandler {
 public:
  Dispatch(const Router& router, const Handler& fallback, const ErrorReplies& replies,
           const ServerLoad& load)
      : router_(router), fallback_(fallback), replies_(replies), load_(load) {}

  void handleRequest(Poco::Net::HTTPServerRequest& req,
                     Poco::Net::HTTPServerResponse& res) override {
    const auto start = std::chrono::steady_clock::now();
    Exchange ex(req, res);
    res.set("Access-Control-Allow-Origin", "*");
    res.set("Access-Control-Expose-Headers", "Content-Length");
    if (load_.saturated()) res.setKeepAlive(false);
    try {
      serve(ex);
    } catch (...) {
      if (!ex.sent()) {
        auto reply = replies_(std::current_exception());
        if (reply.status >= 500)
          logger()->error("{} {}: {}", ex.method(), ex.path(),
                          reply.body["message"].get<std::string>());
        ex.sendJson(reply.status, reply.body);
      }
    }
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    logger()->info("{} {} {} {:.1f}ms user={}", ex.method(), ex.path(), ex.status(), ms,
                   ex.principal.empty() ? "-" : ex.principal);
  }

 private:
  void serve(Exchange& ex) {
    if (ex.method() == "OPTIONS") {
      ex.setHeader("Access-Control-Allow-Methods", "HEAD, GET, POST, PUT, PATCH, DELETE");
      ex.setHeader("Access-Control-Allow-Headers",
                   "Authorization, Content-Type, User-Agent, X-VMWARE-TICKET, "
                   "vmware-api-session-id, vmware-api-ui-endpoint");
      ex.sendEmpty(204);
      return;
    }
    if (!ex.targetProblem().empty()) {
      logger()->warn("{} {} from {}: {}", ex.method(), ex.path(), ex.remoteAddress(),
                     ex.targetProblem());
      throw HttpError(400, ex.targetProblem());
    }
    const std::string method = ex.method() == "HEAD" ? "GET" : ex.method();
    if (auto m = router_.match(method, ex.segments())) {
      ex.setParams(m->params);
      m->route->handler(ex);
      if (!ex.sent()) throw HttpError(500, "the handler sent no answer");
      return;
    }
    auto allowed = router_.methodsAt(ex.segments());
    if (!allowed.empty()) {
      std::string allow;
      for (const auto& a : allowed)
        allow += (allow.empty() ? "" : ", ") + a;
      ex.setHeader("Allow", allow);
      throw HttpError(
          405, "method " + ex.method() + " is not allowed on " + ex.path() + "; use " + allow);
    }
    if (fallback_) return fallback_(ex);
    throw HttpError(404, "path " + ex.path() + " was not found");
  }

  const Router& router_;
  const Handler& fallback_;
  const ErrorReplies& replies_;
  const ServerLoad& load_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(const Router& router, Handler fallback, ErrorReplies replies, const ServerLoad& load)
      : router_(router),
        fallback_(std::move(fallback)),
        replies_(std::move(replies)),
        load_(load) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest& req) override {
    deferContinue(req);
    return new Dispatch(router_, fallback_, replies_, load_);
  }

 private:
  const Router& router_;
  Handler fallback_;
  ErrorReplies replies_;
  const ServerLoad& load_;
};

}  // namespace

Poco::Net::HTTPRequestHandlerFactory::Ptr dispatcher(const Router& router, Handler fallback,
                                                     ErrorReplies replies, const ServerLoad& load) {
  return new Factory(router, std::move(fallback), std::move(replies), load);
}

}  // namespace vic::server
