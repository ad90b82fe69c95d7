#include "plugin-server/api/certificate_drop.h"

namespace vic::server {

void CertificateDrop::expire() {
  const auto now = std::chrono::steady_clock::now();
  for (auto it = entries_.begin(); it != entries_.end();)
    it = it->second.expires < now ? entries_.erase(it) : std::next(it);
}

void CertificateDrop::put(const std::string& opId, engine::VchCertificates certs) {
  std::lock_guard lock(mutex_);
  expire();
  entries_[opId] =
      Entry{std::move(certs), std::chrono::steady_clock::now() + std::chrono::hours(1)};
}

std::optional<engine::VchCertificates> CertificateDrop::take(const std::string& opId) {
  std::lock_guard lock(mutex_);
  expire();
  auto it = entries_.find(opId);
  if (it == entries_.end()) return std::nullopt;
  auto certs = std::move(it->second.certs);
  entries_.erase(it);
  return certs;
}

bool CertificateDrop::has(const std::string& opId) {
  std::lock_guard lock(mutex_);
  expire();
  return entries_.count(opId) > 0;
}

}  // namespace vic::server
