// Configure and upgrade, including a failure at every step of each.
#include <boost/test/unit_test.hpp>

#include "tests/support/engine_world.h"
#include "tests/support/simulator_fixture.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/configure.h"
#include "vicapi/engine/errors.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/engine/query.h"
#include "vicapi/engine/upgrade.h"
#include "vicapi/vim/option_values.h"
#include "vicapi/vim/property_collector.h"

using namespace vic;
namespace gi = vic::engine::guestinfo;
namespace fs = std::filesystem;

namespace {

struct Injected : std::runtime_error {
  using std::runtime_error::runtime_error;
};

bool onDatastore(const std::string& relative) {
  for (const auto& ds : fs::directory_iterator(test::SimulatorFixture::current().datastoreRoot()))
    if (fs::exists(ds.path() / relative)) return true;
  return false;
}

// The parts of a VCH an upgrade or configure touches, read independently.
struct VchState {
  gi::KeyValues extraConfig;
  std::string cdrom;
  std::string power;
  int snapshots = 0;
  vim::ResourceConfigSpec pool;
};

VchState stateOf(vim::Client& c, const vim::Moref& vm) {
  VchState s;
  auto o = vim::PropertyCollector(c).retrieveOne(vm, {"config.extraConfig", "runtime.powerState",
                                                      "snapshot.rootSnapshotList", "resourcePool"});
  s.extraConfig = vim::fromOptionValues(*o.prop("config.extraConfig"));
  s.power = o.text("runtime.powerState");
  if (const auto* snaps = o.prop("snapshot.rootSnapshotList"))
    s.snapshots = static_cast<int>(snaps->children.size());
  auto cdrom = engine::actions::findCdrom(c, vm);
  BOOST_TEST_REQUIRE(cdrom.has_value());
  s.cdrom = cdrom->iso;
  s.pool = engine::actions::poolConfig(c, vim::Moref::from(*o.prop("resourcePool")));
  return s;
}

engine::ConfigureOptions configureOptions() {
  engine::ConfigureOptions o;
  o.validation = test::validationOptions();
  return o;
}

engine::Vch changedSpec(vim::Client& c, const vim::Moref& vm) {
  auto spec = engine::currentModel(c, vm.value);
  spec.compute.cpu.limit = engine::Quantity{3000, "MHz"};
  spec.compute.memory.reservation = engine::Quantity{512, "MiB"};
  spec.debug = 2;
  spec.syslogAddr = "udp://logs.example.com";
  spec.registry.insecure = {"registry.example.com:5000"};
  spec.network.publicNet->nameservers = {"10.0.0.53"};
  spec.storage.volumeStores.push_back({"ds://LocalDS_0/" + vm.value + "-added", "added"});
  spec.network.container.push_back({"lan", {"", "DC0_DVPG1"}, std::nullopt, {}, {}, ""});
  spec.endpoint.operationsCredentials =
      engine::OperationsCredentials{test::kTestUser, Secret(), false};
  return spec;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_change, *boost::unit_test::fixture<test::VcsimWithPassword>())

BOOST_AUTO_TEST_CASE(configure_changes_the_mutable_fields) {
  auto c = test::loggedInClient();
  test::allowVchFirewall(*c);
  test::RecordingObserver observer;
  auto vm = test::createFromBody(*c, test::minimalVchBody("vch-configure"), observer).vm;
  auto result =
      engine::configureVch(*c, vm.value, changedSpec(*c, vm), configureOptions(), observer);
  BOOST_TEST(!result.changed.empty());

  auto s = stateOf(*c, vm);
  BOOST_TEST(s.pool.cpu.limit == 3000);
  BOOST_TEST(s.pool.memory.reservation == 512);
  BOOST_TEST(s.extraConfig["guestinfo.vice./config/debug"] == "2");
  BOOST_TEST(s.extraConfig["guestinfo.vice./config/syslog_addr"] ==
             "\"udp://logs.example.com:514\"");
  BOOST_TEST(s.extraConfig["guestinfo.vice./config/network/public/nameservers/0"] ==
             "\"10.0.0.53\"");
  BOOST_TEST(s.extraConfig.count(gi::kLockKey) == 0u);
  BOOST_TEST(s.power == "poweredOn");

  auto v = engine::inspectVch(*c, vm.value, engine::ApplianceImages::locate().version);
  BOOST_TEST(v.compute.cpu.limit->value == 3000);
  BOOST_TEST(v.registry.insecure.at(0) == "registry.example.com:5000");
  BOOST_TEST(*v.debug == 2);
  // Added, as 1.5's configure could: the store's folder made, the network recorded.
  BOOST_TEST_REQUIRE(v.storage.volumeStores.size() == 1u);
  BOOST_TEST(v.storage.volumeStores[0].label == "added");
  BOOST_TEST(onDatastore(vm.value + "-added"));
  BOOST_TEST_REQUIRE(v.network.container.size() == 1u);
  BOOST_TEST(v.network.container[0].alias == "lan");
  auto stored = gi::decode(s.extraConfig);
  BOOST_TEST(stored.placement.volumeStores.count("added") == 1u);
  BOOST_TEST(stored.placement.networks.count("container:lan") == 1u);

  // Once there, they stay: removing or changing one is a conflict.
  auto spec = engine::currentModel(*c, vm.value);
  spec.storage.volumeStores = {{"ds://LocalDS_0/elsewhere", "other"}};
  spec.network.container[0].firewall = "open";
  spec.endpoint.operationsCredentials =
      engine::OperationsCredentials{test::kTestUser, Secret(), false};
  try {
    engine::configureVch(*c, vm.value, spec, configureOptions(), observer);
    BOOST_FAIL("configure should refuse");
  } catch (const engine::InvalidSpecification& e) {
    BOOST_TEST(e.issues().has("storage.volume_stores"));
    BOOST_TEST(e.issues().has("network.container"));
    BOOST_TEST(e.issues().summary().find("can be added but not removed or changed") !=
               std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(configure_refuses_what_create_fixed) {
  auto c = test::loggedInClient();
  test::allowVchFirewall(*c);
  test::RecordingObserver observer;
  auto vm = test::createFromBody(*c, test::minimalVchBody("vch-fixed"), observer).vm;
  auto spec = engine::currentModel(*c, vm.value);
  spec.name = "renamed";
  spec.storage.imageStores = {"ds://LocalDS_0/elsewhere"};
  spec.network.bridge->ipRange = "10.0.0.0/12";
  spec.endpoint.operationsCredentials =
      engine::OperationsCredentials{test::kTestUser, Secret(), false};
  const auto before = stateOf(*c, vm);
  try {
    engine::configureVch(*c, vm.value, spec, configureOptions(), observer);
    BOOST_FAIL("configure should refuse");
  } catch (const engine::InvalidSpecification& e) {
    BOOST_TEST(e.issues().has("name"));
    BOOST_TEST(e.issues().has("storage.image_stores"));
    BOOST_TEST(e.issues().has("network.bridge"));
    BOOST_TEST(e.issues().summary().find("cannot be changed after the VCH is created") !=
               std::string::npos);
  }
  const auto after = stateOf(*c, vm);
  BOOST_TEST((after.extraConfig == before.extraConfig));
}

BOOST_AUTO_TEST_CASE(configure_can_replace_the_certificates) {
  auto c = test::loggedInClient();
  test::allowVchFirewall(*c);
  test::RecordingObserver observer;
  auto vm = test::createFromBody(*c, test::minimalVchBody("vch-certs"), observer).vm;
  auto spec = engine::currentModel(*c, vm.value);
  const std::string oldCert = spec.auth.serverCertificate;
  spec.auth.serverCertificate.clear();  // and keep "generate": make new ones
  spec.endpoint.operationsCredentials =
      engine::OperationsCredentials{test::kTestUser, Secret(), false};
  auto result = engine::configureVch(*c, vm.value, spec, configureOptions(), observer);
  BOOST_TEST(!result.certificates.serverCertificate.empty());
  auto v = engine::inspectVch(*c, vm.value, engine::ApplianceImages::locate().version);
  BOOST_TEST(v.auth.serverCertificate == result.certificates.serverCertificate);
  BOOST_TEST(v.auth.serverCertificate != oldCert);
}

BOOST_AUTO_TEST_CASE(a_failure_at_any_configure_step_restores_the_vch) {
  auto c = test::loggedInClient();
  test::allowVchFirewall(*c);
  test::RecordingObserver observer;
  auto vm = test::createFromBody(*c, test::minimalVchBody("vch-configure-fail"), observer).vm;
  const auto before = stateOf(*c, vm);
  const auto spec = changedSpec(*c, vm);
  for (const char* step : {"lock", "resource_pool", "volume_stores", "configuration", "power_off",
                           "power_on", "unlock"}) {
    for (auto point : {engine::FaultPoint::BeforeStep, engine::FaultPoint::AfterStep}) {
      BOOST_TEST_CONTEXT("configure failing at "
                         << step
                         << (point == engine::FaultPoint::BeforeStep ? " (before)" : " (after)")) {
        auto o = configureOptions();
        bool fired = false;
        o.faultHook = [&](const std::string& s, engine::FaultPoint p) {
          if (s == step && p == point) {
            fired = true;
            throw Injected("injected");
          }
        };
        BOOST_CHECK_THROW(engine::configureVch(*c, vm.value, spec, o, observer),
                          engine::PlanFailed);
        BOOST_TEST(fired);
        const auto after = stateOf(*c, vm);
        BOOST_TEST((after.extraConfig == before.extraConfig));
        BOOST_TEST((after.pool == before.pool));
        BOOST_TEST(after.power == "poweredOn");
        BOOST_TEST(!onDatastore(vm.value + "-added"));
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(upgrade_moves_an_older_vch_to_this_version) {
  auto c = test::loggedInClient();
  auto vm = test::createOlderVch(*c, "vch-upgrade");
  const auto images = engine::ApplianceImages::locate();
  auto listed = engine::listVchs(*c, {}, images.version);
  bool upgradeable = false;
  for (const auto& l : listed)
    upgradeable |=
        l.name == "vch-upgrade" && l.upgradeStatus == "Upgradeable to " + images.version.str();
  BOOST_TEST(upgradeable);

  test::RecordingObserver observer;
  engine::upgradeVch(*c, vm.value, {images, {}}, observer);
  auto s = stateOf(*c, vm);
  BOOST_TEST(s.extraConfig[gi::kVersionKey] == images.version.str());
  BOOST_TEST(s.cdrom == "[LocalDS_0] vch-upgrade/" + images.applianceName());
  BOOST_TEST(s.power == "poweredOn");
  BOOST_TEST(s.snapshots == 1);  // kept for a rollback
  BOOST_TEST(s.extraConfig.count(gi::kLockKey) == 0u);
  BOOST_TEST(onDatastore("vch-upgrade/" + images.applianceName()));
  BOOST_TEST(onDatastore("vch-upgrade/" +
                         test::olderImages().applianceName()));  // the old one stays for rollback
  BOOST_TEST(engine::inspectVch(*c, vm.value, images.version).runtime.upgradeStatus ==
             "Up to date");
  BOOST_CHECK_THROW(engine::upgradeVch(*c, vm.value, {images, {}}, observer),
                    engine::ConflictError);
}

BOOST_AUTO_TEST_CASE(a_failure_at_any_upgrade_step_keeps_the_old_version_running) {
  auto c = test::loggedInClient();
  auto vm = test::createOlderVch(*c, "vch-upgrade-fail");
  const auto images = engine::ApplianceImages::locate();
  const auto before = stateOf(*c, vm);
  for (const auto& step : engine::upgradeStepNames()) {
    for (auto point : {engine::FaultPoint::BeforeStep, engine::FaultPoint::AfterStep}) {
      BOOST_TEST_CONTEXT("upgrade failing at "
                         << step
                         << (point == engine::FaultPoint::BeforeStep ? " (before)" : " (after)")) {
        test::RecordingObserver observer;
        engine::UpgradeOptions o{images, [&](const std::string& s, engine::FaultPoint p) {
                                   if (s == step && p == point) throw Injected("injected");
                                 }};
        try {
          engine::upgradeVch(*c, vm.value, o, observer);
          BOOST_FAIL("upgrade should fail");
        } catch (const engine::PlanFailed& e) {
          BOOST_TEST(e.rolledBack());
        }
        const auto after = stateOf(*c, vm);
        BOOST_TEST(after.extraConfig.at(gi::kVersionKey) == "v1.5.0-0-0000000");
        BOOST_TEST((after.extraConfig == before.extraConfig));
        BOOST_TEST(after.cdrom == before.cdrom);
        BOOST_TEST(after.power == "poweredOn");
        BOOST_TEST(after.snapshots == 0);
        BOOST_TEST(!onDatastore("vch-upgrade-fail/" + images.applianceName()));
        BOOST_TEST(engine::inspectVch(*c, vm.value, images.version).runtime.upgradeStatus ==
                   "Upgradeable to " + images.version.str());
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
