#pragma once

#include <map>
#include <optional>
#include <string>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <nlohmann/json.hpp>

namespace vic::server {

// One request and its response, with what routing found: path parameters,
// the query, the body. Handlers read from it and answer through it.
class Exchange {
 public:
  Exchange(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res);

  const std::string& method() const { return req_.getMethod(); }
  const std::string& path() const { return path_; }
  std::string header(const std::string& name) const { return req_.get(name, ""); }
  bool hasHeader(const std::string& name) const { return req_.has(name); }

  std::string param(const std::string& name) const;  // from the route pattern
  std::optional<std::string> query(const std::string& name) const;
  void setParams(std::map<std::string, std::string> params) { params_ = std::move(params); }

  // The raw body (read once). jsonBody() checks the content type against
  // `types` (415) and the syntax (400); an empty body is null.
  const std::string& body();
  nlohmann::json jsonBody(std::initializer_list<const char*> types = {"application/json"});

  void sendJson(int status, const nlohmann::json& body);
  void sendText(int status, const std::string& text,
                const std::string& type = "text/plain; charset=utf-8");
  void sendEmpty(int status);
  void setHeader(const std::string& name, const std::string& value) { res_.set(name, value); }
  bool sent() const { return sent_; }
  int status() const { return status_; }

  // Who the caller is once authenticated; for the access log and the audit.
  std::string principal;
  std::string remoteAddress() const { return req_.clientAddress().host().toString(); }

 private:
  void settleRequestBody();
  Poco::Net::HTTPServerRequest& req_;
  Poco::Net::HTTPServerResponse& res_;
  std::string path_;
  std::map<std::string, std::string> query_;
  std::map<std::string, std::string> params_;
  std::optional<std::string> body_;
  bool sent_ = false;
  int status_ = 0;
};

}  // namespace vic::server
