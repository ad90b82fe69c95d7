#include <boost/test/unit_test.hpp>

#include "vicapi/base/error.h"
#include "vicapi/net/endpoint.h"
#include "vicapi/version/version.h"
#include "vicapi/vim/moref.h"

using vic::net::Endpoint;

BOOST_AUTO_TEST_SUITE(endpoints)

BOOST_AUTO_TEST_CASE(targets_in_the_forms_administrators_type) {
  auto e = Endpoint::parse("vc.example.com");
  BOOST_TEST(e.host == "vc.example.com");
  BOOST_TEST(e.port == 443);
  e = Endpoint::parse("10.0.0.5:8443");
  BOOST_TEST(e.host == "10.0.0.5");
  BOOST_TEST(e.port == 8443);
  e = Endpoint::parse("https://root:p@ss@vc.example.com/sdk");
  BOOST_TEST(e.host == "vc.example.com");
  e = Endpoint::parse("[fd00::1]:9443");
  BOOST_TEST(e.host == "fd00::1");
  BOOST_TEST(e.port == 9443);
  BOOST_TEST(e.hostPort() == "[fd00::1]:9443");
  e = Endpoint::parse("fd00::2");
  BOOST_TEST(e.host == "fd00::2");
}

BOOST_AUTO_TEST_CASE(bad_targets_are_refused) {
  BOOST_CHECK_THROW(Endpoint::parse("http://vc"), vic::UsageError);
  BOOST_CHECK_THROW(Endpoint::parse("vc:99999"), vic::UsageError);
  BOOST_CHECK_THROW(Endpoint::parse("vc:abc"), vic::UsageError);
  BOOST_CHECK_THROW(Endpoint::parse(""), vic::UsageError);
}

BOOST_AUTO_TEST_CASE(moref_text_form) {
  auto m = vic::vim::Moref::parse("VirtualMachine:vm-42");
  BOOST_TEST(m.type == "VirtualMachine");
  BOOST_TEST(m.value == "vm-42");
  BOOST_TEST(m.str() == "VirtualMachine:vm-42");
  BOOST_CHECK_THROW(vic::vim::Moref::parse("vm-42"), vic::UsageError);
}

BOOST_AUTO_TEST_CASE(versions_in_the_original_form) {
  auto v = vic::version::Version::parse("v1.5.0-18931-b830072");
  BOOST_REQUIRE(v);
  BOOST_TEST(v->build == 18931u);
  BOOST_TEST(v->str() == "v1.5.0-18931-b830072");
  BOOST_TEST(!vic::version::Version::parse("1.5"));
  const auto& me = vic::version::current();
  BOOST_TEST(vic::version::Version::parse(me.str()).has_value());
  BOOST_TEST(vic::version::userAgent().rfind("vic-machine/", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(plugin_versions_are_numeric_and_ordered_by_number) {
  auto v = vic::version::Version::parse("v1.6.0-123-abcdef0");
  BOOST_TEST(v->pluginVersion() == "1.6.0.123");
  using vic::version::compareDotted;
  BOOST_TEST(compareDotted("1.6.0.42", "1.6.0.100") < 0);  // by number, not by text
  BOOST_TEST(compareDotted("1.6.0.100", "1.6.0.42") > 0);
  BOOST_TEST(compareDotted("1.6", "1.6.0.0") == 0);
  BOOST_TEST(compareDotted("1.10.0.1", "1.9.9.9") > 0);
}

BOOST_AUTO_TEST_SUITE_END()
