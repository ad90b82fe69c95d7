#include <boost/test/unit_test.hpp>

#include "tests/support/simulator_fixture.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/extension_manager.h"

using namespace vic;

namespace {

vim::Extension sample(const std::string& version) {
  vim::Extension x;
  x.key = "com.example.test";
  x.version = version;
  x.company = "Example";
  x.description = {"Test plug-in", "registered by a test"};
  x.clients.push_back({version,
                       {"Test", "client"},
                       "Example",
                       "vsphere-client-remote",
                       "https://127.0.0.1:8443/plugin.json"});
  x.servers.push_back({"https://127.0.0.1:8443",
                       {"Test", "server"},
                       "Example",
                       "HTTPS",
                       {"admin@example.com"},
                       "AA:BB:CC"});
  return x;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(extensions, *boost::unit_test::fixture<test::Vcsim>())

BOOST_AUTO_TEST_CASE(register_find_update_list_unregister) {
  auto c = test::loggedInClient();
  vim::ExtensionManager em(*c);
  BOOST_TEST(!em.findExtension("com.example.test").has_value());

  em.registerExtension(sample("1.0.0.1"));
  auto found = em.findExtension("com.example.test");
  BOOST_REQUIRE(found);
  BOOST_TEST(found->version == "1.0.0.1");
  BOOST_TEST(found->description.label == "Test plug-in");
  BOOST_REQUIRE(found->servers.size() == 1u);
  BOOST_TEST(found->servers[0].serverThumbprint == "AA:BB:CC");
  BOOST_TEST(found->servers[0].adminEmail.at(0) == "admin@example.com");
  BOOST_REQUIRE(found->clients.size() == 1u);
  BOOST_TEST(found->clients[0].url == "https://127.0.0.1:8443/plugin.json");

  BOOST_CHECK_THROW(em.registerExtension(sample("1.0.0.1")), InvalidArgumentFault);

  em.updateExtension(sample("1.0.0.2"));
  BOOST_TEST(em.findExtension("com.example.test")->version == "1.0.0.2");

  bool listed = false;
  for (const auto& x : em.list())
    listed |= x.key == "com.example.test" && x.version == "1.0.0.2";
  BOOST_TEST(listed);

  em.unregisterExtension("com.example.test");
  BOOST_TEST(!em.findExtension("com.example.test").has_value());
  BOOST_CHECK_THROW(em.unregisterExtension("com.example.test"), NotFoundFault);
  BOOST_CHECK_THROW(em.updateExtension(sample("1.0.0.3")), NotFoundFault);
}

BOOST_AUTO_TEST_SUITE_END()
