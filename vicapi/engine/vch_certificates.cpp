#include "vicapi/engine/vch_certificates.h"

#include <arpa/inet.h>

#include "vicapi/crypto/certificates.h"

namespace vic::engine {

namespace {

std::string hostOf(const std::string& cidr) {
  return cidr.substr(0, cidr.find('/'));
}

bool isIp(const std::string& s) {
  unsigned char buf[16];
  return inet_pton(AF_INET, s.c_str(), buf) == 1 || inet_pton(AF_INET6, s.c_str(), buf) == 1;
}

crypto::KeySpec keySpec(const Vch& v) {
  crypto::KeySpec k;
  if (v.auth.generate) {
    if (v.auth.generate->algorithm == "ecdsa") k.type = crypto::KeyType::EcdsaP256;
    if (v.auth.generate->size && v.auth.generate->size->value > 0)
      k.rsaBits = static_cast<int>(v.auth.generate->size->value);
  }
  return k;
}

}  // namespace

std::string defaultCommonName(const Vch& v) {
  if (v.network.client && !v.network.client->staticAddress.empty())
    return hostOf(v.network.client->staticAddress);
  if (v.network.publicNet && !v.network.publicNet->staticAddress.empty())
    return hostOf(v.network.publicNet->staticAddress);
  return v.name;
}

VchCertificates makeCertificates(const Vch& v, const std::vector<std::string>& addresses) {
  VchCertificates out;
  if (v.auth.noTls) return out;
  if (!v.auth.serverCertificate.empty()) {
    out.serverCertificate = v.auth.serverCertificate;
    out.serverKey = v.auth.serverPrivateKey;
    out.clientCas = v.auth.clientCas;
    return out;
  }

  const std::string cname = v.auth.generate && !v.auth.generate->cname.empty()
                                ? v.auth.generate->cname
                                : defaultCommonName(v);
  std::vector<std::string> org =
      v.auth.generate ? v.auth.generate->organization : std::vector<std::string>{};
  if (org.empty()) org = {v.name, cname};
  const crypto::KeySpec key = keySpec(v);

  crypto::CertificateRequest ca;
  ca.commonName = v.name + " CA";
  ca.organization = org;
  ca.isCa = true;
  ca.validDays = 365;
  auto caPair = crypto::selfSigned(ca, key);
  out.caCertificate = caPair.certificatePem;
  out.caKey = caPair.privateKeyPem;

  crypto::CertificateRequest server;
  server.commonName = cname;
  server.organization = org;
  server.serverAuth = true;
  server.validDays = 365;
  (isIp(cname) ? server.ipAddresses : server.dnsNames).push_back(cname);
  for (const auto& a : addresses) {
    const std::string ip = hostOf(a);
    if (isIp(ip) && ip != cname) server.ipAddresses.push_back(ip);
  }
  auto serverPair = crypto::issue(server, caPair, key);
  out.serverCertificate = serverPair.certificatePem;
  out.serverKey = serverPair.privateKeyPem;

  if (!v.auth.noTlsVerify && v.auth.clientCas.empty()) {
    crypto::CertificateRequest client;
    client.commonName = "docker client of " + v.name;
    client.organization = org;
    client.clientAuth = true;
    client.validDays = 365;
    auto clientPair = crypto::issue(client, caPair, key);
    out.clientCertificate = clientPair.certificatePem;
    out.clientKey = clientPair.privateKeyPem;
    out.clientCas = {out.caCertificate};
  } else {
    out.clientCas = v.auth.clientCas;
  }
  return out;
}

}  // namespace vic::engine
