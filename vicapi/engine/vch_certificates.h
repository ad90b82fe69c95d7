#pragma once

#include <string>
#include <vector>

#include "vicapi/engine/model/vch.h"
#include "vicapi/util/secret.h"

namespace vic::engine {

// The TLS material of a VCH, decided as the original did:
//   no_tls                                  nothing
//   server certificate and key given        those, with the client CAs given
//   nothing given, no_tls_verify            a server certificate from a new CA
//   nothing given, client CAs given         a server certificate from a new CA
//   nothing given, no client CA             a new CA, a server and a client certificate;
//                                           the new CA becomes the client CA
struct VchCertificates {
  std::string caCertificate;
  Secret caKey;
  std::string serverCertificate;
  Secret serverKey;
  std::string clientCertificate;  // for Docker clients, when generated
  Secret clientKey;
  std::vector<std::string> clientCas;  // what the endpoint verifies clients against
};

// `addresses` are the endpoint's static IPs, added to the server certificate
// as IP SANs beside the common name.
VchCertificates makeCertificates(const Vch& vch, const std::vector<std::string>& addresses);

// The common name a generated certificate gets when none was given: the
// client network's static IP, else the public one when client shares it.
std::string defaultCommonName(const Vch& vch);

}  // namespace vic::engine
