#pragma once

#include <string>
#include <vector>

#include "vicapi/util/secret.h"

namespace vic::endpoint {

// What the endpoint daemon serves with, as the VCH's guestinfo describes it.
struct EndpointConfig {
  std::string vchName;
  std::string vchVersion;              // the VCH's recorded version
  bool noTls = false;                  // plain HTTP on 2375
  bool noTlsVerify = false;            // TLS without client certificates
  std::string serverCertificate;       // PEM
  Secret serverPrivateKey;             // PEM
  std::vector<std::string> clientCas;  // PEM each
};

// Reads a JSON object of extraConfig keys and values (what the VM sees as
// guestinfo) and opens the sealed private key with the VCH's sealing key.
// Throws vic::Error saying what is missing.
EndpointConfig fromGuestinfoFile(const std::string& path);

}  // namespace vic::endpoint
