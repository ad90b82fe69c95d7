// Which vCenters a request may name: by default only those the appliance is
// registered with; registering may name any, and makes it allowed.
#include <boost/test/unit_test.hpp>

#include "tests/support/api_client.h"
#include "tests/support/run_process.h"
#include "tests/support/server_process.h"
#include "tests/support/simulator_fixture.h"

using namespace vic::test;

namespace {

// A server as installed: no --allowed-targets.
struct DefaultServer : VcsimWithPassword {
  DefaultServer() {
    ServerOptions o;
    o.dataDir = scratchDir("allowed-targets");
    o.extraArgs = {"--public-address=127.0.0.1"};
    server = std::make_unique<ServerProcess>(o);
    api = std::make_unique<ApiClient>(server->host(), server->port(), server->thumbprint());
  }
  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<ApiClient> api;
};

DefaultServer* world = nullptr;

struct Fixture : DefaultServer {
  Fixture() { world = this; }
};

std::string pinned() {
  return "?thumbprint=" + SimulatorFixture::current().thumbprint().str();
}
std::string target() {
  return SimulatorFixture::current().target();
}
Headers admin() {
  return basicAuth(kTestUser, kTestPassword);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(allowed_targets, *boost::unit_test::fixture<Fixture>())

BOOST_AUTO_TEST_CASE(a_target_not_registered_is_403_before_anything_is_sent) {
  auto r = world->api->get("/container/target/" + target() + "/vch" + pinned(), admin());
  BOOST_TEST(r.status == 403, r.body);
  const std::string message = r.json()["message"];
  BOOST_TEST(message.find("--allowed-targets") != std::string::npos, message);
  BOOST_TEST(message.find("register") != std::string::npos, message);
  BOOST_TEST(world->server->logText().find("vSphere session opened") == std::string::npos);
  // Neither the plug-in's API nor a target that does not exist.
  BOOST_TEST(
      world->api->get("/plugin/target/" + target() + "/datacenters" + pinned(), admin()).status ==
      403);
  BOOST_TEST(world->api->get("/container/target/10.0.0.1/vch", admin()).status == 403);
}

BOOST_AUTO_TEST_CASE(registering_names_any_vcenter_and_allows_it) {
  BOOST_TEST(world->api->get("/plugin/target/" + target() + "/certificate").status == 200);
  auto reg =
      world->api->send("POST", "/plugin/target/" + target() + "/registration" + pinned(), admin());
  BOOST_TEST_REQUIRE(reg.status == 200, reg.body);
  auto list = world->api->get("/container/target/" + target() + "/vch" + pinned(), admin());
  BOOST_TEST(list.status == 200, list.body);
  auto gone = world->api->send("DELETE", "/plugin/target/" + target() + "/registration" + pinned(),
                               admin());
  BOOST_TEST_REQUIRE(gone.status == 200, gone.body);
  BOOST_TEST(world->api->get("/container/target/" + target() + "/vch" + pinned(), admin()).status ==
             403);
}

BOOST_AUTO_TEST_CASE(the_administrator_lists_targets_or_allows_any) {
  for (const std::string& setting :
       {target(), "other.example.com, " + target(), std::string("*")}) {
    ServerOptions o;
    o.dataDir = scratchDir("allowed-targets-listed");
    o.extraArgs = {"--allowed-targets=" + setting};
    ServerProcess s(o);
    ApiClient api(s.host(), s.port(), s.thumbprint());
    auto r = api.get("/container/target/" + target() + "/vch" + pinned(), admin());
    BOOST_TEST(r.status == 200, setting << ": " << r.body);
    const bool any = setting == "*";
    BOOST_TEST((api.get("/container/target/127.0.0.1:1/vch", admin()).status == 403) == !any,
               setting);
  }
  ServerOptions env;
  env.dataDir = scratchDir("allowed-targets-env");
  env.environment = {{"VIC_ALLOWED_TARGETS", target()}};
  ServerProcess s(env);
  ApiClient api(s.host(), s.port(), s.thumbprint());
  BOOST_TEST(api.get("/container/target/" + target() + "/vch" + pinned(), admin()).status == 200);
}

BOOST_AUTO_TEST_CASE(a_bad_setting_stops_the_server_naming_it) {
  auto r = runProcess(serverBinary().string(),
                      {"--data-dir=" + scratchDir("allowed-targets-bad").string(),
                       "--listen=127.0.0.1:0", "--allowed-targets=vc.example.com:99999"});
  BOOST_TEST(r.exitCode != 0);
  BOOST_TEST(r.err.find("--allowed-targets") != std::string::npos, r.err);
  BOOST_TEST(r.err.find("99999") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_SUITE_END()
