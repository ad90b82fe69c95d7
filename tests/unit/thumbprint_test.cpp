#include <boost/test/unit_test.hpp>

#include "vicapi/base/error.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/tls/thumbprint.h"

#include <openssl/pem.h>

using vic::tls::DigestKind;
using vic::tls::Thumbprint;

BOOST_AUTO_TEST_SUITE(thumbprints)

BOOST_AUTO_TEST_CASE(sha1_forms_are_accepted_and_normalised) {
  const std::string canonical = "2C:11:ED:D7:13:87:7D:B5:74:18:B8:1C:42:C2:56:1F:0D:B9:5B:B9";
  for (const std::string& form :
       {canonical, std::string("2c:11:ed:d7:13:87:7d:b5:74:18:b8:1c:42:c2:56:1f:0d:b9:5b:b9"),
        std::string("2C11EDD713877DB57418B81C42C2561F0DB95BB9")}) {
    auto t = Thumbprint::parse(form);
    BOOST_TEST((t.kind() == DigestKind::Sha1));
    BOOST_TEST(t.str() == canonical);
  }
}

BOOST_AUTO_TEST_CASE(sha256_form_is_accepted) {
  const std::string s =
      "44:8F:62:8A:8A:65:AA:18:56:0E:53:A8:0C:53:AC:B3:8C:51:B4:27:DF:03:34:08:23:49:14:11:47:DC:"
      "9B:F6";
  auto t = Thumbprint::parse(s);
  BOOST_TEST((t.kind() == DigestKind::Sha256));
  BOOST_TEST(t.str() == s);
  BOOST_TEST(t.bytes().size() == 32u);
}

BOOST_AUTO_TEST_CASE(bad_thumbprints_say_what_is_wrong) {
  try {
    Thumbprint::parse("2C:11:ED");
    BOOST_FAIL("no throw");
  } catch (const vic::UsageError& e) {
    BOOST_TEST(std::string(e.what()).find("has 3 bytes") != std::string::npos);
  }
  try {
    Thumbprint::parse("ZZ:11:ED:D7:13:87:7D:B5:74:18:B8:1C:42:C2:56:1F:0D:B9:5B:B9");
    BOOST_FAIL("no throw");
  } catch (const vic::UsageError& e) {
    BOOST_TEST(std::string(e.what()).find("not hexadecimal") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(thumbprint_of_a_certificate_matches_openssl) {
  vic::crypto::CertificateRequest req;
  req.commonName = "unit";
  auto kc = vic::crypto::selfSigned(req);
  BIO* bio = BIO_new_mem_buf(kc.certificatePem.data(), static_cast<int>(kc.certificatePem.size()));
  X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  X509_digest(cert, EVP_sha1(), md, &len);
  auto t = Thumbprint::of(cert, DigestKind::Sha1);
  X509_free(cert);
  BOOST_TEST(t.bytes() == std::vector<unsigned char>(md, md + len));
  BOOST_TEST(Thumbprint::parse(t.str()) == t);
}

BOOST_AUTO_TEST_SUITE_END()
