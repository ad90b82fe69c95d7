#include <boost/test/unit_test.hpp>

#include "tests/support/simulator_fixture.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/devices.h"
#include "vicapi/vim/folder.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/resource_pool.h"
#include "vicapi/vim/search_index.h"
#include "vicapi/vim/virtual_machine.h"

using namespace vic;

namespace {

vim::Moref at(vim::Client& c, const std::string& path) {
  auto ref = vim::SearchIndex(c).findByInventoryPath(path);
  BOOST_TEST_REQUIRE(ref.has_value(), "nothing at " << path);
  return *ref;
}

bool exists(vim::Client& c, const vim::Moref& ref) {
  try {
    vim::PropertyCollector(c).retrieveOne(ref, {"name"});
    return true;
  } catch (const ManagedObjectNotFoundFault&) {
    return false;
  }
}

std::string extra(const vim::ObjectContent& vm, const std::string& key) {
  if (const auto* list = vm.prop("config.extraConfig"))
    for (const auto& o : list->children)
      if (o.textOf("key") == key) return o.textOf("value");
  return "<absent>";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(managed_objects, *boost::unit_test::fixture<test::Vcsim>())

BOOST_AUTO_TEST_CASE(find_by_inventory_path) {
  auto c = test::loggedInClient();
  vim::SearchIndex index(*c);
  auto cluster = index.findByInventoryPath("/DC0/host/DC0_C0");
  BOOST_REQUIRE(cluster);
  BOOST_TEST(cluster->type == "ClusterComputeResource");
  BOOST_TEST(index.findByInventoryPath("DC0/host/DC0_C0/Resources")->type == "ResourcePool");
  BOOST_TEST(!index.findByInventoryPath("/DC0/host/nothing-here").has_value());
}

BOOST_AUTO_TEST_CASE(resource_pool_create_update_destroy) {
  auto c = test::loggedInClient();
  vim::ResourcePool root(*c, at(*c, "/DC0/host/DC0_C0/Resources"));
  vim::ResourceConfigSpec spec;
  spec.cpu.limit = 2000;
  spec.memory.reservation = 512;
  auto pool = root.createResourcePool("vch-pool", spec);
  BOOST_TEST(pool.type == "ResourcePool");
  auto cfg = vim::PropertyCollector(*c).retrieveOne(
      pool, {"config.cpuAllocation", "config.memoryAllocation"});
  BOOST_TEST(vim::ResourceAllocation::from(*cfg.prop("config.cpuAllocation")).limit == 2000);
  BOOST_TEST(vim::ResourceAllocation::from(*cfg.prop("config.memoryAllocation")).reservation ==
             512);

  BOOST_CHECK_THROW(root.createResourcePool("vch-pool", spec), DuplicateNameFault);

  spec.cpu.limit = 3000;
  vim::ResourcePool(*c, pool).updateConfig("vch-pool-renamed", spec);
  cfg = vim::PropertyCollector(*c).retrieveOne(pool, {"name", "config.cpuAllocation"});
  BOOST_TEST(cfg.text("name") == "vch-pool-renamed");
  BOOST_TEST(vim::ResourceAllocation::from(*cfg.prop("config.cpuAllocation")).limit == 3000);

  vim::ResourcePool(*c, pool).destroy().wait();
  BOOST_TEST(!exists(*c, pool));
}

BOOST_AUTO_TEST_CASE(vapp_and_folder_create_and_destroy) {
  auto c = test::loggedInClient();
  vim::ResourcePool root(*c, at(*c, "/DC0/host/DC0_C0/Resources"));
  auto vmFolder = at(*c, "/DC0/vm");
  auto app = root.createVApp("vch-app", {}, vmFolder);
  BOOST_TEST(app.type == "VirtualApp");
  auto folder = vim::Folder(*c, vmFolder).createFolder("vch-folder");
  BOOST_TEST(folder.type == "Folder");
  BOOST_TEST(at(*c, "/DC0/vm/vch-folder") == folder);
  BOOST_CHECK_THROW(vim::Folder(*c, vmFolder).createFolder("vch-folder"), DuplicateNameFault);
  vim::ResourcePool(*c, app).destroy().wait();
  vim::Folder(*c, folder).destroy().wait();
  BOOST_TEST(!exists(*c, app));
  BOOST_TEST(!exists(*c, folder));
}

BOOST_AUTO_TEST_CASE(vm_create_reconfigure_power_destroy_through_tasks) {
  auto c = test::loggedInClient();
  auto pool = at(*c, "/DC0/host/DC0_C0/Resources");
  vim::VmConfigSpec spec;
  spec.name = "endpoint-test";
  spec.guestId = "other3xLinux64Guest";
  spec.vmPathName = "[LocalDS_0]";
  spec.numCPUs = 2;
  spec.memoryMB = 1024;
  spec.deviceChange = {vim::devices::add(vim::devices::vmxnet3OnNetwork(-1, "VM Network")),
                       vim::devices::add(vim::devices::isoCdrom(-2, vim::devices::kIdeController0,
                                                                0, "[LocalDS_0] x/appliance.iso"))};
  spec.extraConfig = {{"guestinfo.vice./common/name", "endpoint-test"},
                      {"guestinfo.keep", "1"},
                      {"guestinfo.drop", "2"}};
  auto result = vim::Folder(*c, at(*c, "/DC0/vm")).createVM(spec, pool).wait();
  auto vmRef = vim::Moref::from(result);
  BOOST_TEST(vmRef.type == "VirtualMachine");
  vim::VirtualMachine vm(*c, vmRef);

  vim::PropertyCollector pc(*c);
  auto props = pc.retrieveOne(vmRef, {"name", "config.extraConfig", "config.hardware.device",
                                      "config.hardware.numCPU", "runtime.powerState"});
  BOOST_TEST(props.text("name") == "endpoint-test");
  BOOST_TEST(props.text("config.hardware.numCPU") == "2");
  BOOST_TEST(extra(props, "guestinfo.vice./common/name") == "endpoint-test");
  int nics = 0, cdroms = 0;
  for (const auto& d : props.prop("config.hardware.device")->children) {
    nics += d.xsiType == "VirtualVmxnet3";
    cdroms += d.xsiType == "VirtualCdrom";
  }
  BOOST_TEST(nics == 1);
  BOOST_TEST(cdroms == 1);

  vim::VmConfigSpec change;
  change.extraConfig = {{"guestinfo.keep", "changed"}, {"guestinfo.drop", ""}};
  vm.reconfigure(change).wait();
  props = pc.retrieveOne(vmRef, {"config.extraConfig"});
  BOOST_TEST(extra(props, "guestinfo.keep") == "changed");
  BOOST_TEST(extra(props, "guestinfo.drop") == "<absent>");

  vm.powerOn().wait();
  BOOST_TEST(pc.retrieveOne(vmRef, {"runtime.powerState"}).text("runtime.powerState") ==
             "poweredOn");
  // A task that fails raises the task's own fault.
  BOOST_CHECK_THROW(vm.powerOn().wait(), InvalidPowerStateFault);
  BOOST_CHECK_THROW(vm.destroy().wait(), InvalidStateFault);
  vm.powerOff().wait();
  vm.destroy().wait();
  BOOST_TEST(!exists(*c, vmRef));
}

BOOST_AUTO_TEST_SUITE_END()
