#include "tests/support/engine_world.h"

#include <boost/test/unit_test.hpp>

#include "tests/support/simulator_fixture.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/containers.h"
#include "vicapi/engine/firewall.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/vim/folder.h"
#include "vicapi/vim/inventory.h"
#include "vicapi/vim/property_collector.h"

namespace vic::test {

namespace fs = std::filesystem;

engine::ApplianceImages olderImages() {
  auto images = engine::ApplianceImages::locate();
  images.version = *version::Version::parse("v1.5.0-0-0000000");
  return images;
}

vim::Moref createOlderVch(vim::Client& c, const std::string& name) {
  allowVchFirewall(c);
  RecordingObserver observer;
  engine::Issues schema;
  auto vch = engine::vchFromJson(minimalVchBody(name), schema);
  engine::ResolvedVch resolved;
  auto o = validationOptions();
  o.applianceVersion = olderImages().version.str();
  BOOST_TEST_REQUIRE(engine::validateVch(c, vch, o, resolved).empty());
  auto co = createOptions();
  co.images = olderImages();
  return engine::createVch(c, resolved, co, observer).vm;
}

vim::Moref createContainerVm(vim::Client& c, const vim::Moref& vch, const std::string& name,
                             const std::string& image, const std::string& ports, bool poweredOn) {
  auto o = vim::PropertyCollector(c).retrieveOne(vch, {"resourcePool", "parent"});
  vim::VmConfigSpec spec;
  spec.name = name + "-" + vch.value;
  spec.guestId = "otherGuest64";
  spec.vmPathName = "[LocalDS_0]";
  spec.extraConfig = {{engine::kContainerVchKey, vch.str()},
                      {engine::kContainerNameKey, name},
                      {engine::kContainerImageKey, image},
                      {engine::kContainerPortsKey, ports}};
  auto vm = vim::Moref::from(vim::Folder(c, vim::Moref::from(*o.prop("parent")))
                                 .createVM(spec, vim::Moref::from(*o.prop("resourcePool")))
                                 .wait());
  if (poweredOn) engine::actions::ensurePoweredOn(c, vm);
  return vm;
}

engine::ValidationOptions validationOptions() {
  auto& s = SimulatorFixture::current();
  engine::ValidationOptions o;
  o.trust = tls::Trust::pin(s.thumbprint());
  o.applianceVersion = engine::ApplianceImages::locate().version.str();
  o.fallbackOperations = engine::OperationsCredentials{kTestUser, Secret(kTestPassword), false};
  return o;
}

engine::CreateOptions createOptions() {
  auto& s = SimulatorFixture::current();
  engine::CreateOptions o;
  o.images = engine::ApplianceImages::locate();
  o.target = "https://" + s.target() + "/sdk";
  o.targetThumbprint = s.thumbprint().str();
  return o;
}

void allowVchFirewall(vim::Client& client) {
  engine::setFirewall(client, std::nullopt, true);
}

engine::CreateResult createFromBody(vim::Client& client, const nlohmann::json& body,
                                    engine::PlanObserver& observer, const engine::FaultHook& hook) {
  engine::Issues schema;
  auto vch = engine::vchFromJson(body, schema);
  BOOST_TEST_REQUIRE(schema.empty(), schema.summary());
  engine::ResolvedVch resolved;
  auto issues = engine::validateVch(client, vch, validationOptions(), resolved);
  BOOST_TEST_REQUIRE(issues.empty(), issues.summary());
  auto options = createOptions();
  options.faultHook = hook;
  return engine::createVch(client, resolved, options, observer);
}

WorldSnapshot snapshotWorld(vim::Client& client, const sim::Simulator& sim) {
  WorldSnapshot w;
  auto inv = vim::Inventory::load(client);
  for (const char* type : {"Folder", "Datacenter", "ClusterComputeResource", "ComputeResource",
                           "HostSystem", "ResourcePool", "VirtualApp", "VirtualMachine",
                           "Datastore", "Network", "DistributedVirtualPortgroup"})
    for (const auto* i : inv.ofType(type))
      w.inventory.insert(std::string(type) + " " + inv.path(i->ref));
  for (const auto& e : fs::recursive_directory_iterator(sim.datastoreRoot()))
    w.files.insert(fs::relative(e.path(), sim.datastoreRoot()).string());
  vim::PropertyCollector pc(client);
  auto am = pc.retrieveOne(client.serviceContent().authorizationManager, {"roleList"});
  if (const auto* roles = am.prop("roleList"))
    for (const auto& r : roles->children)
      w.extras.insert("role " + r.textOf("name"));
  auto perms =
      client.invoke("RetrieveAllPermissions", client.serviceContent().authorizationManager);
  for (const auto* p : perms.all("returnval"))
    w.extras.insert("permission " + p->textOf("principal") + " on " + p->at("entity").text +
                    " role " + p->textOf("roleId"));
  for (const auto* c : inv.ofType("ClusterComputeResource")) {
    auto cfg = pc.retrieveOne(c->ref, {"configurationEx"});
    if (const auto* ex = cfg.prop("configurationEx"))
      for (const auto* g : ex->all("group"))
        w.extras.insert("drs group " + g->textOf("name"));
  }
  return w;
}

std::string describeDifference(const WorldSnapshot& a, const WorldSnapshot& b) {
  std::string out;
  auto diff = [&](const char* what, const std::set<std::string>& x,
                  const std::set<std::string>& y) {
    for (const auto& s : y)
      if (!x.count(s)) out += std::string("\n  left behind ") + what + ": " + s;
    for (const auto& s : x)
      if (!y.count(s)) out += std::string("\n  removed ") + what + ": " + s;
  };
  diff("object", a.inventory, b.inventory);
  diff("file", a.files, b.files);
  diff("setting", a.extras, b.extras);
  return out.empty() ? "no difference" : out;
}

}  // namespace vic::test
