#include <boost/test/unit_test.hpp>

#include "tests/support/engine_world.h"
#include "tests/support/simulator_fixture.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/containers.h"
#include "vicapi/engine/delete.h"
#include "vicapi/engine/errors.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/engine/query.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/folder.h"
#include "vicapi/vim/inventory.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/search_index.h"
#include "vicapi/vim/virtual_machine.h"

using namespace vic;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> extraConfigOf(vim::Client& c, const vim::Moref& vm) {
  auto o = vim::PropertyCollector(c).retrieveOne(vm, {"config.extraConfig"});
  std::map<std::string, std::string> out;
  for (const auto& opt : o.prop("config.extraConfig")->children)
    out[opt.textOf("key")] = opt.textOf("value");
  return out;
}

bool fileOnDatastore(const sim::Simulator& s, const std::string& relative) {
  for (const auto& ds : fs::directory_iterator(s.datastoreRoot()))
    if (fs::exists(ds.path() / relative)) return true;
  return false;
}

// A VM in the VCH's pool and folder: one of its containers when `owner` is
// the VCH's endpoint VM (the key its endpoint sets), else anybody's VM.
vim::Moref vmInPool(vim::Client& c, const std::string& vch, const std::string& name,
                    const vim::Moref& owner = {}) {
  auto pool = *vim::SearchIndex(c).findByInventoryPath("/DC0/host/DC0_C0/Resources/" + vch);
  vim::VmConfigSpec spec;
  spec.name = name;
  spec.guestId = "otherGuest64";
  spec.vmPathName = "[LocalDS_0]";
  if (!owner.empty()) spec.extraConfig.emplace_back(engine::kContainerVchKey, owner.str());
  return vim::Moref::from(vim::Folder(c, *vim::SearchIndex(c).findByInventoryPath("/DC0/vm/" + vch))
                              .createVM(spec, pool)
                              .wait());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_lifecycle, *boost::unit_test::fixture<test::VcsimWithPassword>())

BOOST_AUTO_TEST_CASE(create_list_inspect_delete_with_the_minimal_body) {
  auto c = test::loggedInClient();
  test::allowVchFirewall(*c);
  auto& sim = test::SimulatorFixture::current();
  const auto before = test::snapshotWorld(*c, sim);
  const auto images = engine::ApplianceImages::locate();

  test::RecordingObserver observer;
  auto result = test::createFromBody(*c, test::minimalVchBody("vch-minimal"), observer);
  BOOST_TEST(observer.undone.empty());

  // An independent read of vCenter: the pool, the VM with its extraConfig, the ISOs.
  vim::SearchIndex index(*c);
  auto pool = index.findByInventoryPath("/DC0/host/DC0_C0/Resources/vch-minimal");
  BOOST_REQUIRE(pool);
  BOOST_TEST(pool->type == "ResourcePool");
  auto vm = index.findByInventoryPath("/DC0/vm/vch-minimal/vch-minimal");
  BOOST_REQUIRE(vm);
  BOOST_TEST(*vm == result.vm);
  auto props = vim::PropertyCollector(*c).retrieveOne(
      *vm, {"runtime.powerState", "resourcePool", "config.hardware.device"});
  BOOST_TEST(props.text("runtime.powerState") == "poweredOn");
  BOOST_TEST(vim::Moref::from(*props.prop("resourcePool")) == *pool);
  int nics = 0, cdroms = 0, serial = 0;
  for (const auto& d : props.prop("config.hardware.device")->children) {
    nics += d.xsiType == "VirtualVmxnet3";
    cdroms += d.xsiType == "VirtualCdrom";
    serial += d.xsiType == "VirtualSerialPort";
  }
  BOOST_TEST(nics == 2);  // public (VM Network) and bridge (DC0_DVPG0)
  BOOST_TEST(cdroms == 1);
  BOOST_TEST(serial == 1);
  auto ec = extraConfigOf(*c, *vm);
  BOOST_TEST(ec[engine::guestinfo::kIdKey] == vm->str());
  BOOST_TEST(ec[engine::guestinfo::kVersionKey] == images.version.str());
  BOOST_TEST(ec["guestinfo.vice./config/name"] == "\"vch-minimal\"");
  BOOST_TEST(ec["guestinfo.vice./config/network/bridge/ip_range"] == "\"172.16.0.0/12\"");
  BOOST_TEST(ec.count(engine::guestinfo::kServerKeyKey) == 1u);
  BOOST_TEST(ec[engine::guestinfo::kServerKeyKey].find("PRIVATE KEY") ==
             std::string::npos);  // sealed
  BOOST_TEST(fileOnDatastore(sim, "vch-minimal/" + images.applianceName()));
  BOOST_TEST(fileOnDatastore(sim, "vch-minimal/" + images.bootstrapName()));

  // List shows it with its version.
  auto list = engine::listVchs(*c, {}, images.version);
  BOOST_REQUIRE(list.size() == 1u);
  BOOST_TEST(list[0].id == vm->value);
  BOOST_TEST(list[0].name == "vch-minimal");
  BOOST_TEST(list[0].version == images.version.str());
  BOOST_TEST(list[0].upgradeStatus == "Up to date");
  BOOST_TEST(list[0].powerState == "poweredOn");
  BOOST_TEST(list[0].parent.id == pool->value);

  // Inspect returns what was asked.
  auto v = engine::inspectVch(*c, vm->value, images.version);
  BOOST_TEST(v.name == "vch-minimal");
  BOOST_TEST(v.compute.resource.name == "DC0_C0");
  BOOST_TEST(v.storage.imageStores.at(0) == "ds://LocalDS_0");
  BOOST_TEST(v.network.bridge->portGroup.name == "DC0_DVPG0");
  BOOST_TEST(v.network.bridge->ipRange == "172.16.0.0/12");
  BOOST_TEST(v.network.publicNet->portGroup.name == "VM Network");
  BOOST_TEST(v.auth.noTlsVerify);
  BOOST_TEST(v.auth.generate->cname == "vch-minimal.example.com");
  BOOST_TEST(v.auth.serverCertificate.find("BEGIN CERTIFICATE") != std::string::npos);
  BOOST_TEST(v.auth.serverPrivateKey.empty());
  BOOST_TEST(v.runtime.powerState == "poweredOn");
  BOOST_TEST(v.runtime.upgradeStatus == "Up to date");

  // Once the endpoint reports an address (vcsim's hook plays the guest),
  // list shows where to reach it.
  BOOST_TEST(list[0].dockerHost.empty());
  engine::actions::setExtraConfig(*c, *vm, {{"SET.guest.ipAddress", "10.10.10.10"}});
  list = engine::listVchs(*c, {}, images.version);
  BOOST_TEST(list[0].dockerHost == "10.10.10.10:2376");
  BOOST_TEST(list[0].adminPortal == "https://10.10.10.10:2378");

  // Delete leaves nothing behind.
  engine::deleteVch(*c, vm->value, {}, observer);
  const auto after = test::snapshotWorld(*c, sim);
  BOOST_TEST((after == before), test::describeDifference(before, after));
}

BOOST_AUTO_TEST_CASE(delete_refuses_running_containers_and_keeps_volumes_unless_asked) {
  auto c = test::loggedInClient();
  test::allowVchFirewall(*c);
  auto& sim = test::SimulatorFixture::current();
  const auto before = test::snapshotWorld(*c, sim);
  auto body = test::minimalVchBody("vch-delete");
  body["storage"]["volume_stores"] = {
      {{"datastore", "ds://LocalDS_0/vch-delete-volumes"}, {"label", "default"}}};
  test::RecordingObserver observer;
  auto vm = test::createFromBody(*c, body, observer).vm;

  // A container VM of this VCH in its pool, running.
  auto container = vmInPool(*c, "vch-delete", "container-1", vm);
  vim::VirtualMachine(*c, container).powerOn().wait();

  const auto withVch = test::snapshotWorld(*c, sim);
  try {
    engine::deleteVch(*c, vm.value, {}, observer);
    BOOST_FAIL("delete should refuse");
  } catch (const engine::ConflictError& e) {
    BOOST_TEST(std::string(e.what()).find("VM \"container-1\" is powered on") != std::string::npos);
  }
  const auto refused = test::snapshotWorld(*c, sim);
  BOOST_TEST((refused == withVch), test::describeDifference(withVch, refused));  // nothing touched

  engine::deleteVch(*c, vm.value, {true, false}, observer);
  auto after = test::snapshotWorld(*c, sim);
  // Only the volume store remains, as asked; the container VM went with the VCH.
  std::set<std::string> kept;
  for (const auto& f : after.files)
    if (f.find("vch-delete-volumes") != std::string::npos) kept.insert(f);
  BOOST_TEST(kept.size() == 1u);
  for (const auto& f : kept)
    after.files.erase(f);
  BOOST_TEST((after == before), test::describeDifference(before, after));
}

// Only what carries the VCH's container key is its container; any other VM
// in its pool stops the delete before anything changes, and is never deleted.
BOOST_AUTO_TEST_CASE(delete_leaves_vms_that_are_not_the_vchs) {
  auto c = test::loggedInClient();
  test::allowVchFirewall(*c);
  auto& sim = test::SimulatorFixture::current();
  test::RecordingObserver observer;
  auto vm = test::createFromBody(*c, test::minimalVchBody("vch-foreign"), observer).vm;
  const auto container = vmInPool(*c, "vch-foreign", "container-2", vm);
  const auto foreign = vmInPool(*c, "vch-foreign", "someone-elses-vm");
  // Another VCH's container is not this one's either.
  const auto neighbours =
      vmInPool(*c, "vch-foreign", "other-vchs-container", vim::Moref{"VirtualMachine", "vm-999"});

  const auto withVch = test::snapshotWorld(*c, sim);
  try {
    engine::deleteVch(*c, vm.value, {true, false}, observer);
    BOOST_FAIL("delete should refuse");
  } catch (const engine::ConflictError& e) {
    const std::string said = e.what();
    BOOST_TEST(said.find("\"someone-elses-vm\"") != std::string::npos, said);
    BOOST_TEST(said.find("\"other-vchs-container\"") != std::string::npos, said);
    BOOST_TEST(said.find("container-2") == std::string::npos, said);
    BOOST_TEST(said.find("other_vms") != std::string::npos, said);
  }
  const auto refused = test::snapshotWorld(*c, sim);
  BOOST_TEST((refused == withVch), test::describeDifference(withVch, refused));

  engine::DeleteSpec keep;
  keep.keepOtherVms = true;
  engine::deleteVch(*c, vm.value, keep, observer);
  auto exists = [&](const vim::Moref& ref) {
    try {
      vim::PropertyCollector(*c).retrieveOne(ref, {"name"});
      return true;
    } catch (const ManagedObjectNotFoundFault&) {
      return false;
    }
  };
  BOOST_TEST(!exists(vm));
  BOOST_TEST(!exists(container));
  BOOST_TEST(exists(foreign));
  BOOST_TEST(exists(neighbours));
  // What was left stays the administrator's; the test tidies it away.
  for (const auto& other : {foreign, neighbours})
    vim::VirtualMachine(*c, other).destroy().wait();
  for (const auto* path : {"/DC0/host/DC0_C0/Resources/vch-foreign", "/DC0/vm/vch-foreign"})
    if (auto left = vim::SearchIndex(*c).findByInventoryPath(path))
      engine::actions::destroyIfExists(*c, *left);
}

// volume_stores all takes only the stores this VCH's create made and no other
// VCH uses: two VCHs sharing a store each leave it to the other.
BOOST_AUTO_TEST_CASE(delete_keeps_volume_stores_another_vch_uses_or_made) {
  auto c = test::loggedInClient();
  test::allowVchFirewall(*c);
  auto& sim = test::SimulatorFixture::current();
  const auto before = test::snapshotWorld(*c, sim);
  test::RecordingObserver observer;
  auto bodyOf = [](const std::string& name) {
    auto body = test::minimalVchBody(name);
    body["storage"]["volume_stores"] = {
        {{"datastore", "ds://LocalDS_0/shared-volumes"}, {"label", "default"}}};
    return body;
  };
  const auto first = test::createFromBody(*c, bodyOf("vch-share-1"), observer).vm;   // makes it
  const auto second = test::createFromBody(*c, bodyOf("vch-share-2"), observer).vm;  // finds it
  BOOST_TEST_REQUIRE(fileOnDatastore(sim, "shared-volumes"));

  engine::deleteVch(*c, first.value, {false, true}, observer);
  BOOST_TEST(fileOnDatastore(sim, "shared-volumes"), "the second VCH still uses it");
  engine::deleteVch(*c, second.value, {false, true}, observer);
  BOOST_TEST(fileOnDatastore(sim, "shared-volumes"), "the second VCH did not make it");

  auto after = test::snapshotWorld(*c, sim);
  std::set<std::string> kept;
  for (const auto& f : after.files)
    if (f.find("shared-volumes") != std::string::npos) kept.insert(f);
  for (const auto& f : kept)
    after.files.erase(f);
  BOOST_TEST((after == before), test::describeDifference(before, after));
  engine::actions::deleteIfExists(*c, *vim::SearchIndex(*c).findByInventoryPath("/DC0"),
                                  "[LocalDS_0] shared-volumes");
}

BOOST_AUTO_TEST_CASE(delete_with_volume_stores_all_removes_them) {
  auto c = test::loggedInClient();
  test::allowVchFirewall(*c);
  auto& sim = test::SimulatorFixture::current();
  const auto before = test::snapshotWorld(*c, sim);
  auto body = test::minimalVchBody("vch-delete-all");
  body["storage"]["volume_stores"] = {
      {{"datastore", "ds://LocalDS_0/nested/volumes"}, {"label", "default"}},
      {{"datastore", "ds://LocalDS_0/nested/more"}, {"label", "more"}}};
  test::RecordingObserver observer;
  auto vm = test::createFromBody(*c, body, observer).vm;
  engine::deleteVch(*c, vm.value, {false, true}, observer);
  const auto after = test::snapshotWorld(*c, sim);
  BOOST_TEST((after == before), test::describeDifference(before, after));
}

BOOST_AUTO_TEST_SUITE_END()
