#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "vicapi/util/secret.h"

namespace Poco::Net {
class HTTPClientSession;
class HTTPRequest;
class HTTPResponse;
}  // namespace Poco::Net

namespace vic::endpoint {

// How the daemon may reach one registry, from the VCH's registry settings.
struct RegistryAccess {
  std::string host;                                 // "127.0.0.1:5000", "registry-1.docker.io"
  bool plainHttp = false;                           // an insecure registry of the VCH
  std::vector<std::string> certificateAuthorities;  // PEM bundles the VCH trusts
  std::string user;                                 // from the client's X-Registry-Auth, if any
  Secret password;
};

struct Manifest {
  std::string mediaType;
  std::string digest;  // "sha256:..." of the body as served
  std::string body;
};

// A client of the Docker Registry HTTP API v2: manifests by tag or digest,
// blobs streamed. Anonymous or Basic credentials, and the bearer tokens a
// registry asks for. Not shared between threads.
class RegistryClient {
 public:
  explicit RegistryClient(RegistryAccess access);
  ~RegistryClient();

  Manifest manifest(const std::string& repository, const std::string& reference);
  // Hands the blob's body and length to `consume` as it arrives.
  void blob(const std::string& repository, const std::string& digest,
            const std::function<void(std::istream&, std::uint64_t)>& consume);

  static constexpr std::size_t kMaxManifestBytes = 4 << 20;

 private:
  // Sends a GET, following redirects and answering an authentication
  // challenge once; `onOk` reads a 200 answer.
  void get(const std::string& pathOrUrl, const std::string& accept, const std::string& scope,
           const std::function<void(Poco::Net::HTTPResponse&, std::istream&)>& onOk);
  std::unique_ptr<Poco::Net::HTTPClientSession> session(const std::string& scheme,
                                                        const std::string& hostPort);
  void authenticate(const std::string& challenge, const std::string& scope);
  std::string describe() const;

  RegistryAccess access_;
  std::string authorization_;  // header value once a challenge was answered
};

}  // namespace vic::endpoint
