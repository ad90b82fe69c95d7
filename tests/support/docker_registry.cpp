#include "tests/support/docker_registry.h"

#include <fstream>
#include <sstream>
#include <thread>

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>
#include <openssl/evp.h>
#include <nlohmann/json.hpp>

#include "tests/support/simulator_fixture.h"
#include "vicapi/base/error.h"
#include "vicapi/crypto/certificates.h"

namespace vic::test {

namespace {

unsigned short freePort() {
  Poco::Net::ServerSocket s(Poco::Net::SocketAddress("127.0.0.1", 0));
  return s.address().port();
}

// Deterministic bytes: the same seed gives the same layer, so its digest can
// be computed in one pass and the bytes sent in another.
class GeneratedBuffer : public std::streambuf {
 public:
  GeneratedBuffer(std::uint64_t length, unsigned seed)
      : left_(length), state_(seed * 2654435761u + 1) {}

 protected:
  int_type underflow() override {
    if (left_ == 0) return traits_type::eof();
    const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(buf_.size(), left_));
    for (std::size_t i = 0; i < n; ++i) {
      state_ = state_ * 1103515245u + 12345u;
      buf_[i] = static_cast<char>(state_ >> 16);
    }
    left_ -= n;
    setg(buf_.data(), buf_.data(), buf_.data() + n);
    return traits_type::to_int_type(buf_[0]);
  }

 private:
  std::uint64_t left_;
  std::uint32_t state_;
  std::array<char, 64 * 1024> buf_{};
};

std::string hexDigest(std::istream& in) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  EVP_DigestInit_ex(ctx, EVP_sha256(), nullptr);
  char buf[64 * 1024];
  while (in.read(buf, sizeof buf) || in.gcount() > 0)
    EVP_DigestUpdate(ctx, buf, static_cast<std::size_t>(in.gcount()));
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(ctx, out, &n);
  EVP_MD_CTX_free(ctx);
  static const char* digits = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < n; ++i) {
    hex += digits[out[i] >> 4];
    hex += digits[out[i] & 15];
  }
  return "sha256:" + hex;
}

std::string digestOf(const std::string& s) {
  std::istringstream in(s);
  return hexDigest(in);
}

// POST an upload, PUT the blob to where it says.
void uploadBlob(const DockerRegistry& r, const std::string& repo, const std::string& digest,
                std::istream& body, std::uint64_t length) {
  Poco::Net::HTTPClientSession s("127.0.0.1", r.port());
  Poco::Net::HTTPRequest post(Poco::Net::HTTPRequest::HTTP_POST, "/v2/" + repo + "/blobs/uploads/",
                              Poco::Net::HTTPRequest::HTTP_1_1);
  post.setContentLength(0);
  s.sendRequest(post);
  Poco::Net::HTTPResponse res;
  s.receiveResponse(res).ignore(1 << 20);
  if (res.getStatus() != 202)
    throw Error("the registry refused an upload: " + std::to_string(res.getStatus()));
  Poco::URI location(Poco::URI("http://" + r.host()), res.get("Location"));
  location.addQueryParameter("digest", digest);
  Poco::Net::HTTPRequest put(Poco::Net::HTTPRequest::HTTP_PUT, location.getPathAndQuery(),
                             Poco::Net::HTTPRequest::HTTP_1_1);
  put.setContentType("application/octet-stream");
  put.setContentLength64(static_cast<Poco::Int64>(length));
  Poco::StreamCopier::copyStream64(body, s.sendRequest(put));
  Poco::Net::HTTPResponse done;
  s.receiveResponse(done).ignore(1 << 20);
  if (done.getStatus() != 201)
    throw Error("the registry did not take blob " + digest + ": " +
                std::to_string(done.getStatus()));
}

}  // namespace

DockerRegistry::DockerRegistry(const std::string& name) {
  storage_ = scratchDir("registry-" + name) / "data";
  start(name, "");
}

DockerRegistry::DockerRegistry(const std::string& name, const DockerRegistry& plain)
    : storage_(plain.storage_) {
  const auto dir = scratchDir("registry-tls-" + name);
  crypto::CertificateRequest ca;
  ca.commonName = "registry test CA";
  ca.isCa = true;
  ca.validDays = 2;
  const auto caPair = crypto::selfSigned(ca);
  crypto::CertificateRequest server;
  server.commonName = "127.0.0.1";
  server.ipAddresses = {"127.0.0.1"};
  server.serverAuth = true;
  server.validDays = 2;
  const auto pair = crypto::issue(server, caPair);
  crypto::writeCertificate(dir / "cert.pem", pair.certificatePem);
  crypto::writePrivateKey(dir / "key.pem", pair.privateKeyPem);
  caPem_ = caPair.certificatePem;
  start(name + "-tls", "\n  tls:\n    certificate: " + (dir / "cert.pem").string() +
                           "\n    key: " + (dir / "key.pem").string());
}

void DockerRegistry::start(const std::string& name, const std::string& tlsSection) {
  const auto dir = scratchDir("registry-run-" + name);
  port_ = freePort();
  std::ofstream(dir / "config.yml") << "version: 0.1\n"
                                       "log:\n  level: warn\n"
                                       "storage:\n  filesystem:\n    rootdirectory: "
                                    << storage_.string()
                                    << "\n  delete:\n    enabled: true\n"
                                       "http:\n  addr: "
                                    << host() << "\n  secret: test-only" << tlsSection << "\n";
  ChildOptions o;
  o.argv = {"/usr/bin/docker-registry", "serve", (dir / "config.yml").string()};
  o.stderrFile = dir / "registry.log";
  process_ = ChildProcess::spawn(o);
  for (int i = 0; i < 100 && tlsSection.empty(); ++i) {
    try {
      Poco::Net::HTTPClientSession s("127.0.0.1", port_);
      Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, "/v2/",
                                 Poco::Net::HTTPRequest::HTTP_1_1);
      s.sendRequest(req);
      Poco::Net::HTTPResponse res;
      s.receiveResponse(res);
      if (res.getStatus() == 200) return;
    } catch (const Poco::Exception&) {
    }
    if (!process_.running()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (!tlsSection.empty()) {  // listening is enough: the test itself speaks TLS to it
    for (int i = 0; i < 100 && process_.running(); ++i) {
      try {
        Poco::Net::StreamSocket probe(Poco::Net::SocketAddress("127.0.0.1", port_));
        return;
      } catch (const Poco::Exception&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
    }
  }
  throw Error("docker-registry did not start; see " + (dir / "registry.log").string());
}

DockerRegistry::~DockerRegistry() {
  process_.stop(std::chrono::milliseconds(2000));
}

PushedImage pushImage(const DockerRegistry& registry, const std::string& repository,
                      const std::string& tag, std::uint64_t layerBytes, unsigned seed) {
  GeneratedBuffer first(layerBytes, seed);
  std::istream firstIn(&first);
  const std::string layerDigest = hexDigest(firstIn);
  GeneratedBuffer second(layerBytes, seed);
  std::istream secondIn(&second);
  uploadBlob(registry, repository, layerDigest, secondIn, layerBytes);

  const nlohmann::json config = {
      {"architecture", "amd64"},
      {"os", "linux"},
      {"created", "2026-11-01T00:00:00Z"},
      {"config",
       {{"Cmd", {"/bin/sh"}},
        {"Env", {"PATH=/usr/local/bin:/usr/bin:/bin"}},
        {"Labels", {{"org.example.test", std::to_string(seed)}}}}},
      {"rootfs", {{"type", "layers"}, {"diff_ids", {layerDigest}}}},
      {"history",
       {{{"created", "2026-11-01T00:00:00Z"}, {"created_by", "generated by the tests"}}}}};
  const std::string configText = config.dump();
  const std::string configDigest = digestOf(configText);
  std::istringstream configIn(configText);
  uploadBlob(registry, repository, configDigest, configIn, configText.size());

  const nlohmann::json manifest = {
      {"schemaVersion", 2},
      {"mediaType", "application/vnd.docker.distribution.manifest.v2+json"},
      {"config",
       {{"mediaType", "application/vnd.docker.container.image.v1+json"},
        {"size", configText.size()},
        {"digest", configDigest}}},
      {"layers",
       {{{"mediaType", "application/vnd.docker.image.rootfs.diff.tar.gzip"},
         {"size", layerBytes},
         {"digest", layerDigest}}}}};
  const std::string manifestText = manifest.dump();
  Poco::Net::HTTPClientSession s("127.0.0.1", registry.port());
  Poco::Net::HTTPRequest put(Poco::Net::HTTPRequest::HTTP_PUT,
                             "/v2/" + repository + "/manifests/" + tag,
                             Poco::Net::HTTPRequest::HTTP_1_1);
  put.setContentType("application/vnd.docker.distribution.manifest.v2+json");
  put.setContentLength(static_cast<std::streamsize>(manifestText.size()));
  s.sendRequest(put) << manifestText;
  Poco::Net::HTTPResponse res;
  s.receiveResponse(res).ignore(1 << 20);
  if (res.getStatus() != 201)
    throw Error("the registry refused the manifest: " + std::to_string(res.getStatus()));
  return {registry.host() + "/" + repository + ":" + tag, configDigest, digestOf(manifestText),
          layerBytes};
}

}  // namespace vic::test
