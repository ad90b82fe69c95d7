#pragma once

#include <string>

#include "vicapi/util/secret.h"

namespace vic::endpoint {

// Credentials the docker CLI passes in X-Registry-Auth (URL-safe base64 of
// {"username": ..., "password": ...}); anonymous when absent or unreadable.
struct RegistryCredentials {
  std::string user;
  Secret password;
  static RegistryCredentials fromHeader(const std::string& base64Json);
};

}  // namespace vic::endpoint
