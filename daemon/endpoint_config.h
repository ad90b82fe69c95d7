#pragma once

#include <string>
#include <vector>

#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/engine/model/vch.h"
#include "vicapi/util/secret.h"
#include "vicapi/vim/moref.h"

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

  vim::Moref vchVm;                        // the endpoint VM itself
  engine::Vch model;                       // the VCH as created, without secrets
  engine::guestinfo::Placement placement;  // where it lives in vCenter
  std::string operationsUser;              // who the daemon works in vCenter as
  Secret operationsPassword;
};

// Reads a JSON object of extraConfig keys and values (what the VM sees as
// guestinfo) and opens the sealed private key and operations password with
// the VCH's sealing key. Throws vic::Error saying what is missing.
EndpointConfig fromGuestinfoFile(const std::string& path);
EndpointConfig fromGuestinfo(const engine::guestinfo::KeyValues& keys);

}  // namespace vic::endpoint
