// Registration logic against vcsim's ExtensionManager, with appliances of
// different versions: who serves the plug-in, idempotence, hand-over,
// records written by others, and appliances registering at the same time.
#include <thread>

#include <boost/test/unit_test.hpp>

#include "plugin-server/registration/registrar.h"
#include "tests/support/simulator_fixture.h"
#include "vicapi/base/error.h"
#include "vicapi/engine/errors.h"

using namespace vic;
using namespace vic::server;

namespace {

// Addresses nothing listens on: these appliances exist only in the record.
ApplianceIdentity appliance(const std::string& id, int build, int port) {
  ApplianceIdentity a;
  a.id = id;
  a.address = "127.0.0.1:" + std::to_string(port);
  a.version = "v1.6.0-" + std::to_string(build) + "-abcdef0";
  a.pluginVersion = "1.6.0." + std::to_string(build);
  a.sha1 =
      "11:22:33:44:55:66:77:88:99:00:AA:BB:CC:DD:EE:FF:00:11:22:" + std::to_string(10 + build % 90);
  a.sha256 = "AB:CD:" + std::to_string(10 + build % 90);
  return a;
}

std::string xmlOf(const vim::Extension& x) {
  std::string out;
  soap::writeXml(out, x.node(), false);
  return out;
}

vim::Extension extension(vim::Client& c) {
  return *vim::ExtensionManager(c).findExtension(kExtensionKey);
}

void clear(vim::Client& c) {
  if (vim::ExtensionManager(c).findExtension(kExtensionKey))
    vim::ExtensionManager(c).unregisterExtension(kExtensionKey);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(registrar, *boost::unit_test::fixture<test::Vcsim>())

BOOST_AUTO_TEST_CASE(the_first_appliance_creates_the_record_and_again_changes_nothing) {
  auto c = test::loggedInClient();
  clear(*c);
  const auto a = appliance("appliance-a", 10, 1001);
  auto first = registerAppliance(*c, a, {});
  BOOST_TEST(first.action == "registered");
  BOOST_TEST(first.servesPlugin);
  const auto x = extension(*c);
  BOOST_TEST(x.version == "1.6.0.10");
  // vcsim says API 6.5: the 6.7-style local package, trusted by SHA-1.
  BOOST_REQUIRE(x.clients.size() == 1u);
  BOOST_TEST(x.clients[0].type == kLocalClient);
  BOOST_TEST(x.clients[0].url == "https://127.0.0.1:1001/files/com.vmware.vic-1.6.0.10.zip");
  bool package = false, entry = false;
  for (const auto& s : x.servers) {
    package |= s.type == "HTTPS" && s.serverThumbprint == a.sha1 && s.url == x.clients[0].url;
    entry |= s.type == "VIC_APPLIANCE-appliance-a" && s.serverThumbprint == a.sha256 &&
             s.url == "https://127.0.0.1:1001/";
    BOOST_TEST(s.adminEmail.size() == 1u);
  }
  BOOST_TEST(package);
  BOOST_TEST(entry);

  auto again = registerAppliance(*c, a, {});
  BOOST_TEST(again.action == "unchanged");
  BOOST_TEST(xmlOf(extension(*c)) == xmlOf(x));
}

BOOST_AUTO_TEST_CASE(an_older_appliance_joins_but_only_serves_when_forced) {
  auto c = test::loggedInClient();
  clear(*c);
  registerAppliance(*c, appliance("appliance-a", 10, 1001), {});
  auto older = registerAppliance(*c, appliance("appliance-b", 9, 1002), {});
  BOOST_TEST(older.action == "updated");
  BOOST_TEST(!older.servesPlugin);
  BOOST_TEST(older.record->appliances.size() == 2u);
  BOOST_TEST(older.record->hostId == "appliance-a");
  BOOST_TEST(older.record->version == "1.6.0.10");
  BOOST_REQUIRE(older.notes.size() == 1u);
  BOOST_TEST(older.notes[0].find("stays with 127.0.0.1:1001") != std::string::npos, older.notes[0]);

  RegisterOptions force;
  force.force = true;
  auto forced = registerAppliance(*c, appliance("appliance-b", 9, 1002), force);
  BOOST_TEST(forced.servesPlugin);
  BOOST_TEST(extension(*c).version == "1.6.0.9");

  auto newer = registerAppliance(*c, appliance("appliance-c", 11, 1003), {});
  BOOST_TEST(newer.servesPlugin);
  BOOST_TEST(newer.record->appliances.size() == 3u);
  BOOST_TEST(extension(*c).version == "1.6.0.11");
}

BOOST_AUTO_TEST_CASE(a_remote_registration_names_the_manifest_with_its_sha256) {
  auto c = test::loggedInClient();
  clear(*c);
  RegisterOptions remote;
  remote.clientType = kRemoteClient;
  const auto a = appliance("appliance-a", 10, 1001);
  registerAppliance(*c, a, remote);
  const auto x = extension(*c);
  BOOST_TEST(x.clients.at(0).type == kRemoteClient);
  BOOST_TEST(x.clients.at(0).url == "https://127.0.0.1:1001/ui/plugin.json");
  bool manifest = false;
  for (const auto& s : x.servers)
    manifest |=
        s.type == "MANIFEST_SERVER" && s.serverThumbprint == a.sha256 && s.url == x.clients[0].url;
  BOOST_TEST(manifest);
  // Another appliance of the same version leaves the kind as it was.
  registerAppliance(*c, appliance("appliance-b", 10, 1002), {});
  BOOST_TEST(extension(*c).clients.at(0).type == kRemoteClient);
}

BOOST_AUTO_TEST_CASE(unregistering_hands_over_and_the_last_removes_the_record) {
  auto c = test::loggedInClient();
  clear(*c);
  registerAppliance(*c, appliance("appliance-a", 9, 1001), {});
  registerAppliance(*c, appliance("appliance-b", 8, 1002), {});
  registerAppliance(*c, appliance("appliance-c", 10, 1003), {});
  ApplianceProber prober(std::chrono::milliseconds(0), std::chrono::milliseconds(500));

  auto out = unregisterAppliance(*c, "appliance-c", prober);
  BOOST_TEST(out.action == "handed-over");
  // Nobody answers at these addresses: the newest remaining one takes it.
  BOOST_TEST(out.record->hostId == "appliance-a");
  BOOST_TEST(extension(*c).version == "1.6.0.9");
  BOOST_TEST(out.notes.front().find("no remaining appliance answers") != std::string::npos);

  BOOST_TEST(unregisterAppliance(*c, "appliance-b", prober).action == "unregistered");
  BOOST_TEST(extension(*c).servers.size() == 2u);  // the package and appliance-a
  BOOST_TEST(unregisterAppliance(*c, "appliance-a", prober).action == "removed");
  BOOST_TEST(!vim::ExtensionManager(*c).findExtension(kExtensionKey).has_value());
  BOOST_TEST(unregisterAppliance(*c, "appliance-a", prober).action == "not-registered");
}

BOOST_AUTO_TEST_CASE(a_record_the_original_wrote_is_taken_over_unless_newer) {
  auto c = test::loggedInClient();
  clear(*c);
  vim::Extension old;
  old.key = kExtensionKey;
  old.version = "1.5.0.18931";
  old.description = {"vSphere Integrated Containers-H5Client",
                     "Plugin for vSphere Integrated Containers-H5Client"};
  old.company = "VMware";
  old.clients.push_back(
      {"1.5.0.18931", {"vic", "h5"}, "VMware", kLocalClient, "https://10.0.0.9:9443/files/x.zip"});
  old.servers.push_back({"https://10.0.0.9:9443/files/x.zip",
                         {"vic", "h5"},
                         "VMware",
                         "HTTPS",
                         {"noreply@vmware.com"},
                         "AA:BB"});
  vim::ExtensionManager(*c).registerExtension(old);
  auto out = registerAppliance(*c, appliance("appliance-a", 10, 1001), {});
  BOOST_TEST(out.servesPlugin);
  BOOST_TEST(extension(*c).clients.at(0).url.find("127.0.0.1:1001") != std::string::npos);

  clear(*c);
  old.version = "9.0.0.1";
  vim::ExtensionManager(*c).registerExtension(old);
  BOOST_CHECK_THROW(registerAppliance(*c, appliance("appliance-a", 10, 1001), {}),
                    engine::ConflictError);
  RegisterOptions force;
  force.force = true;
  BOOST_TEST(registerAppliance(*c, appliance("appliance-a", 10, 1001), force).servesPlugin);
}

BOOST_AUTO_TEST_CASE(the_preferred_appliance_must_be_registered) {
  auto c = test::loggedInClient();
  clear(*c);
  registerAppliance(*c, appliance("appliance-a", 10, 1001), {});
  setPreferredAppliance(*c, "appliance-a");
  BOOST_TEST(readRecord(*c)->preferredId == "appliance-a");
  BOOST_CHECK_THROW(setPreferredAppliance(*c, "appliance-z"), NotFoundError);
  setPreferredAppliance(*c, "");
  BOOST_TEST(readRecord(*c)->preferredId.empty());
}

BOOST_AUTO_TEST_CASE(appliances_registering_at_once_all_end_up_recorded) {
  auto c = test::loggedInClient();
  clear(*c);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i)
    threads.emplace_back([i] {
      auto own = test::loggedInClient();  // each appliance has its own session
      registerAppliance(*own, appliance("appliance-" + std::to_string(i), 10 + i, 1001 + i), {});
    });
  for (auto& t : threads)
    t.join();
  const auto record = readRecord(*c);
  BOOST_REQUIRE(record);
  BOOST_TEST(record->appliances.size() == 4u);
  BOOST_TEST(record->hostId == "appliance-3");  // the newest
}

BOOST_AUTO_TEST_SUITE_END()
