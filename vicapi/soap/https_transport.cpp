#include "vicapi/soap/https_transport.h"

#include <chrono>
#include <istream>
#include <ostream>

#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/NullStream.h>
#include <Poco/StreamCopier.h>

#include "vicapi/net/bounded_read.h"

#include "vicapi/net/errors.h"
#include "vicapi/soap/envelope.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/log.h"

namespace vic::soap {

namespace {

constexpr const char* kCookieName = "vmware_soap_session";
constexpr const char* kEnvelopeStart =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
    "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
    "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns=\"urn:vim25\">"
    "<soapenv:Body>";
constexpr const char* kEnvelopeEnd = "</soapenv:Body></soapenv:Envelope>";
// What an upload's success answer may say; it is read only to reuse the connection.
constexpr std::uint64_t kIgnoredBodyBytes = 64 * 1024;

std::string envelope(const Node& request, bool mask) {
  std::string out = kEnvelopeStart;
  writeXml(out, request, mask);
  out += kEnvelopeEnd;
  return out;
}

double millisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

}  // namespace

HttpsTransport::HttpsTransport(net::Endpoint endpoint, tls::Trust trust, TransportOptions options)
    : pool_(std::move(endpoint), std::move(trust), options.timeouts, options.maxConnections),
      options_(std::move(options)) {}

Secret HttpsTransport::sessionCookie() const {
  std::lock_guard lock(cookieMutex_);
  return cookie_;
}

void HttpsTransport::setSessionCookie(Secret cookie) {
  std::lock_guard lock(cookieMutex_);
  cookie_ = std::move(cookie);
}

void HttpsTransport::prepare(Poco::Net::HTTPRequest& request) const {
  request.setKeepAlive(true);
  if (!options_.userAgent.empty()) request.set("User-Agent", options_.userAgent);
  std::lock_guard lock(cookieMutex_);
  if (!cookie_.empty()) request.set("Cookie", std::string(kCookieName) + "=" + cookie_.reveal());
}

void HttpsTransport::remember(const Poco::Net::HTTPResponse& response) {
  std::vector<Poco::Net::HTTPCookie> cookies;
  response.getCookies(cookies);
  for (const auto& c : cookies) {
    if (c.getName() == kCookieName) setSessionCookie(Secret(c.getValue()));
  }
}

int HttpsTransport::post(const Node& request, const std::function<void(std::istream&)>& read) {
  const std::string& method = request.name;
  const std::string body = envelope(request, false);
  auto log = logger();
  if (log->should_log(spdlog::level::trace))
    log->trace("SOAP request {}: {}", method, envelope(request, true));
  int status = 0;
  pool_.run([&](Poco::Net::HTTPSClientSession& session) {
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_POST, "/sdk",
                               Poco::Net::HTTPMessage::HTTP_1_1);
    prepare(req);
    req.setContentType("text/xml; charset=utf-8");
    req.set("SOAPAction", "\"" + options_.soapAction + "\"");
    req.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(req).write(body.data(), static_cast<std::streamsize>(body.size()));
    Poco::Net::HTTPResponse resp;
    std::istream& in = session.receiveResponse(resp);
    status = resp.getStatus();
    remember(resp);
    ++roundTrips_;
    countProcessSoapCall();
    // Its body is left unread: the connection is dropped with the error.
    if (status != 200 && status != 500)
      throw ProtocolError("the server answered HTTP " + std::to_string(status) + " to " + method +
                          "; is " + pool_.endpoint().hostPort() + " a vSphere SDK endpoint?");
    read(in);
  });
  return status;
}

template <class F>
auto HttpsTransport::parsing(const std::string& method, F&& parse) {
  try {
    return parse();
  } catch (const ProtocolError& e) {
    throw ProtocolError(pool_.endpoint().hostPort() + " answered " + method +
                        " with something unusable: " + e.what());
  }
}

Node HttpsTransport::call(const Node& request, bool sensitiveResponse, const ResponseCheck& check) {
  const std::string& method = request.name;
  auto log = logger();
  const auto start = std::chrono::steady_clock::now();
  Node env;
  const int status = post(request, [&](std::istream& in) {
    env = parsing(method, [&] { return readXml(in, options_.maxAnswerBytes, options_.limits); });
  });
  log->debug("SOAP {} -> HTTP {} in {:.2f} ms", method, status, millisSince(start));
  // The answer as parsed, with secrets masked: a session key or a sealed
  // value must not reach the log even at trace level.
  if (!sensitiveResponse && log->should_log(spdlog::level::trace)) {
    std::string text;
    writeXml(text, env, true);
    log->trace("SOAP response {}: {}", method, text);
  }
  Node response = unwrapEnvelope(method, std::move(env));
  if (check) check(response);
  return response;
}

Node HttpsTransport::callStreamed(const Node& request, const std::vector<std::string>& path,
                                  const std::function<void(Node&&)>& onElement) {
  const std::string& method = request.name;
  const auto start = std::chrono::steady_clock::now();
  std::uint64_t bytes = 0;
  Node env;
  const int status = post(request, [&](std::istream& in) {
    StreamingParser parser(path, onElement, options_.limits);
    bool delivered = false;
    std::vector<char> chunk(64 * 1024);
    try {
      while (in) {
        in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        const auto n = static_cast<std::size_t>(in.gcount());
        if (n == 0) break;
        bytes += n;
        if (bytes > options_.maxStreamedBytes)
          throw ProtocolError(pool_.endpoint().hostPort() + " answered " + method +
                              " with more than " + std::to_string(options_.maxStreamedBytes >> 20) +
                              " MiB; its answer is larger than anything vSphere sends");
        parsing(method, [&] { parser.feed(std::string_view(chunk.data(), n)); });
        delivered = true;
      }
    } catch (const Poco::Exception& e) {
      // Elements already handed over cannot be taken back: no silent retry.
      if (delivered)
        throw TransportError("the answer to " + method + " broke off: " + e.displayText());
      throw;
    }
    env = parsing(method, [&] { return parser.finish(); });
  });
  logger()->debug("SOAP {} -> HTTP {} in {:.2f} ms, {} bytes, streamed", method, status,
                  millisSince(start), bytes);
  return unwrapEnvelope(method, std::move(env));
}

void HttpsTransport::upload(const std::string& pathAndQuery, std::istream& body,
                            std::uint64_t length) {
  // A stream that cannot seek (a download passed straight on) can be sent
  // only once: a retry on a fresh connection would send what is left of it.
  const auto origin = body.tellg();
  const bool rewindable = origin != std::istream::pos_type(-1);
  bool sent = false;
  pool_.run([&](Poco::Net::HTTPSClientSession& session) {
    if (sent && !rewindable)
      throw TransportError("uploading to " + pathAndQuery +
                           " broke off, and its source cannot be read a second time");
    sent = true;
    if (rewindable) {
      body.clear();
      body.seekg(origin);
    }
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_PUT, pathAndQuery,
                               Poco::Net::HTTPMessage::HTTP_1_1);
    prepare(req);
    req.setContentType("application/octet-stream");
    req.setContentLength64(static_cast<Poco::Int64>(length));
    Poco::StreamCopier::copyStream64(body, session.sendRequest(req));
    Poco::Net::HTTPResponse resp;
    std::istream& in = session.receiveResponse(resp);
    ++roundTrips_;
    ++fileTransfers_;
    const int status = resp.getStatus();
    if (status != 200 && status != 201 && status != 204)
      throw ProtocolError("uploading to " + pathAndQuery + " failed: HTTP " +
                          std::to_string(status) + " " + resp.getReason());
    Poco::NullOutputStream ignored;
    if (!net::copyUpTo(in, ignored, kIgnoredBodyBytes))
      throw ProtocolError("uploading to " + pathAndQuery + " was answered at great length");
  });
}

void HttpsTransport::download(const std::string& pathAndQuery, std::ostream& out,
                              std::uint64_t maxBytes) {
  pool_.run([&](Poco::Net::HTTPSClientSession& session) {
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, pathAndQuery,
                               Poco::Net::HTTPMessage::HTTP_1_1);
    prepare(req);
    session.sendRequest(req);
    Poco::Net::HTTPResponse resp;
    std::istream& in = session.receiveResponse(resp);
    ++roundTrips_;
    ++fileTransfers_;
    const int status = resp.getStatus();
    if (status == 404)
      throwFault("download " + pathAndQuery, "FileNotFound", "no such file", Node());
    if (status != 200)
      throw ProtocolError("downloading " + pathAndQuery + " failed: HTTP " +
                          std::to_string(status) + " " + resp.getReason());
    if (!net::copyUpTo(in, out, maxBytes))
      throw ProtocolError("downloading " + pathAndQuery + ": the file is larger than the " +
                          std::to_string(maxBytes) + " bytes expected");
  });
}

}  // namespace vic::soap
