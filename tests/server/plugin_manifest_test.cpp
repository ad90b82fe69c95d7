// The plug-in as vCenter fetches it from an appliance: plugin.json for
// vSphere 7 and 8 and the 6.7 package, both of the server's plug-in version,
// and the registration page.
#include <regex>
#include <sstream>

#include <boost/test/unit_test.hpp>
#include <set>

#include "tests/server/server_world.h"
#include "tests/support/run_process.h"
#include "tests/support/unzip.h"

using namespace vic::test;

namespace {

std::string pluginVersion() {
  auto r = runProcess(serverBinary().string(), {"--plugin-version"});
  BOOST_TEST_REQUIRE(r.exitCode == 0);
  return r.out.substr(0, r.out.find('\n'));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugin_manifests, *boost::unit_test::fixture<ServerWorld>())

BOOST_AUTO_TEST_CASE(plugin_json_carries_the_build_version) {
  const std::string version = pluginVersion();
  BOOST_TEST(std::regex_match(version, std::regex(R"(\d+\.\d+\.\d+\.\d+)")), version);
  auto r = ServerWorld::current().api().get("/ui/plugin.json");
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  BOOST_TEST(r.header("Content-Type").rfind("application/json", 0) == 0u);
  auto manifest = r.json();
  BOOST_TEST(manifest["manifestVersion"] == "1.0.0");
  BOOST_TEST(manifest["definitions"]["i18n"]["definitions"]["vic.plugin.version"]["en-US"] ==
             version);
  BOOST_TEST(manifest["global"]["view"]["uri"].get<std::string>().find("v=" + version) !=
             std::string::npos);
  const auto& action = manifest["objects"]["ClusterComputeResource"]["menu"]["actions"][0];
  BOOST_TEST(action["trigger"]["type"] == "modal");  // the wizard opens as a modal
  BOOST_TEST(manifest["objects"]["VirtualMachine"]["summary"]["view"]["uri"].is_string());
  // A VCH's endpoint VM carries the VIC actions in its Actions menu.
  std::set<std::string> vmActions;
  for (const auto& a : manifest["objects"]["VirtualMachine"]["menu"]["actions"])
    vmActions.insert(a["id"].get<std::string>());
  BOOST_TEST((vmActions == std::set<std::string>{"vic.vm.configureVch", "vic.vm.upgradeVch",
                                                 "vic.vm.deleteVch"}));
  // Every text the client shows from the manifest, in each language the UI has.
  const auto& i18n = manifest["definitions"]["i18n"];
  for (const auto& [key, texts] : i18n["definitions"].items())
    for (const auto& locale : i18n["locales"])
      BOOST_TEST(texts.contains(locale.get<std::string>()), key << " in " << locale);
  BOOST_TEST(i18n["locales"].size() == 3u);
}

BOOST_AUTO_TEST_CASE(the_6_7_package_opens_and_carries_the_version) {
  const std::string version = pluginVersion();
  auto& api = ServerWorld::current().api();
  auto r = api.get("/files/com.vmware.vic-" + version + ".zip");
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  BOOST_TEST(r.header("Content-Type") == "application/zip");
  auto package = unzip(r.body);
  BOOST_TEST_REQUIRE(package.count("plugin-package.xml") == 1u);
  const std::string& xml = package["plugin-package.xml"];
  BOOST_TEST(xml.find("id=\"com.vmware.vic\"") != std::string::npos);
  BOOST_TEST(xml.find("version=\"" + version + "\"") != std::string::npos);
  BOOST_TEST(xml.find("type=\"html\"") != std::string::npos);
  BOOST_TEST_REQUIRE(package.count("plugins/vic.war") == 1u);
  auto war = unzip(package["plugins/vic.war"]);
  BOOST_TEST(war["META-INF/MANIFEST.MF"].find("Bundle-Version: " + version) != std::string::npos);
  BOOST_TEST(war["plugin.xml"].find("vise.global.views") != std::string::npos);

  BOOST_TEST(api.get("/files/com.vmware.vic-0.0.0.1.zip").status == 404);
  BOOST_TEST(api.get("/files/..%2Fvic.db").status == 404);
}

BOOST_AUTO_TEST_CASE(the_registration_page_is_served) {
  auto r = ServerWorld::current().api().get("/register");
  BOOST_TEST_REQUIRE(r.status == 200);
  BOOST_TEST(r.header("Content-Type").rfind("text/html", 0) == 0u);
  for (const char* label :
       {"vCenter Server address", "User", "Password", "SHA-256", "Register", "Unregister"})
    BOOST_TEST(r.body.find(label) != std::string::npos, label);
  BOOST_TEST(r.header("Content-Security-Policy").find("frame-ancestors 'none'") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_target_certificate_is_shown_before_trusting_it) {
  auto& w = ServerWorld::current();
  auto r = w.api().get("/plugin/target/" + w.target() + "/certificate");
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  BOOST_TEST(r.json()["sha1"] == SimulatorFixture::current().thumbprint().str());
  BOOST_TEST(r.json()["sha256"] == SimulatorFixture::current().sha256().str());
  BOOST_TEST(w.api().get("/plugin/target/127.0.0.1:1/certificate").status == 502);
}

BOOST_AUTO_TEST_SUITE_END()
