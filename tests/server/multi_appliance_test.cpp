// Two appliances (two servers, two certificates) registered with one vCenter:
// both are recorded, each sees both, the plug-in's choice follows
// reachability, and unregistering hands the plug-in over until the last one
// takes the record away.
#include <thread>

#include <fstream>

#include <boost/test/unit_test.hpp>

#include "plugin-server/registration/plugin_record.h"
#include "tests/server/server_world.h"
#include "tests/support/run_process.h"
#include "vicapi/vim/extension_manager.h"

using namespace vic::test;
using nlohmann::json;

namespace {

std::optional<vic::vim::Extension> independentRead() {
  auto c = loggedInClient();
  return vic::vim::ExtensionManager(*c).findExtension(vic::server::kExtensionKey);
}

const json* applianceAt(const json& registration, unsigned short port) {
  for (const auto& a : registration["appliances"])
    if (a["address"] == "127.0.0.1:" + std::to_string(port)) return &a;
  return nullptr;
}

json versions(ApiClient& api) {
  auto& w = ServerWorld::current();
  auto r = api.get("/plugin/target/" + w.target() + "/versions" + w.pinned(), w.admin());
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  return r.json();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(multiple_appliances, *boost::unit_test::fixture<ServerWorld>())

BOOST_AUTO_TEST_CASE(two_appliances_share_one_vcenter) {
  auto& w = ServerWorld::current();
  ServerProcess& a = w.server();
  ApiClient& apiA = w.api();
  ServerOptions bOptions;
  bOptions.dataDir = scratchDir("appliance-b");
  auto b = std::make_unique<ServerProcess>(bOptions);
  ApiClient apiB(b->host(), b->port(), b->thumbprint());
  BOOST_TEST_REQUIRE(!(a.thumbprint() == b->thumbprint()));
  const std::string registration = "/plugin/target/" + w.target() + "/registration" + w.pinned();

  auto regA = apiA.send("POST", registration, w.admin());
  BOOST_TEST_REQUIRE(regA.status == 200, regA.body);
  BOOST_TEST(regA.json()["action"] == "registered");
  BOOST_TEST(regA.json()["serves_plugin"] == true);
  auto regB = apiB.send("POST", registration, w.admin());
  BOOST_TEST_REQUIRE(regB.status == 200, regB.body);
  BOOST_TEST(regB.json()["action"] == "updated");
  BOOST_TEST(regB.json()["serves_plugin"] == false);  // same version: the first keeps serving
  BOOST_TEST(apiB.send("POST", registration, w.admin()).json()["action"] == "unchanged");

  // vCenter's own record holds both, each with its own certificate.
  auto record = independentRead();
  BOOST_TEST_REQUIRE(record.has_value());
  int appliances = 0;
  for (const auto& s : record->servers) {
    if (s.type.rfind("VIC_APPLIANCE-", 0) != 0) continue;
    ++appliances;
    const bool isA = s.url == "https://127.0.0.1:" + std::to_string(a.port()) + "/";
    const bool isB = s.url == "https://127.0.0.1:" + std::to_string(b->port()) + "/";
    BOOST_TEST((isA || isB), s.url);
    BOOST_TEST(s.serverThumbprint == (isA ? a.thumbprint() : b->thumbprint()).str());
  }
  BOOST_TEST(appliances == 2);
  BOOST_TEST(record->clients.at(0).url.find(":" + std::to_string(a.port()) + "/") !=
             std::string::npos);

  // Each lists both, both answer, and both agree on the choice.
  for (ApiClient* api : {&apiA, &apiB}) {
    auto v = versions(*api);
    const auto& reg = v["registration"];
    BOOST_TEST(reg["appliances"].size() == 2u);
    BOOST_TEST((*applianceAt(reg, a.port()))["reachable"] == true);
    BOOST_TEST((*applianceAt(reg, b->port()))["reachable"] == true);
    BOOST_TEST((*applianceAt(reg, a.port()))["chosen"] == true);
    BOOST_TEST(v["appliance"]["plugin_version"] == reg["plugin_version"]);
    BOOST_TEST(!v["appliance"]["endpoint_version"].get<std::string>().empty());
  }

  // The administrator chooses B; then A stops, and the choice stays on B...
  auto prefer = apiA.sendJson(
      "PUT", registration.substr(0, registration.find('?')) + "/preferred" + w.pinned(), w.admin(),
      {{"appliance", versions(apiB)["appliance"]["id"]}});
  BOOST_TEST_REQUIRE(prefer.status == 204, prefer.body);
  BOOST_TEST((*applianceAt(versions(apiA)["registration"], b->port()))["chosen"] == true);
  // ...back to automatic, then A stops: B reports it and the choice moves to B.
  apiA.sendJson("PUT", registration.substr(0, registration.find('?')) + "/preferred" + w.pinned(),
                w.admin(), {{"appliance", nullptr}});
  BOOST_TEST((*applianceAt(versions(apiB)["registration"], a.port()))["chosen"] == true);
  a.stop();
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // past the prober's memory
  auto v = versions(apiB);
  const json* downA = applianceAt(v["registration"], a.port());
  BOOST_TEST((*downA)["reachable"] == false);
  BOOST_TEST(!(*downA)["error"].get<std::string>().empty());
  BOOST_TEST((*applianceAt(v["registration"], b->port()))["chosen"] == true);
  bool warned = false;
  for (const auto& text : v["warnings"])
    warned |= text.get<std::string>().find("does not answer") != std::string::npos;
  BOOST_TEST(warned, v.dump(2));

  // A, stopped, is unregistered from the command line: B takes the plug-in.
  auto& sim = SimulatorFixture::current();
  auto out =
      runProcess(serverBinary().string(),
                 {"unregister", "--data-dir=" + a.dataDir().string(), "--target=" + w.target(),
                  "--user=" + std::string(kTestUser), "--password=" + std::string(kTestPassword),
                  "--thumbprint=" + sim.thumbprint().str()});
  BOOST_TEST_REQUIRE(out.exitCode == 0, out.out + out.err);
  BOOST_TEST(out.out.find("handed-over") != std::string::npos, out.out);
  record = independentRead();
  BOOST_TEST_REQUIRE(record.has_value());
  BOOST_TEST(record->clients.at(0).url.find(":" + std::to_string(b->port()) + "/") !=
             std::string::npos);
  int left = 0;
  for (const auto& s : record->servers)
    left += s.type.rfind("VIC_APPLIANCE-", 0) == 0;
  BOOST_TEST(left == 1);

  // The last one takes the record with it.
  auto gone = apiB.send("DELETE", registration, w.admin());
  BOOST_TEST_REQUIRE(gone.status == 200, gone.body);
  BOOST_TEST(gone.json()["action"] == "removed");
  BOOST_TEST(!independentRead().has_value());
  a.restart();  // for the suite's other tests
  w.reconnect();
}

BOOST_AUTO_TEST_CASE(a_wrong_vcenter_thumbprint_is_refused_with_both) {
  auto& w = ServerWorld::current();
  const std::string wrong = "AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA:AA";
  auto r = w.api().send(
      "POST", "/plugin/target/" + w.target() + "/registration?thumbprint=" + wrong, w.admin());
  BOOST_TEST(r.status == 400);
  const std::string message = r.json()["message"];
  BOOST_TEST(message.find(wrong) != std::string::npos, message);
  BOOST_TEST(message.find(SimulatorFixture::current().thumbprint().str()) != std::string::npos,
             message);

  auto cli = runProcess(
      serverBinary().string(),
      {"register", "--data-dir=" + w.server().dataDir().string(), "--target=" + w.target(),
       "--user=" + std::string(kTestUser), "--password=" + std::string(kTestPassword),
       "--thumbprint=" + wrong, "--public-address=127.0.0.1"});
  BOOST_TEST(cli.exitCode == 1);
  BOOST_TEST(cli.err.find(wrong) != std::string::npos, cli.err);
  BOOST_TEST(cli.err.find(SimulatorFixture::current().thumbprint().str()) != std::string::npos,
             cli.err);
}

BOOST_AUTO_TEST_CASE(the_command_line_registers_and_shows_the_status) {
  auto& w = ServerWorld::current();
  auto& sim = SimulatorFixture::current();
  const std::vector<std::string> common{
      "--data-dir=" + w.server().dataDir().string(), "--target=" + w.target(),
      "--user=" + std::string(kTestUser), "--thumbprint=" + sim.thumbprint().str()};
  auto with = [&](std::vector<std::string> head, std::vector<std::string> tail = {}) {
    head.insert(head.end(), common.begin(), common.end());
    head.insert(head.end(), tail.begin(), tail.end());
    return head;
  };
  const std::map<std::string, std::string> password{{"VIC_PASSWORD", kTestPassword}};
  auto reg = runProcess(
      serverBinary().string(),
      with({"register"},
           {"--public-address=127.0.0.1:" + std::to_string(w.server().port()), "--client=remote"}),
      password);
  BOOST_TEST_REQUIRE(reg.exitCode == 0, reg.out + reg.err);
  BOOST_TEST(reg.out.find("serves the plug-in") != std::string::npos, reg.out);
  auto status = runProcess(serverBinary().string(), with({"status"}), password);
  BOOST_TEST(status.exitCode == 0, status.err);
  BOOST_TEST(status.out.find("(remote), served by 127.0.0.1:" +
                             std::to_string(w.server().port())) != std::string::npos,
             status.out);
  BOOST_TEST(status.out.find(" yes ") != std::string::npos, status.out);  // it answers
  auto onCommandLine = runProcess(serverBinary().string(),
                                  with({"status"}, {"--password=" + std::string(kTestPassword)}));
  BOOST_TEST(onCommandLine.exitCode == 0, onCommandLine.err);
  BOOST_TEST(
      onCommandLine.err.find("can be read by every user of this machine (ps)") != std::string::npos,
      onCommandLine.err);
  const auto file = scratchDir("register-password") / "password";
  { std::ofstream(file) << kTestPassword << "\n"; }
  std::filesystem::permissions(file, std::filesystem::perms::owner_read,
                               std::filesystem::perm_options::replace);
  auto fromFile =
      runProcess(serverBinary().string(), with({"status"}, {"--password-file=" + file.string()}));
  BOOST_TEST(fromFile.exitCode == 0, fromFile.err);
  BOOST_TEST(fromFile.err.find("warning") == std::string::npos, fromFile.err);
  auto usage =
      runProcess(serverBinary().string(), {"register", "--target=" + w.target()}, password);
  BOOST_TEST(usage.exitCode == 2);
  BOOST_TEST(usage.err.find("--user") != std::string::npos, usage.err);
  auto bad = runProcess(serverBinary().string(), with({"unregister"}), {{"VIC_PASSWORD", "wrong"}});
  BOOST_TEST(bad.exitCode == 1);
  BOOST_TEST(runProcess(serverBinary().string(), with({"unregister"}), password).exitCode == 0);
  BOOST_TEST(!independentRead().has_value());
}

BOOST_AUTO_TEST_SUITE_END()
