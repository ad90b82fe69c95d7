#include "daemon/tls_context.h"

#include <sstream>

#include <Poco/Crypto/EVPPKey.h>
#include <Poco/Crypto/X509Certificate.h>

#include "vicapi/base/error.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/tls/init.h"

namespace vic::endpoint {

Poco::Net::Context::Ptr serverContext(const EndpointConfig& config,
                                      bool clientCertificateOptional) {
  tls::ensureInitialised();
  Poco::Net::Context::Params params;
  params.verificationMode = config.noTlsVerify          ? Poco::Net::Context::VERIFY_NONE
                            : clientCertificateOptional ? Poco::Net::Context::VERIFY_RELAXED
                                                        : Poco::Net::Context::VERIFY_STRICT;
  params.loadDefaultCAs = false;
  params.cipherList = "HIGH:!aNULL:!MD5:!RC4";
  Poco::Net::Context::Ptr ctx = new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
  ctx->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
  // Poco would otherwise match client certificates against the client's
  // address, which means nothing for a Docker client certificate.
  ctx->enableExtendedCertificateVerification(false);
  try {
    std::istringstream cert(config.serverCertificate);
    ctx->useCertificate(Poco::Crypto::X509Certificate(cert));
    std::istringstream key(config.serverPrivateKey.reveal());
    ctx->usePrivateKey(Poco::Crypto::EVPPKey(nullptr, &key));
    if (!config.noTlsVerify) {
      if (config.clientCas.empty())
        throw Error("client verification is on but the VCH has no client certificate authority");
      for (const auto& bundle : config.clientCas) {
        for (const auto& pem : crypto::certificateBlocks(bundle)) {
          std::istringstream ca(pem);
          ctx->addCertificateAuthority(Poco::Crypto::X509Certificate(ca));
        }
      }
    }
  } catch (const Poco::Exception& e) {
    throw Error("the VCH's TLS material cannot be used: " + e.displayText());
  }
  return ctx;
}

}  // namespace vic::endpoint
