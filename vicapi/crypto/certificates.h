#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "vicapi/util/secret.h"

namespace vic::crypto {

enum class KeyType { Rsa2048, EcdsaP256 };

struct CertificateRequest {
  std::string commonName;
  std::string organization;
  std::vector<std::string> dnsNames;     // subjectAltName DNS entries
  std::vector<std::string> ipAddresses;  // subjectAltName IP entries
  int validDays = 825;                   // the longest browsers accept for servers
  bool isCa = false;
  bool serverAuth = false;
  bool clientAuth = false;
};

struct KeyAndCertificate {
  std::string certificatePem;
  Secret privateKeyPem;
};

KeyAndCertificate selfSigned(const CertificateRequest& request, KeyType keyType = KeyType::Rsa2048);
KeyAndCertificate issue(const CertificateRequest& request, const KeyAndCertificate& ca,
                        KeyType keyType = KeyType::Rsa2048);

// Writes a private key with mode 0600 from the moment the file exists.
void writePrivateKey(const std::filesystem::path& path, const Secret& pem);
void writeCertificate(const std::filesystem::path& path, const std::string& pem);

}  // namespace vic::crypto
