// auth.*: the VCH's TLS material.
#include "vicapi/crypto/certificates.h"
#include "vicapi/engine/validate/context.h"

namespace vic::engine {

void checkSecurity(RuleContext& c) {
  auto& a = c.vch().auth;
  const bool supplied = !a.serverCertificate.empty() || !a.serverPrivateKey.empty();
  if (a.noTls) {
    if (supplied || a.generate)
      c.issues.add("auth.no_tls",
                   "TLS is off, so the server certificate would not be used; remove one of them");
    if (!a.clientCas.empty())
      c.issues.add("auth.client.certificate_authorities",
                   "client certificates need TLS, which auth.no_tls turns off");
    return;
  }
  if (supplied) {
    // An existing VCH keeps the generate request it was created with beside
    // the certificate that came of it.
    if (a.generate && !c.options.existingVch)
      c.issues.add("auth.server.generate",
                   "give either a certificate to generate or an existing one, not both");
    if (a.serverCertificate.empty()) {
      c.issues.add("auth.server.certificate", "is required with a private key");
    } else if (auto e = crypto::checkCertificates(a.serverCertificate); !e.empty()) {
      c.issues.add("auth.server.certificate", e);
    } else if (a.serverPrivateKey.empty()) {
      c.issues.add("auth.server.private_key",
                   "is required with a certificate (an unencrypted PEM key)");
    } else if (auto pair = crypto::checkKeyPair(a.serverCertificate, a.serverPrivateKey);
               !pair.empty()) {
      c.issues.add("auth.server.private_key", pair);
    } else {
      for (const auto& info : crypto::describeCertificates(a.serverCertificate))
        if (info.expired)
          c.issues.add("auth.server.certificate",
                       "expired on " + info.notAfter + "; supply a current one");
    }
  } else {
    if (!a.generate) a.generate = GenerateCertificate{Quantity{2048, "bit"}, {}, "", ""};
    auto& g = *a.generate;
    if (!g.size) g.size = Quantity{2048, "bit"};
    auto bits = toBits(*g.size);
    if (g.algorithm != "ecdsa" && bits && (*bits < 2048 || *bits > 8192 || *bits % 8 != 0))
      c.issues.add("auth.server.generate.size",
                   std::to_string(*bits) +
                       " bits is not a usable RSA key size; use 2048 to 8192 (2048 by default)");
    if (bits) g.size = Quantity{*bits, "bit"};
  }
  if (a.noTlsVerify && !a.clientCas.empty())
    c.issues.add("auth.client.certificate_authorities",
                 "client verification is off (no_tls_verify), so these would be ignored; remove "
                 "one of them");
  for (std::size_t i = 0; i < a.clientCas.size(); ++i)
    if (auto e = crypto::checkCertificates(a.clientCas[i]); !e.empty())
      c.issues.add("auth.client.certificate_authorities[" + std::to_string(i) + "]", e);
}

}  // namespace vic::engine
