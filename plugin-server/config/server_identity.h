#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace vic::server {

struct ServerIdentity {
  std::string certificatePem;
  std::string sha1;  // "AA:BB:..."
  std::string sha256;
};

// The server's TLS certificate: loaded when both files exist; otherwise, on
// first start, a self-signed one for `names` (host names and addresses) is
// made and kept there, the key with mode 0600.
ServerIdentity ensureIdentity(const std::filesystem::path& certificate,
                              const std::filesystem::path& key,
                              const std::vector<std::string>& names);

}  // namespace vic::server
