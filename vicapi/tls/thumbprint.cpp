#include "vicapi/tls/thumbprint.h"

#include <cctype>
#include <sstream>

#include <Poco/Crypto/X509Certificate.h>
#include <Poco/Net/Context.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "vicapi/net/errors.h"
#include "vicapi/tls/init.h"

namespace vic::tls {

namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Thumbprint Thumbprint::parse(const std::string& text) {
  std::string hex;
  for (char c : text) {
    if (c == ':' || c == ' ') continue;
    if (hexValue(c) < 0) {
      throw UsageError("the thumbprint \"" + text +
                       "\" contains a character that is not hexadecimal; expected the form "
                       "AA:BB:CC:... (SHA-1 or SHA-256)");
    }
    hex += c;
  }
  Thumbprint t;
  if (hex.size() == 40) {
    t.kind_ = DigestKind::Sha1;
  } else if (hex.size() == 64) {
    t.kind_ = DigestKind::Sha256;
  } else {
    throw UsageError("the thumbprint \"" + text + "\" has " + std::to_string(hex.size() / 2) +
                     " bytes; a SHA-1 thumbprint has 20 and a SHA-256 thumbprint has 32");
  }
  for (std::size_t i = 0; i < hex.size(); i += 2)
    t.bytes_.push_back(static_cast<unsigned char>(hexValue(hex[i]) * 16 + hexValue(hex[i + 1])));
  return t;
}

Thumbprint Thumbprint::of(X509* cert, DigestKind kind) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  const EVP_MD* algo = kind == DigestKind::Sha1 ? EVP_sha1() : EVP_sha256();
  if (X509_digest(cert, algo, md, &len) != 1) throw TlsError("cannot compute a certificate digest");
  Thumbprint t;
  t.kind_ = kind;
  t.bytes_.assign(md, md + len);
  return t;
}

Thumbprint Thumbprint::ofPem(const std::string& pem, DigestKind kind) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  if (!cert) throw UsageError("the text holds no PEM certificate");
  Thumbprint t = of(cert, kind);
  X509_free(cert);
  return t;
}

std::string Thumbprint::str() const {
  static const char* const kDigits = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < bytes_.size(); ++i) {
    if (i) out += ':';
    out += kDigits[bytes_[i] >> 4];
    out += kDigits[bytes_[i] & 0xF];
  }
  return out;
}

ServerCertificate readServerCertificate(const std::string& host, unsigned short port,
                                        std::chrono::milliseconds timeout) {
  ensureInitialised();
  // Nothing is verified here on purpose: the point is to show the caller what
  // the server presents so that a human can decide whether to pin it.
  Poco::Net::Context::Params params;
  params.verificationMode = Poco::Net::Context::VERIFY_NONE;
  params.loadDefaultCAs = false;
  auto context =
      Poco::Net::Context::Ptr(new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params));
  const std::string where = host + ":" + std::to_string(port);
  try {
    Poco::Net::SecureStreamSocket socket(context);
    socket.setPeerHostName(host);
    socket.connect(
        Poco::Net::SocketAddress(host, port),
        Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(timeout).count()));
    Poco::Net::X509Certificate cert = socket.peerCertificate();
    auto* x509 = const_cast<X509*>(cert.certificate());
    ServerCertificate out;
    out.sha1 = Thumbprint::of(x509, DigestKind::Sha1).str();
    out.sha256 = Thumbprint::of(x509, DigestKind::Sha256).str();
    out.subject = cert.subjectName();
    out.issuer = cert.issuerName();
    std::ostringstream pem;
    cert.save(pem);
    out.pem = pem.str();
    socket.close();
    return out;
  } catch (const Poco::TimeoutException&) {
    throw TransportError("no answer from " + where + " within " + std::to_string(timeout.count()) +
                         " ms");
  } catch (const Poco::Net::SSLException& e) {
    throw TlsError("TLS handshake with " + where + " failed: " + e.message());
  } catch (const Poco::Exception& e) {
    throw TransportError("cannot connect to " + where + ": " + e.displayText());
  }
}

}  // namespace vic::tls
