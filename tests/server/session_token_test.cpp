// Sessions handed over by the vSphere Client to a remote plug-in: the UI's
// session token is exchanged for a clone ticket at the vSphere Client, kept
// per token for a short time, and logged out when dropped.
#include <thread>

#include <boost/test/unit_test.hpp>

#include "tests/server/server_world.h"
#include "tests/support/vsphere_client_endpoint.h"
#include "vicapi/vim/property_collector.h"

using namespace vic::test;

namespace {

// Token sessions are dropped after 2 s unused.
struct ShortTokenWorld : ServerWorld {
  ShortTokenWorld() : ServerWorld({}, {"--token-idle=2"}) {}
};

int vcenterSessions() {
  auto c = loggedInClient();
  auto o = vic::vim::PropertyCollector(*c).retrieveOne(c->serviceContent().sessionManager,
                                                       {"sessionList"});
  const auto* list = o.prop("sessionList");
  return list ? static_cast<int>(list->children.size()) - 1 : 0;  // not counting this one
}

}  // namespace

BOOST_AUTO_TEST_SUITE(session_tokens, *boost::unit_test::fixture<ShortTokenWorld>())

BOOST_AUTO_TEST_CASE(a_token_acts_as_its_user_and_is_dropped_when_idle) {
  auto& w = ServerWorld::current();
  VsphereClientEndpoint ui(SimulatorFixture::current());
  const std::string token = ui.signIn(kTestUser, kTestPassword);
  const Headers headers{{"vmware-api-session-id", token}, {"vmware-api-ui-endpoint", ui.url()}};
  const int before = vcenterSessions();

  auto r = w.api().get(w.scope() + "/vch" + w.pinned(), headers);
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  BOOST_TEST(ui.ticketsIssued() == 1);
  BOOST_TEST(vcenterSessions() == before + 1);  // the server's clone of the user's session
  BOOST_TEST(w.api().get(w.scope() + "/vch" + w.pinned(), headers).status == 200);
  BOOST_TEST(ui.ticketsIssued() == 1);  // kept: no second exchange
  BOOST_TEST(w.server().logText().find("vSphere session opened on " + w.target() + " for " +
                                       kTestUser) != std::string::npos);

  std::this_thread::sleep_for(std::chrono::seconds(4));
  BOOST_TEST(vcenterSessions() == before, "the dropped session was not logged out");
  BOOST_TEST(w.server().logText().find("dropped after 2 s unused") != std::string::npos);
  BOOST_TEST(w.api().get(w.scope() + "/vch" + w.pinned(), headers).status == 200);
  BOOST_TEST(ui.ticketsIssued() == 2);
}

BOOST_AUTO_TEST_CASE(a_token_the_vsphere_client_does_not_know_is_401) {
  auto& w = ServerWorld::current();
  VsphereClientEndpoint ui(SimulatorFixture::current());
  auto r = w.api().get(w.scope() + "/vch" + w.pinned(),
                       {{"vmware-api-session-id", "forged"}, {"vmware-api-ui-endpoint", ui.url()}});
  BOOST_TEST(r.status == 401);
  BOOST_TEST(r.json()["message"].get<std::string>().find("session token") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_token_is_only_shown_to_its_own_vcenter) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "/vch" + w.pinned(),
                       {{"vmware-api-session-id", "whatever"},
                        {"vmware-api-ui-endpoint", "https://evil.example.com"}});
  BOOST_TEST(r.status == 400);
  BOOST_TEST(r.json()["message"].get<std::string>().find("only sent to its own vCenter") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
