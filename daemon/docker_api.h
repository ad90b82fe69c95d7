#pragma once

#include <string>

#include "daemon/endpoint_config.h"

namespace vic::endpoint {

// The part of the Docker Engine API the endpoint serves: /_ping, /version and
// /info, with or without a /v1.NN prefix, as a VCH 1.5 endpoint did (API 1.25,
// oldest accepted 1.19). Anything else is answered 404 the way dockerd does.
inline constexpr const char* kApiVersion = "1.25";
inline constexpr const char* kMinApiVersion = "1.19";

// One request as the API sees it, apart from any transport: the HTTP server
// and the fuzzer both hand requests in this way.
struct DockerRequest {
  std::string method;
  std::string target;  // path and query, as sent
  std::string body;
};

struct DockerReply {
  int status = 200;
  std::string contentType = "application/json";
  std::string body;
};

class DockerApi {
 public:
  explicit DockerApi(EndpointConfig config) : config_(std::move(config)) {}
  DockerReply handle(const DockerRequest& request) const;

 private:
  EndpointConfig config_;
};

}  // namespace vic::endpoint
