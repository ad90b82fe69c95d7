#pragma once

#include <functional>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "daemon/endpoint_config.h"

namespace vic::endpoint {

class ContainerBackend;
class ImageBackend;
class VolumeBackend;

// The Docker Engine API of a VCH as a VCH 1.5 endpoint served it (API 1.25,
// oldest accepted 1.19), with or without a /v1.NN prefix.
inline constexpr const char* kApiVersion = "1.25";
inline constexpr const char* kMinApiVersion = "1.19";

// One request as the API sees it, apart from any transport: the HTTP server
// and the fuzzer both hand requests in this way.
struct DockerRequest {
  std::string method;
  std::string target;  // path and query, as sent
  std::string body;
  std::string registryAuth;  // X-Registry-Auth, for pulls
};

struct DockerReply {
  int status = 200;
  std::string contentType = "application/json";
  std::string body;
  // Set for answers written as they happen (a pull's progress): the front
  // sends them chunked, and `body` is unused.
  std::function<void(std::ostream&)> stream;
};

// What the daemon works on in vCenter. Absent while it is not connected
// (and in the fuzzer): routes that need it answer 503.
struct DockerBackends {
  ContainerBackend* containers = nullptr;
  ImageBackend* images = nullptr;
  VolumeBackend* volumes = nullptr;
  // The VCH's vSphere resources and health for /info: rows of SystemStatus.
  std::function<std::vector<std::pair<std::string, std::string>>()> resources;
};

class DockerApi {
 public:
  explicit DockerApi(EndpointConfig config, DockerBackends backends = {})
      : config_(std::move(config)), backends_(std::move(backends)) {}
  DockerReply handle(const DockerRequest& request) const;

 private:
  DockerReply route(const std::string& method, const std::string& path,
                    const std::map<std::string, std::string>& query,
                    const DockerRequest& request) const;
  DockerReply containers(const std::string& method, const std::string& rest,
                         const std::map<std::string, std::string>& query,
                         const DockerRequest& request) const;
  DockerReply images(const std::string& method, const std::string& rest,
                     const std::map<std::string, std::string>& query,
                     const DockerRequest& request) const;
  DockerReply volumes(const std::string& method, const std::string& rest,
                      const DockerRequest& request) const;
  DockerReply info() const;

  EndpointConfig config_;
  DockerBackends backends_;
};

}  // namespace vic::endpoint
