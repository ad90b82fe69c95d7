#include <set>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "tests/support/engine_world.h"
#include "tests/support/simulator_fixture.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/vim/datastore_files.h"
#include "vicapi/vim/resource_spec.h"

using namespace vic;

namespace {

// Every optional step of create switched on: volume stores in new nested
// folders, a DRS VM group and permissions for the operations user.
nlohmann::json fullBody(const std::string& name) {
  auto body = test::minimalVchBody(name);
  body["storage"]["volume_stores"] = {
      {{"datastore", "ds://LocalDS_0/volumes/" + name}, {"label", "default"}}};
  body["compute"]["affinity"] = {{"use_vm_group", true}};
  body["compute"]["cpu"] = {{"limit", {{"value", 2}, {"units", "GHz"}}}};
  body["endpoint"] = {{"operations_credentials",
                       {{"user", test::kTestUser},
                        {"password", test::kTestPassword},
                        {"grant_permissions", true}}}};
  return body;
}

struct InjectedFault : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_rollback, *boost::unit_test::fixture<test::VcsimWithPassword>())

BOOST_AUTO_TEST_CASE(a_failure_at_any_create_step_leaves_nothing_behind) {
  auto c = test::loggedInClient();
  test::allowVchFirewall(*c);
  auto& sim = test::SimulatorFixture::current();
  const auto before = test::snapshotWorld(*c, sim);

  engine::Issues schema;
  auto vch = engine::vchFromJson(fullBody("vch-rollback"), schema);
  engine::ResolvedVch resolved;
  auto issues = engine::validateVch(*c, vch, test::validationOptions(), resolved);
  BOOST_TEST_REQUIRE(issues.empty(), issues.summary());
  const auto steps = engine::createStepNames(resolved);
  BOOST_TEST(steps.size() >= 11u);

  for (const auto& step : steps) {
    for (auto point : {engine::FaultPoint::BeforeStep, engine::FaultPoint::AfterStep}) {
      const std::string where =
          step + (point == engine::FaultPoint::BeforeStep ? " (before)" : " (after)");
      BOOST_TEST_CONTEXT("failure injected at " << where) {
        test::RecordingObserver observer;
        auto options = test::createOptions();
        options.faultHook = [&](const std::string& s, engine::FaultPoint p) {
          if (s == step && p == point) throw InjectedFault("injected at " + where);
        };
        try {
          engine::createVch(*c, resolved, options, observer);
          BOOST_FAIL("create should have failed");
        } catch (const engine::PlanFailed& e) {
          BOOST_TEST(e.step() == step);
          BOOST_TEST(e.rolledBack(), "undo errors: " << e.undoErrors().size());
          BOOST_TEST(std::string(e.what()).find("injected at") != std::string::npos);
        }
        const auto after = test::snapshotWorld(*c, sim);
        std::string undone;
        for (const auto& u : observer.undone)
          undone += " " + u;
        BOOST_TEST((after == before), test::describeDifference(before, after)
                                          << "\n  undone:" << undone);
      }
    }
  }
}

BOOST_AUTO_TEST_CASE(a_real_vsphere_failure_is_rolled_back_too) {
  auto c = test::loggedInClient();
  auto& sim = test::SimulatorFixture::current();
  const auto before = test::snapshotWorld(*c, sim);
  // The folder exists by the time the VM is created (made behind the
  // validator's back), so vCenter itself refuses a step.
  engine::Issues schema;
  auto vch = engine::vchFromJson(fullBody("vch-clash"), schema);
  engine::ResolvedVch resolved;
  BOOST_TEST_REQUIRE(engine::validateVch(*c, vch, test::validationOptions(), resolved).empty());
  test::RecordingObserver observer;
  auto options = test::createOptions();
  options.faultHook = [&](const std::string& s, engine::FaultPoint p) {
    if (s == "resource_pool" && p == engine::FaultPoint::BeforeStep)
      c->invoke("CreateResourcePool", resolved.parentPool,
                {soap::el("name", "vch-clash"), vim::ResourceConfigSpec{}.node("spec")});
  };
  BOOST_CHECK_THROW(engine::createVch(*c, resolved, options, observer), engine::PlanFailed);
  auto after = test::snapshotWorld(*c, sim);
  // Only the pool made behind the engine's back remains.
  BOOST_TEST(after.inventory.count("ResourcePool /DC0/host/DC0_C0/Resources/vch-clash") == 1u);
  after.inventory.erase("ResourcePool /DC0/host/DC0_C0/Resources/vch-clash");
  BOOST_TEST((after == before), test::describeDifference(before, after));
}

// Another create took the same image folder after this one was validated
// (two at once, say): this one must not share it, nor, rolling back, delete
// what the other put there.
BOOST_AUTO_TEST_CASE(a_create_never_shares_an_image_folder_made_since_validation) {
  auto c = test::loggedInClient();
  test::allowVchFirewall(*c);
  auto& sim = test::SimulatorFixture::current();
  engine::Issues schema;
  auto vch = engine::vchFromJson(test::minimalVchBody("vch-same-folder"), schema);
  engine::ResolvedVch resolved;
  const auto issues = engine::validateVch(*c, vch, test::validationOptions(), resolved);
  BOOST_TEST_REQUIRE(issues.empty(), issues.summary());
  test::RecordingObserver observer;
  auto options = test::createOptions();
  const std::string theirs = "vch-same-folder/" + options.images.applianceName();
  options.faultHook = [&](const std::string& s, engine::FaultPoint p) {
    if (s != "datastore_folder" || p != engine::FaultPoint::BeforeStep) return;
    std::istringstream iso("the other VCH's appliance image");
    vim::DatastoreFiles(*c, "DC0", "LocalDS_0").upload(iso, iso.str().size(), theirs);
  };
  const auto before = test::snapshotWorld(*c, sim);
  try {
    engine::createVch(*c, resolved, options, observer);
    BOOST_FAIL("the create should refuse the folder");
  } catch (const engine::PlanFailed& e) {
    BOOST_TEST(std::string(e.what()).find("already exists") != std::string::npos, e.what());
    BOOST_TEST(e.rolledBack());
  }
  // Nothing of this create is left; the other's folder and file are as it left them.
  auto after = test::snapshotWorld(*c, sim);
  std::set<std::string> others;
  for (const auto& f : after.files)
    if (f.find("vch-same-folder") != std::string::npos) others.insert(f);
  BOOST_TEST(others.size() == 2u);  // the folder and its one file
  for (const auto& f : others)
    after.files.erase(f);
  BOOST_TEST((after == before), test::describeDifference(before, after));
  std::ostringstream kept;
  vim::DatastoreFiles(*c, "DC0", "LocalDS_0").download(theirs, kept);
  BOOST_TEST(kept.str() == "the other VCH's appliance image");
  engine::actions::deleteIfExists(*c, resolved.datacenter, "[LocalDS_0] vch-same-folder");
}

BOOST_AUTO_TEST_SUITE_END()
