#include "daemon/images/registry_client.h"

#include <map>
#include <sstream>

#include <Poco/Base64Encoder.h>
#include <Poco/Crypto/X509Certificate.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/URI.h>
#include <nlohmann/json.hpp>

#include "daemon/docker_error.h"
#include "daemon/images/digest_stream.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/net/bounded_read.h"
#include "vicapi/tls/init.h"
#include "vicapi/util/bounded_json.h"

namespace vic::endpoint {

namespace {

using Poco::Net::HTTPRequest;
using Poco::Net::HTTPResponse;

constexpr int kMaxRedirects = 5;
constexpr std::size_t kMaxTokenAnswer = 64 * 1024;

// The parameters of a "Bearer realm=...,service=...,scope=..." challenge.
std::map<std::string, std::string> challengeParams(const std::string& header) {
  std::map<std::string, std::string> out;
  std::size_t i = header.find(' ');
  if (i == std::string::npos) return out;
  while (i < header.size()) {
    while (i < header.size() && (header[i] == ' ' || header[i] == ','))
      ++i;
    const auto eq = header.find('=', i);
    if (eq == std::string::npos) break;
    const std::string key = header.substr(i, eq - i);
    std::string value;
    i = eq + 1;
    if (i < header.size() && header[i] == '"') {
      const auto end = header.find('"', i + 1);
      if (end == std::string::npos) break;
      value = header.substr(i + 1, end - i - 1);
      i = end + 1;
    } else {
      const auto end = header.find(',', i);
      value = header.substr(i, end == std::string::npos ? std::string::npos : end - i);
      i = end == std::string::npos ? header.size() : end;
    }
    out[key] = value;
  }
  return out;
}

std::string base64(const std::string& s) {
  std::ostringstream out;
  Poco::Base64Encoder enc(out);
  enc.rdbuf()->setLineLength(0);
  enc << s;
  enc.close();
  return out.str();
}

}  // namespace

RegistryClient::RegistryClient(RegistryAccess access) : access_(std::move(access)) {}
RegistryClient::~RegistryClient() = default;

std::string RegistryClient::describe() const {
  return (access_.plainHttp ? "http://" : "https://") + access_.host;
}

std::unique_ptr<Poco::Net::HTTPClientSession> RegistryClient::session(const std::string& scheme,
                                                                      const std::string& hostPort) {
  Poco::URI uri(scheme + "://" + hostPort);
  std::unique_ptr<Poco::Net::HTTPClientSession> s;
  if (scheme == "http") {
    s = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
  } else {
    tls::ensureInitialised();
    Poco::Net::Context::Params params;
    params.verificationMode = Poco::Net::Context::VERIFY_RELAXED;
    params.loadDefaultCAs = true;
    Poco::Net::Context::Ptr ctx =
        new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
    ctx->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
    for (const auto& bundle : access_.certificateAuthorities)
      for (const auto& pem : crypto::certificateBlocks(bundle)) {
        std::istringstream in(pem);
        ctx->addCertificateAuthority(Poco::Crypto::X509Certificate(in));
      }
    s = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort(), ctx);
  }
  s->setTimeout(Poco::Timespan(60, 0));
  return s;
}

void RegistryClient::authenticate(const std::string& challenge, const std::string& scope) {
  if (challenge.rfind("Basic", 0) == 0) {
    if (access_.user.empty())
      throw DockerError(401, "the registry " + access_.host +
                                 " asks for credentials; run docker login " + access_.host);
    authorization_ = "Basic " + base64(access_.user + ":" + access_.password.reveal());
    return;
  }
  auto params = challengeParams(challenge);
  if (challenge.rfind("Bearer", 0) != 0 || params["realm"].empty())
    throw DockerError(500, "the registry " + access_.host +
                               " asks for an authentication this daemon does not know: " +
                               challenge.substr(0, 100));
  Poco::URI realm(params["realm"]);
  if (!params["service"].empty()) realm.addQueryParameter("service", params["service"]);
  realm.addQueryParameter("scope", params.count("scope") ? params["scope"] : scope);
  auto s = session(realm.getScheme(), realm.getAuthority());
  HTTPRequest req(HTTPRequest::HTTP_GET, realm.getPathAndQuery(), HTTPRequest::HTTP_1_1);
  if (!access_.user.empty())
    req.set("Authorization", "Basic " + base64(access_.user + ":" + access_.password.reveal()));
  s->sendRequest(req);
  HTTPResponse res;
  auto& in = s->receiveResponse(res);
  std::string body;
  if (!net::readUpTo(in, kMaxTokenAnswer, body) || res.getStatus() != 200)
    throw DockerError(res.getStatus() == 401 ? 401 : 500, "the token service of " + access_.host +
                                                              " refused: HTTP " +
                                                              std::to_string(res.getStatus()));
  try {
    auto j = parseJson(body);
    std::string token = j.value("token", j.value("access_token", ""));
    if (token.empty()) throw BadJson("no token");
    authorization_ = "Bearer " + token;
  } catch (const std::exception&) {
    throw DockerError(500, "the token service of " + access_.host + " gave no token");
  }
}

void RegistryClient::get(const std::string& path, const std::string& accept,
                         const std::string& scope,
                         const std::function<void(HTTPResponse&, std::istream&)>& onOk) {
  std::string scheme = access_.plainHttp ? "http" : "https";
  std::string host = access_.host;
  std::string target = path;
  bool challenged = false;
  for (int hop = 0; hop <= kMaxRedirects; ++hop) {
    try {
      auto s = session(scheme, host);
      HTTPRequest req(HTTPRequest::HTTP_GET, target, HTTPRequest::HTTP_1_1);
      if (!accept.empty()) req.set("Accept", accept);
      if (!authorization_.empty() && host == access_.host) req.set("Authorization", authorization_);
      req.set("User-Agent", "vic-endpoint");
      s->sendRequest(req);
      HTTPResponse res;
      auto& in = s->receiveResponse(res);
      const int status = res.getStatus();
      if (status == 200) return onOk(res, in);
      if (status == 401 && !challenged && res.has("WWW-Authenticate")) {
        challenged = true;
        authenticate(res.get("WWW-Authenticate"), scope);
        --hop;
        continue;
      }
      if ((status == 301 || status == 302 || status == 303 || status == 307 || status == 308) &&
          res.has("Location")) {
        Poco::URI next(Poco::URI(scheme + "://" + host + target), res.get("Location"));
        scheme = next.getScheme();
        host = next.getAuthority();
        target = next.getPathAndQuery();
        continue;
      }
      if (status == 404)
        throw notFound("manifest unknown: " + access_.host + " has no " + path.substr(4));
      if (status == 401 || status == 403)
        throw DockerError(status == 401 ? 401 : 403, "the registry " + access_.host +
                                                         " refused access to " + path.substr(4) +
                                                         " (HTTP " + std::to_string(status) + ")");
      throw DockerError(500, "the registry " + access_.host + " answered HTTP " +
                                 std::to_string(status) + " for " + path);
    } catch (const Poco::Net::SSLException& e) {
      throw DockerError(500, "TLS with the registry " + describe() + " failed (" + e.displayText() +
                                 "); add its certificate authority to the VCH's registry CAs, "
                                 "or make it an insecure registry of the VCH");
    } catch (const Poco::Exception& e) {
      throw DockerError(500, "cannot reach the registry " + describe() + ": " + e.displayText());
    }
  }
  throw DockerError(500, "the registry " + access_.host + " redirected too often");
}

Manifest RegistryClient::manifest(const std::string& repository, const std::string& reference) {
  Manifest m;
  get("/v2/" + repository + "/manifests/" + reference,
      "application/vnd.docker.distribution.manifest.v2+json, "
      "application/vnd.docker.distribution.manifest.list.v2+json, "
      "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json",
      "repository:" + repository + ":pull", [&](HTTPResponse& res, std::istream& in) {
        if (!net::readUpTo(in, kMaxManifestBytes, m.body))
          throw DockerError(500, "the manifest of " + repository + " is larger than 4 MiB");
        m.mediaType = res.getContentType();
        if (auto semi = m.mediaType.find(';'); semi != std::string::npos) m.mediaType.resize(semi);
      });
  m.digest = sha256Digest(m.body);
  if (isSha256Digest(reference) && m.digest != reference)
    throw DockerError(500, "the manifest " + access_.host + "/" + repository + "@" + reference +
                               " does not match its digest (got " + m.digest + ")");
  return m;
}

void RegistryClient::blob(const std::string& repository, const std::string& digest,
                          const std::function<void(std::istream&, std::uint64_t)>& consume) {
  get("/v2/" + repository + "/blobs/" + digest, "", "repository:" + repository + ":pull",
      [&](HTTPResponse& res, std::istream& in) {
        if (!res.hasContentLength())
          throw DockerError(
              500, "the registry " + access_.host + " sent " + digest + " without a length");
        consume(in, static_cast<std::uint64_t>(res.getContentLength64()));
      });
}

}  // namespace vic::endpoint
