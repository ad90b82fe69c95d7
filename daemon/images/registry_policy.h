#pragma once

#include <string>
#include <vector>

#include "vicapi/engine/model/vch.h"

namespace vic::endpoint {

// Which registries a VCH may pull from and how, from its registry settings:
// with a whitelist, only the registries it (or the insecure list) names;
// insecure registries are spoken to in plain HTTP, all others in HTTPS with
// the VCH's registry certificate authorities.
class RegistryPolicy {
 public:
  explicit RegistryPolicy(const engine::Vch::Registry& settings) : settings_(settings) {}

  // Throws DockerError 403 naming the whitelist when `registry` is not on it.
  void checkAllowed(const std::string& registry) const;
  bool insecure(const std::string& registry) const;
  const std::vector<std::string>& certificateAuthorities() const {
    return settings_.certificateAuthorities;
  }

 private:
  engine::Vch::Registry settings_;
};

// Whether a whitelist or insecure-list entry ("host", "host:port",
// "*.example.com", "10.0.0.0/8", with or without "https://") covers
// `registry` ("host" or "host:port").
bool registryMatches(const std::string& entry, const std::string& registry);

}  // namespace vic::endpoint
