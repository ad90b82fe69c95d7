// Which targets the policy allows: listed ones by host (any case) and port
// (443 when left out), "*" for any, and registered vCenters.
#include <boost/test/unit_test.hpp>

#include "plugin-server/auth/target_policy.h"
#include "plugin-server/store/database.h"
#include "tests/support/simulator_fixture.h"
#include "vicapi/base/error.h"

using namespace vic;
using namespace vic::server;

BOOST_AUTO_TEST_SUITE(target_policy)

BOOST_AUTO_TEST_CASE(listed_any_and_registered_targets) {
  Database db(test::scratchDir("target-policy") / "vic.db");
  VcenterRegistrations registered(db);
  auto at = [](const char* t) { return net::Endpoint::parse(t); };

  TargetPolicy none("", registered);
  BOOST_TEST(!none.allows(at("vc.example.com")));
  registered.remember({"vc.example.com:443", "", "guid", "now"});
  BOOST_TEST(none.allows(at("VC.example.com")));
  BOOST_TEST(!none.allows(at("vc.example.com:8443")));
  registered.forget("vc.example.com:443");
  BOOST_TEST(!none.allows(at("vc.example.com")));

  TargetPolicy listed(" vc1.example.com , 10.0.0.5:8443,", registered);
  BOOST_TEST(listed.allows(at("vc1.example.com:443")));
  BOOST_TEST(listed.allows(at("10.0.0.5:8443")));
  BOOST_TEST(!listed.allows(at("10.0.0.5")));
  BOOST_TEST(listed.refusal(at("10.0.0.5")).find("--allowed-targets") != std::string::npos);

  BOOST_TEST(TargetPolicy("*", registered).allows(at("anything.example.com:1")));
  BOOST_CHECK_THROW(TargetPolicy("vc:0", registered), UsageError);
}

BOOST_AUTO_TEST_SUITE_END()
