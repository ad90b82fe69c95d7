#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "vicapi/util/secret.h"

namespace vic::crypto {

enum class KeyType { Rsa, EcdsaP256 };

struct KeySpec {
  KeyType type = KeyType::Rsa;
  int rsaBits = 2048;
};

struct CertificateRequest {
  std::string commonName;
  std::vector<std::string> organization;
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

KeyAndCertificate selfSigned(const CertificateRequest& request, KeySpec key = {});
KeyAndCertificate issue(const CertificateRequest& request, const KeyAndCertificate& ca,
                        KeySpec key = {});

// Checks on PEM text supplied by administrators. Each returns an empty string
// when all is well, else what is wrong in words.
std::string checkCertificates(const std::string& pem);  // one or more CERTIFICATE blocks
// The CERTIFICATE blocks of a PEM bundle, each on its own (for APIs that take one).
std::vector<std::string> certificateBlocks(const std::string& bundle);
std::string checkKeyPair(const std::string& certificatePem, const Secret& keyPem);

struct CertificateInfo {
  std::string subject;
  std::string notAfter;  // "2027-11-27T20:00:00Z"
  bool expired = false;
};
std::vector<CertificateInfo> describeCertificates(const std::string& pem);

// Writes a private key with mode 0600 from the moment the file exists.
void writePrivateKey(const std::filesystem::path& path, const Secret& pem);
void writeCertificate(const std::filesystem::path& path, const std::string& pem);

}  // namespace vic::crypto
