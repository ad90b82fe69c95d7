#include "plugin-server/http/exchange.h"

#include <Poco/Net/MediaType.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include "plugin-server/http/http_error.h"

namespace vic::server {

namespace {

constexpr std::size_t kMaxBody = 8 * 1024 * 1024;  // certificates make bodies large, not this large

}

Exchange::Exchange(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res)
    : req_(req), res_(res) {
  Poco::URI uri(req.getURI());
  path_ = uri.getPath();
  for (const auto& [k, v] : uri.getQueryParameters())
    query_[k] = v;
}

std::string Exchange::param(const std::string& name) const {
  auto it = params_.find(name);
  return it == params_.end() ? std::string() : it->second;
}

std::optional<std::string> Exchange::query(const std::string& name) const {
  auto it = query_.find(name);
  if (it == query_.end()) return std::nullopt;
  return it->second;
}

const std::string& Exchange::body() {
  if (!body_) {
    std::string b;
    if (req_.getContentLength64() > static_cast<Poco::Int64>(kMaxBody))
      throw HttpError(413, "the request body is larger than 8 MiB");
    Poco::StreamCopier::copyToString(req_.stream(), b);
    if (b.size() > kMaxBody) throw HttpError(413, "the request body is larger than 8 MiB");
    body_ = std::move(b);
  }
  return *body_;
}

nlohmann::json Exchange::jsonBody(std::initializer_list<const char*> types) {
  const std::string& b = body();
  if (b.empty()) return nullptr;
  if (req_.has("Content-Type")) {
    Poco::Net::MediaType given(req_.getContentType());
    bool ok = false;
    std::string accepted;
    for (const char* t : types) {
      ok |= given.matches(Poco::Net::MediaType(t));
      accepted += (accepted.empty() ? "" : " or ") + std::string(t);
    }
    if (!ok)
      throw HttpError(415, "the body must be " + accepted + ", not " + req_.getContentType());
  }
  try {
    return nlohmann::json::parse(b);
  } catch (const nlohmann::json::parse_error& e) {
    throw HttpError(400, std::string("the body is not valid JSON: ") + e.what());
  }
}

void Exchange::sendJson(int status, const nlohmann::json& body) {
  sendText(status, body.dump(), "application/json");
}

// An answer given before the body was read (a 401, a 404) must still consume
// it, or the next request on this kept-alive connection would begin inside it.
void Exchange::settleRequestBody() {
  if (body_) return;
  const bool chunked = req_.getChunkedTransferEncoding();
  if (req_.getContentLength64() <= 0 && !chunked) return;  // nothing, or a stream only a close ends
  try {
    body();
  } catch (const std::exception&) {
    res_.setKeepAlive(false);  // too large to read for nothing: close instead
  }
}

void Exchange::sendText(int status, const std::string& text, const std::string& type) {
  settleRequestBody();
  res_.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  res_.setContentType(type);
  res_.setContentLength(static_cast<std::streamsize>(text.size()));
  res_.send() << text;
  sent_ = true;
  status_ = status;
}

void Exchange::sendEmpty(int status) {
  settleRequestBody();
  res_.setStatus(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  res_.setContentLength(0);
  res_.send();
  sent_ = true;
  status_ = status;
}

}  // namespace vic::server
