#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <nlohmann/json.hpp>

#include "plugin-server/httpd/request_target.h"

namespace vic::server {

// One request and its response, with what routing found: path parameters,
// the query, the body. Handlers read from it and answer through it.
//
// The body is read only when a handler asks for it, and never beyond
// kMaxBody: an answer given without it (a 401, a 404, a 413) closes the
// connection instead of reading what the client sends, and a client that
// asked for "100 Continue" is only told to go on once the body is wanted.
class Exchange {
 public:
  static constexpr std::size_t kMaxBody = 1u << 20;  // a VCH with certificates is well under

  Exchange(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res);

  const std::string& method() const { return req_.getMethod(); }
  // The path as sent, percent-escapes and all: what logs and messages show.
  const std::string& path() const { return target_.rawPath; }
  const std::vector<std::string>& segments() const { return target_.segments; }
  // Why the request-target could not be read (to be answered 400), or empty.
  const std::string& targetProblem() const { return targetProblem_; }
  std::string header(const std::string& name) const { return req_.get(name, ""); }
  bool hasHeader(const std::string& name) const { return req_.has(name); }

  std::string param(const std::string& name) const;  // from the route pattern
  std::optional<std::string> query(const std::string& name) const;
  void setParams(std::map<std::string, std::string> params) { params_ = std::move(params); }

  // The raw body (read once; 413 past kMaxBody). jsonBody() checks the
  // content type against `types` (415), the syntax and the nesting (400); an
  // empty body is null.
  const std::string& body();
  nlohmann::json jsonBody(std::initializer_list<const char*> types = {"application/json"});

  void sendJson(int status, const nlohmann::json& body);
  void sendText(int status, const std::string& text,
                const std::string& type = "text/plain; charset=utf-8");
  void sendEmpty(int status);
  void setHeader(const std::string& name, const std::string& value) { res_.set(name, value); }
  bool sent() const { return sent_; }
  int status() const { return status_; }

  // Who the caller is once vCenter accepted them; for the access log and the audit.
  std::string principal;
  std::string remoteAddress() const { return req_.clientAddress().host().toString(); }

 private:
  bool hasBody() const;
  [[noreturn]] void refuseBody();
  void beforeAnswer();
  void afterAnswer();
  Poco::Net::HTTPServerRequest& req_;
  Poco::Net::HTTPServerResponse& res_;
  RequestTarget target_;
  std::string targetProblem_;
  std::map<std::string, std::string> params_;
  std::optional<std::string> body_;
  bool continued_ = false;
  bool sent_ = false;
  int status_ = 0;
};

// Poco answers "100 Continue" before a handler runs unless the response's
// status is already set otherwise; the dispatcher's factory calls this so
// that Exchange decides when (and whether) the body is asked for.
void deferContinue(const Poco::Net::HTTPServerRequest& req);

}  // namespace vic::server
