#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cctype>

#include "tests/support/simulator_fixture.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/net/errors.h"
#include "vicapi/tls/thumbprint.h"

using namespace vic;

namespace {

sim::Simulator& vc() {
  return test::SimulatorFixture::current();
}

std::unique_ptr<vim::Client> clientWith(tls::Trust trust) {
  return std::make_unique<vim::Client>(vc().endpoint(), std::move(trust));
}

std::string lowerNoColons(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ':'), s.end());
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tls_trust, *boost::unit_test::fixture<test::Vcsim>())

BOOST_AUTO_TEST_CASE(pinned_sha1_and_sha256_thumbprints_are_trusted) {
  BOOST_TEST(clientWith(tls::Trust::pin(vc().thumbprint()))->serviceContent().about.isVCenter());
  BOOST_TEST(clientWith(tls::Trust::pin(vc().sha256()))->serviceContent().about.isVCenter());
  auto relaxed = tls::Thumbprint::parse(lowerNoColons(vc().thumbprint().str()));
  BOOST_TEST(clientWith(tls::Trust::pin(relaxed))->serviceContent().about.isVCenter());
}

BOOST_AUTO_TEST_CASE(wrong_thumbprint_is_refused_showing_both) {
  const auto wrong =
      tls::Thumbprint::parse("00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33");
  try {
    clientWith(tls::Trust::pin(wrong));
    BOOST_FAIL("connection should be refused");
  } catch (const ThumbprintMismatch& e) {
    const std::string what = e.what();
    BOOST_TEST(what.find(wrong.str()) != std::string::npos);
    BOOST_TEST(what.find(vc().thumbprint().str()) != std::string::npos);
    BOOST_TEST(e.actual() == vc().thumbprint().str());
    BOOST_TEST(e.expected() == wrong.str());
  }
}

BOOST_AUTO_TEST_CASE(wrong_sha256_thumbprint_reports_the_sha256_of_the_server) {
  std::string text = "AB";
  for (int i = 1; i < 32; ++i)
    text += ":AB";
  const auto wrong = tls::Thumbprint::parse(text);
  try {
    clientWith(tls::Trust::pin(wrong));
    BOOST_FAIL("connection should be refused");
  } catch (const ThumbprintMismatch& e) {
    BOOST_TEST(e.actual() == vc().sha256().str());
  }
}

BOOST_AUTO_TEST_CASE(ca_bundle_with_the_servers_certificate_is_trusted) {
  BOOST_TEST(
      clientWith(tls::Trust::caBundle(vc().certificateFile()))->serviceContent().about.isVCenter());
}

BOOST_AUTO_TEST_CASE(another_ca_and_the_system_roots_are_refused) {
  crypto::CertificateRequest req;
  req.commonName = "some other CA";
  req.isCa = true;
  auto other = crypto::selfSigned(req);
  auto dir = test::scratchDir("tls-other-ca");
  crypto::writeCertificate(dir / "ca.pem", other.certificatePem);
  try {
    clientWith(tls::Trust::caBundle((dir / "ca.pem").string()));
    BOOST_FAIL("connection should be refused");
  } catch (const ThumbprintMismatch&) {
    BOOST_FAIL("not a pinning failure");
  } catch (const TlsError& e) {
    BOOST_TEST(std::string(e.what()).find("certificate") != std::string::npos);
  }
  BOOST_CHECK_THROW(clientWith(tls::Trust::systemRoots()), TlsError);
}

BOOST_AUTO_TEST_CASE(server_certificate_can_be_read_before_trusting_it) {
  auto cert = tls::readServerCertificate(vc().endpoint().host, vc().endpoint().port,
                                         std::chrono::seconds(5));
  BOOST_TEST(cert.sha1 == vc().thumbprint().str());
  BOOST_TEST(cert.sha256 == vc().sha256().str());
  BOOST_TEST(cert.subject.find("127.0.0.1") != std::string::npos);
  BOOST_TEST(cert.pem.find("BEGIN CERTIFICATE") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
