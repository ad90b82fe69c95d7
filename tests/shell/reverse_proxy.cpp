#include "tests/shell/reverse_proxy.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>
#include <nlohmann/json.hpp>

#include "vicapi/base/error.h"

namespace vic::shell {

void ReverseProxy::route(const std::string& key, const std::string& base,
                         const std::string& thumbprint) {
  std::lock_guard lock(mutex_);
  auto& b = backends_[key];
  if (b.base == base && b.thumbprint == thumbprint && b.pool) return;
  b.base = base;
  b.thumbprint = thumbprint;
  b.pool = std::make_shared<net::ConnectionPool>(
      net::Endpoint::parse(base), tls::Trust::pin(tls::Thumbprint::parse(thumbprint)),
      net::Timeouts{std::chrono::seconds(5), std::chrono::seconds(120)}, 16);
}

bool ReverseProxy::has(const std::string& key) {
  std::lock_guard lock(mutex_);
  return backends_.count(key) > 0;
}

void ReverseProxy::forward(const std::string& key, const std::string& pathAndQuery,
                           Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res) {
  std::shared_ptr<net::ConnectionPool> pool;
  {
    std::lock_guard lock(mutex_);
    auto it = backends_.find(key);
    if (it != backends_.end()) pool = it->second.pool;
  }
  if (!pool) {
    res.setStatusAndReason(Poco::Net::HTTPResponse::HTTP_NOT_FOUND);
    res.send() << "no plug-in server " << key;
    return;
  }
  std::string body;
  Poco::StreamCopier::copyToString(req.stream(), body);
  int status = 0;
  std::string answer;
  std::vector<std::pair<std::string, std::string>> headers;
  try {
    pool->run([&](Poco::Net::HTTPSClientSession& session) {
      Poco::Net::HTTPRequest out(req.getMethod(), pathAndQuery, Poco::Net::HTTPMessage::HTTP_1_1);
      for (const auto& [name, value] : req) {
        const std::string lower = Poco::toLower(name);
        if (lower == "host" || lower == "connection" || lower == "content-length" ||
            lower == "accept-encoding")
          continue;
        out.set(name, value);
      }
      if (!body.empty() || req.getMethod() == "POST" || req.getMethod() == "PUT" ||
          req.getMethod() == "PATCH")
        out.setContentLength(static_cast<std::streamsize>(body.size()));
      session.sendRequest(out) << body;
      Poco::Net::HTTPResponse in;
      std::istream& stream = session.receiveResponse(in);
      answer.clear();
      Poco::StreamCopier::copyToString(stream, answer);
      status = in.getStatus();
      headers.clear();
      for (const auto& [name, value] : in) {
        const std::string lower = Poco::toLower(name);
        if (lower == "connection" || lower == "transfer-encoding" || lower == "content-length")
          continue;
        headers.emplace_back(name, value);
      }
    });
  } catch (const std::exception& e) {
    // What the vSphere Client answers when a plug-in server is down.
    status = 502;
    answer = nlohmann::json{{"message",
                             std::string("the plug-in server cannot be reached: ") + e.what()}}
                 .dump();
    headers = {{"Content-Type", "application/json"}};
  }
  res.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  for (const auto& [name, value] : headers)
    res.set(name, value);
  res.setContentLength(static_cast<std::streamsize>(answer.size()));
  res.send() << answer;
}

}  // namespace vic::shell
