#include "plugin-server/httpd/exchange.h"

#include <chrono>

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/MediaType.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Timespan.h>

#include "plugin-server/httpd/http_error.h"
#include "vicapi/net/bounded_read.h"
#include "vicapi/util/bounded_json.h"

namespace vic::server {

namespace {
// How much of an unwanted body is read and dropped after the answer.
constexpr std::size_t kLingerBytes = 4u << 20;
}  // namespace

Exchange::Exchange(Poco::Net::HTTPServerRequest& req, Poco::Net::HTTPServerResponse& res)
    : req_(req), res_(res) {
  try {
    target_ = RequestTarget::parse(req.getURI());
  } catch (const std::exception& e) {
    target_.rawPath = req.getURI().substr(0, req.getURI().find('?'));
    targetProblem_ = e.what();
  }
}

std::string Exchange::param(const std::string& name) const {
  auto it = params_.find(name);
  return it == params_.end() ? std::string() : it->second;
}

std::optional<std::string> Exchange::query(const std::string& name) const {
  auto it = target_.query.find(name);
  if (it == target_.query.end()) return std::nullopt;
  return it->second;
}

bool Exchange::hasBody() const {
  return req_.getChunkedTransferEncoding() || req_.getContentLength64() > 0;
}

// What is left of the body stays unread; the connection closes after the answer.
void Exchange::refuseBody() {
  body_ = std::string();
  res_.setKeepAlive(false);
  throw HttpError(413, "the request body is larger than " + std::to_string(kMaxBody >> 20) +
                           " MiB; a VCH, with its certificates, fits well within that");
}

const std::string& Exchange::body() {
  if (!body_) {
    std::string b;
    if (hasBody()) {
      if (req_.getContentLength64() > static_cast<Poco::Int64>(kMaxBody)) refuseBody();
      if (req_.getExpectContinue() && !continued_) {
        res_.sendContinue();
        continued_ = true;
      }
      if (!net::readUpTo(req_.stream(), kMaxBody, b)) refuseBody();
    }
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
    return parseJson(b);
  } catch (const JsonTooDeep& e) {
    throw HttpError(400, std::string("the body is ") + e.what() + "; a VCH is 6 levels deep");
  } catch (const BadJson& e) {
    throw HttpError(400, std::string("the body is not valid JSON: ") + e.what());
  }
}

void Exchange::sendJson(int status, const nlohmann::json& body) {
  sendText(status, body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
           "application/json");
}

// An answer given before the body was read (a 401, a 404) leaves it unread:
// reading it for nothing is what a sender of an endless body wants. The
// connection closes after the answer instead, so that the next request on it
// cannot begin inside the old body.
void Exchange::beforeAnswer() {
  if (!body_ && hasBody()) res_.setKeepAlive(false);
}

// A client that writes its whole body before reading would meet a reset,
// not the answer, if the connection closed on what it is still sending. So a
// little more is read and dropped, within bounds of size and time, before it
// closes; nothing is kept.
void Exchange::afterAnswer() {
  if (res_.getKeepAlive() || !hasBody() || (req_.getExpectContinue() && !continued_)) return;
  if (auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&req_))
    impl->socket().setReceiveTimeout(Poco::Timespan(1, 0));
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  char drop[16 * 1024];
  std::size_t dropped = 0;
  try {
    std::istream& in = req_.stream();
    while (in && dropped < kLingerBytes && std::chrono::steady_clock::now() < deadline) {
      in.read(drop, sizeof drop);
      dropped += static_cast<std::size_t>(in.gcount());
      if (in.gcount() == 0) break;
    }
  } catch (const std::exception&) {
    // The client went, or stalled: either way the connection closes now.
  }
}

void Exchange::sendText(int status, const std::string& text, const std::string& type) {
  beforeAnswer();
  res_.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  res_.setContentType(type);
  res_.setContentLength(static_cast<std::streamsize>(text.size()));
  std::ostream& out = res_.send();
  out << text;
  out.flush();
  sent_ = true;
  status_ = status;
  afterAnswer();
}

void Exchange::sendEmpty(int status) {
  beforeAnswer();
  res_.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  res_.setContentLength(0);
  res_.send().flush();
  sent_ = true;
  status_ = status;
  afterAnswer();
}

void deferContinue(const Poco::Net::HTTPServerRequest& req) {
  if (req.getExpectContinue()) req.response().setStatus(Poco::Net::HTTPResponse::HTTP_CONTINUE);
}

}  // namespace vic::server
