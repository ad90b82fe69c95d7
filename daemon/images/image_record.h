#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace vic::endpoint {

// One image as `docker images` knows it.
struct ImageRecord {
  std::string id;                                    // "sha256:..." of its config
  std::vector<std::string> repoTags;                 // "127.0.0.1:5000/busybox:latest"
  std::vector<std::string> repoDigests;              // "127.0.0.1:5000/busybox@sha256:..."
  std::vector<std::string> layers;                   // blob digests, base first
  nlohmann::json config = nlohmann::json::object();  // the image's config document
  std::uint64_t size = 0;                            // bytes of its layers as stored
};

}  // namespace vic::endpoint
