#include "plugin-server/config/server_identity.h"

#include <arpa/inet.h>

#include <fstream>
#include <sstream>

#include "vicapi/base/error.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/tls/thumbprint.h"

namespace vic::server {

namespace fs = std::filesystem;

namespace {

bool isIp(const std::string& s) {
  unsigned char buf[16];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

}  // namespace

ServerIdentity ensureIdentity(const fs::path& certificate, const fs::path& key,
                              const std::vector<std::string>& names) {
  if (!fs::exists(certificate) || !fs::exists(key)) {
    if (fs::exists(certificate) != fs::exists(key))
      throw UsageError("only one of " + certificate.string() + " and " + key.string() +
                       " exists; give both or neither");
    crypto::CertificateRequest req;
    req.commonName = names.empty() ? "localhost" : names.front();
    req.organization = {"vSphere Integrated Containers appliance"};
    req.serverAuth = true;
    for (const auto& n : names)
      (isIp(n) ? req.ipAddresses : req.dnsNames).push_back(n);
    auto made = crypto::selfSigned(req);
    fs::create_directories(certificate.parent_path().empty() ? "." : certificate.parent_path());
    crypto::writeCertificate(certificate, made.certificatePem);
    crypto::writePrivateKey(key, made.privateKeyPem);
  }
  std::ifstream in(certificate);
  std::stringstream pem;
  pem << in.rdbuf();
  ServerIdentity id;
  id.certificatePem = pem.str();
  try {
    id.sha1 = tls::Thumbprint::ofPem(id.certificatePem, tls::DigestKind::Sha1).str();
    id.sha256 = tls::Thumbprint::ofPem(id.certificatePem, tls::DigestKind::Sha256).str();
  } catch (const UsageError&) {
    throw UsageError(certificate.string() + " is not a PEM certificate");
  }
  return id;
}

}  // namespace vic::server
