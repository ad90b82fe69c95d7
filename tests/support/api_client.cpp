#include "tests/support/api_client.h"

#include <Poco/Base64Encoder.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/String.h>

#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

namespace vic::test {

namespace {

// With VIC_API_RECORD naming a file, every answer a test gets is appended to
// it as one JSON line, for tests/openapi/responses.mjs to check against the
// document's schemas once the server tests have run.
void record(const std::string& method, const std::string& path, const ApiResponse& r) {
  static const char* const file = std::getenv("VIC_API_RECORD");
  if (!file || !*file) return;
  nlohmann::json line{{"method", method},
                      {"path", path.substr(0, path.find('?'))},
                      {"status", r.status},
                      {"content_type", r.header("content-type")}};
  auto body = nlohmann::json::parse(r.body, nullptr, false);
  line["json"] = !body.is_discarded();
  if (line["json"]) line["body"] = std::move(body);
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::ofstream(file, std::ios::app)
      << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

nlohmann::json ApiResponse::json() const {
  try {
    return nlohmann::json::parse(body);
  } catch (const std::exception&) {
    throw std::runtime_error("HTTP " + std::to_string(status) + " body is not JSON: " + body);
  }
}

std::string ApiResponse::header(const std::string& name) const {
  auto it = headers.find(Poco::toLower(name));
  return it == headers.end() ? "" : it->second;
}

ApiClient::ApiClient(const std::string& host, unsigned short port, tls::Thumbprint serverThumbprint,
                     std::size_t connections)
    : pool_(net::Endpoint{host, port}, tls::Trust::pin(std::move(serverThumbprint)),
            net::Timeouts{}, connections) {}

ApiResponse ApiClient::send(const std::string& method, const std::string& path,
                            const Headers& headers, const std::string& body,
                            const std::string& contentType) {
  ApiResponse out;
  pool_.run([&](Poco::Net::HTTPSClientSession& session) {
    Poco::Net::HTTPRequest req(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [name, value] : headers)
      req.set(name, value);
    if (!contentType.empty()) req.setContentType(contentType);
    if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH")
      req.setContentLength(static_cast<std::streamsize>(body.size()));
    session.sendRequest(req).write(body.data(), static_cast<std::streamsize>(body.size()));
    Poco::Net::HTTPResponse resp;
    std::istream& in = session.receiveResponse(resp);
    out.body.clear();
    Poco::StreamCopier::copyToString(in, out.body);
    out.status = resp.getStatus();
    out.reason = resp.getReason();
    out.headers.clear();
    for (const auto& [name, value] : resp)
      out.headers[Poco::toLower(name)] = value;
  });
  record(method, path, out);
  return out;
}

Headers basicAuth(const std::string& user, const std::string& password) {
  std::ostringstream encoded;
  Poco::Base64Encoder enc(encoded);
  enc.rdbuf()->setLineLength(0);
  enc << user << ":" << password;
  enc.close();
  return {{"Authorization", "Basic " + encoded.str()}};
}

Headers ticketAuth(const std::string& ticket) {
  return {{"X-VMWARE-TICKET", ticket}};
}

}  // namespace vic::test
