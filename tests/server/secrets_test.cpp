// Passwords, tickets and private keys never reach the server's log (even at
// trace level, where SOAP bodies are logged) nor its SQLite files.
#include <fstream>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "tests/server/server_world.h"
#include "tests/support/engine_world.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/vim/option_values.h"
#include "vicapi/vim/property_collector.h"

using namespace vic::test;
namespace fs = std::filesystem;

namespace {

struct TraceServerWorld : ServerWorld {
  TraceServerWorld() : ServerWorld({}, {"--log-level=trace"}) {}
};

std::string everythingKept(const fs::path& dataDir) {
  std::string all;
  for (const auto& f : fs::recursive_directory_iterator(dataDir)) {
    // The server's own key is kept, as it must be, in its own 0600 file.
    if (!f.is_regular_file() || f.path().filename() == "server.key") continue;
    std::ifstream in(f.path(), std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    all += s.str();
  }
  return all;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(secrets, *boost::unit_test::fixture<TraceServerWorld>())

BOOST_AUTO_TEST_CASE(no_secret_is_logged_or_stored) {
  auto& w = ServerWorld::current();
  const std::string ticket = w.cloneTicket();
  const std::string wrongPassword = "Wrong-Secret-Pa55";
  const std::string rootPassword = "Root-Secret-Pa55";

  BOOST_TEST(
      w.api().get(w.scope() + "/vch" + w.pinned(), basicAuth(kTestUser, wrongPassword)).status ==
      401);
  auto body = minimalVchBody("vch-secrets");
  body["endpoint"]["operations_credentials"] = {{"user", kTestUser}, {"password", kTestPassword}};
  body["auth"].erase("client");  // client verification on: a client certificate is made
  auto created =
      w.api().sendJson("POST", w.dcScope() + "/vch" + w.pinned(), ticketAuth(ticket), body);
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  auto task = w.waitForTask(created.json()["task"], w.admin());
  BOOST_TEST_REQUIRE(task["state"] == "succeeded", task.dump(2));
  const std::string id = task["vch_id"];
  // What the VCH keeps sealed in its extraConfig, and the key it is sealed with.
  std::vector<std::string> sealed;
  {
    auto c = loggedInClient();
    auto vm =
        vic::vim::PropertyCollector(*c).retrieveOne({"VirtualMachine", id}, {"config.extraConfig"});
    for (const auto& [key, value] : vic::vim::fromOptionValues(*vm.prop("config.extraConfig")))
      if (vic::soap::isSecretOptionKey(key)) sealed.push_back(value);
  }
  BOOST_TEST(sealed.size() >= 3u);  // the key, the server's private key, the operations password

  // The generated client certificate is handed out once, to its creator.
  const std::string taskUri = created.json()["task"];
  const std::string certs = taskUri.substr(0, taskUri.find('?')) + "/certificates" + w.pinned();
  auto other = w.api().get(certs, w.admin());  // the same user by another route: allowed
  BOOST_TEST_REQUIRE(other.status == 200, other.body);
  const std::string clientKey = other.json()["private_key"];
  BOOST_TEST(clientKey.find("PRIVATE KEY") != std::string::npos);
  BOOST_TEST(w.api().get(certs, w.admin()).status == 404);  // once only

  auto debug = w.api().sendJson("POST", w.scope() + "/vch/" + id + w.pinned() + "&action=debug",
                                w.admin(), {{"enable-ssh", true}, {"rootpw", rootPassword}});
  BOOST_TEST_REQUIRE(debug.status == 202, debug.body);
  BOOST_TEST(w.waitForTask(debug.json()["task"], w.admin())["state"] == "succeeded");
  auto removed = w.api().send("DELETE", w.scope() + "/vch/" + id + w.pinned(), w.admin());
  BOOST_TEST_REQUIRE(removed.status == 202, removed.body);
  BOOST_TEST(w.waitForTask(removed.json()["task"], w.admin())["state"] == "succeeded");

  const std::string log = w.server().logText();
  BOOST_TEST(log.find("SOAP request") != std::string::npos);  // trace level really was on
  const std::string kept = everythingKept(w.server().dataDir());
  const std::string keyBody = clientKey.substr(clientKey.find('\n') + 1, 64);
  std::vector<std::string> secrets{kTestPassword, ticket, wrongPassword, rootPassword, keyBody};
  secrets.insert(secrets.end(), sealed.begin(), sealed.end());
  for (const std::string& secret : secrets) {
    BOOST_TEST(log.find(secret) == std::string::npos, "the log holds " << secret);
    BOOST_TEST(kept.find(secret) == std::string::npos, "the data directory holds " << secret);
  }
  BOOST_TEST(kept.find("PRIVATE KEY") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
