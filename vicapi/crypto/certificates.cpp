#include "vicapi/crypto/certificates.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <memory>

#include <ctime>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "vicapi/base/error.h"

namespace vic::crypto {

namespace {

template <class T, void (*F)(T*)>
struct Deleter {
  void operator()(T* p) const { F(p); }
};
using Key = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using Cert = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using Bio = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

[[noreturn]] void fail(const std::string& what) {
  throw Error("certificate generation: " + what);
}

Key generate(KeySpec spec) {
  EVP_PKEY* k = spec.type == KeyType::Rsa ? EVP_RSA_gen(static_cast<unsigned>(spec.rsaBits))
                                          : EVP_EC_gen("P-256");
  if (!k) fail("key generation failed");
  return Key(k);
}

std::string bioText(BIO* bio) {
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(len));
}

std::string certPem(X509* cert) {
  Bio bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(bio.get(), cert);
  return bioText(bio.get());
}

Secret keyPem(EVP_PKEY* key) {
  Bio bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
  return Secret(bioText(bio.get()));
}

Cert readCert(const std::string& pem) {
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  X509* c = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
  if (!c) fail("the CA certificate is not PEM");
  return Cert(c);
}

Key readKey(const Secret& pem) {
  Bio bio(BIO_new_mem_buf(pem.reveal().data(), static_cast<int>(pem.reveal().size())));
  EVP_PKEY* k = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
  if (!k) fail("the CA key is not PEM");
  return Key(k);
}

void addExtension(X509* cert, X509* issuer, int nid, const std::string& value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
  if (!ext) fail("bad extension value " + value);
  X509_add_ext(cert, ext, -1);
  X509_EXTENSION_free(ext);
}

KeyAndCertificate build(const CertificateRequest& r, KeySpec spec, X509* issuerCert,
                        EVP_PKEY* issuerKey) {
  Key key = generate(spec);
  Cert cert(X509_new());
  X509_set_version(cert.get(), 2);

  unsigned char serial[16];
  RAND_bytes(serial, sizeof serial);
  serial[0] &= 0x7F;  // positive
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
  BN_free(bn);

  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);  // tolerate clock skew
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), 60L * 60 * 24 * r.validDays);
  X509_set_pubkey(cert.get(), key.get());

  X509_NAME* name = X509_get_subject_name(cert.get());
  for (const auto& o : r.organization)
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(o.c_str()), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>(r.commonName.c_str()), -1, -1,
                             0);
  X509* issuer = issuerCert ? issuerCert : cert.get();
  X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer));

  addExtension(cert.get(), issuer, NID_basic_constraints,
               r.isCa ? "critical,CA:TRUE" : "critical,CA:FALSE");
  addExtension(cert.get(), issuer, NID_key_usage,
               r.isCa ? "critical,keyCertSign,cRLSign,digitalSignature"
                      : "critical,digitalSignature,keyEncipherment");
  std::string eku;
  if (r.serverAuth) eku += "serverAuth";
  if (r.clientAuth) eku += std::string(eku.empty() ? "" : ",") + "clientAuth";
  if (!eku.empty()) addExtension(cert.get(), issuer, NID_ext_key_usage, eku);
  addExtension(cert.get(), issuer, NID_subject_key_identifier, "hash");
  if (issuerCert) addExtension(cert.get(), issuer, NID_authority_key_identifier, "keyid:always");
  std::string san;
  for (const auto& d : r.dnsNames)
    san += (san.empty() ? "" : ",") + std::string("DNS:") + d;
  for (const auto& ip : r.ipAddresses)
    san += (san.empty() ? "" : ",") + std::string("IP:") + ip;
  if (!san.empty()) addExtension(cert.get(), issuer, NID_subject_alt_name, san);

  if (X509_sign(cert.get(), issuerKey ? issuerKey : key.get(), EVP_sha256()) == 0)
    fail("signing failed");
  return {certPem(cert.get()), keyPem(key.get())};
}

}  // namespace

KeyAndCertificate selfSigned(const CertificateRequest& request, KeySpec key) {
  return build(request, key, nullptr, nullptr);
}

KeyAndCertificate issue(const CertificateRequest& request, const KeyAndCertificate& ca,
                        KeySpec key) {
  Cert caCert = readCert(ca.certificatePem);
  Key caKey = readKey(ca.privateKeyPem);
  return build(request, key, caCert.get(), caKey.get());
}

namespace {

std::vector<Cert> readAll(const std::string& pem) {
  std::vector<Cert> out;
  Bio bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  while (X509* c = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
    out.emplace_back(c);
  ERR_clear_error();  // the read that ends the loop leaves "no start line" behind
  return out;
}

std::string asn1Time(const ASN1_TIME* t) {
  struct tm tm {};
  if (ASN1_TIME_to_tm(t, &tm) != 1) return "";
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

std::vector<std::string> certificateBlocks(const std::string& bundle) {
  static const std::string kBegin = "-----BEGIN CERTIFICATE-----";
  static const std::string kEnd = "-----END CERTIFICATE-----";
  std::vector<std::string> out;
  for (std::size_t b = bundle.find(kBegin); b != std::string::npos; b = bundle.find(kBegin, b)) {
    const auto e = bundle.find(kEnd, b);
    if (e == std::string::npos) break;
    out.push_back(bundle.substr(b, e + kEnd.size() - b) + "\n");
    b = e + kEnd.size();
  }
  return out;
}

std::string checkCertificates(const std::string& pem) {
  if (pem.find("-----BEGIN CERTIFICATE-----") == std::string::npos)
    return "is not a PEM certificate (no BEGIN CERTIFICATE block)";
  auto certs = readAll(pem);
  if (certs.empty()) return "holds a CERTIFICATE block that does not parse";
  std::size_t blocks = 0;
  for (std::size_t p = pem.find("-----BEGIN CERTIFICATE-----"); p != std::string::npos;
       p = pem.find("-----BEGIN CERTIFICATE-----", p + 1))
    ++blocks;
  if (blocks != certs.size()) return "holds a CERTIFICATE block that does not parse";
  return "";
}

std::string checkKeyPair(const std::string& certificatePem, const Secret& keyPem) {
  auto certs = readAll(certificatePem);
  if (certs.empty()) return "the certificate is not PEM";
  Bio bio(BIO_new_mem_buf(keyPem.reveal().data(), static_cast<int>(keyPem.reveal().size())));
  Key key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  ERR_clear_error();
  if (!key) return "the private key is not an unencrypted PEM key (PKCS#1, PKCS#8 or SEC1)";
  if (X509_check_private_key(certs.front().get(), key.get()) != 1) {
    ERR_clear_error();
    return "the private key does not belong to the certificate";
  }
  return "";
}

std::vector<CertificateInfo> describeCertificates(const std::string& pem) {
  std::vector<CertificateInfo> out;
  for (const auto& c : readAll(pem)) {
    CertificateInfo info;
    char buf[512];
    X509_NAME_oneline(X509_get_subject_name(c.get()), buf, sizeof buf);
    info.subject = buf;
    info.notAfter = asn1Time(X509_get0_notAfter(c.get()));
    info.expired = X509_cmp_current_time(X509_get0_notAfter(c.get())) < 0;
    out.push_back(std::move(info));
  }
  return out;
}

void writePrivateKey(const std::filesystem::path& path, const Secret& pem) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) throw UsageError("cannot write " + path.string());
  ::fchmod(fd, 0600);  // an existing file keeps its old mode otherwise
  const std::string& data = pem.reveal();
  std::size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n <= 0) {
      ::close(fd);
      throw UsageError("cannot write " + path.string());
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

void writeCertificate(const std::filesystem::path& path, const std::string& pem) {
  std::ofstream out(path, std::ios::trunc);
  out << pem;
  if (!out) throw UsageError("cannot write " + path.string());
}

}  // namespace vic::crypto
