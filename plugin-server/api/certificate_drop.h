#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "vicapi/engine/vch_certificates.h"

namespace vic::server {

// Client certificates create generates are handed out once, from memory: the
// private key is a secret and never goes to the journal or the disk. Unclaimed
// ones are forgotten after an hour.
class CertificateDrop {
 public:
  void put(const std::string& opId, engine::VchCertificates certs);
  std::optional<engine::VchCertificates> take(const std::string& opId);
  bool has(const std::string& opId);

 private:
  struct Entry {
    engine::VchCertificates certs;
    std::chrono::steady_clock::time_point expires;
  };
  void expire();
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace vic::server
