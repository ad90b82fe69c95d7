#include "vicapi/engine/ops/vsphere_ops.h"

#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/devices.h"
#include "vicapi/vim/file_manager.h"
#include "vicapi/vim/managed_object.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/resource_pool.h"
#include "vicapi/vim/virtual_machine.h"

namespace vic::engine::ops {

using soap::el;

namespace {

// Calls a method returning a task on `ref` and waits for it.
soap::Node runTask(vim::Client& c, const vim::Moref& ref, const std::string& method,
                   std::vector<soap::Node> args = {}) {
  auto r = c.invoke(method, ref, std::move(args));
  return vim::Task(c, vim::Moref::from(r.at("returnval")), method + " on " + ref.str()).wait();
}

}  // namespace

std::string powerState(vim::Client& c, const vim::Moref& vm) {
  return vim::PropertyCollector(c)
      .retrieveOne(vm, {"runtime.powerState"})
      .text("runtime.powerState");
}

void ensurePoweredOff(vim::Client& c, const vim::Moref& vm) {
  if (powerState(c, vm) == "poweredOff") return;
  try {
    vim::VirtualMachine(c, vm).powerOff().wait();
  } catch (const InvalidPowerStateFault&) {
    // Turned off meanwhile.
  }
}

void ensurePoweredOn(vim::Client& c, const vim::Moref& vm) {
  if (powerState(c, vm) == "poweredOn") return;
  try {
    vim::VirtualMachine(c, vm).powerOn().wait();
  } catch (const InvalidPowerStateFault&) {
  }
}

void destroyIfExists(vim::Client& c, const vim::Moref& entity) {
  try {
    vim::ManagedObject(c, entity).destroy().wait();
  } catch (const ManagedObjectNotFoundFault&) {
  }
}

void destroyVmIfExists(vim::Client& c, const vim::Moref& vm) {
  try {
    ensurePoweredOff(c, vm);
    vim::VirtualMachine(c, vm).destroy().wait();
  } catch (const ManagedObjectNotFoundFault&) {
  }
}

guestinfo::KeyValues readExtraConfig(vim::Client& c, const vim::Moref& vm) {
  auto o = vim::PropertyCollector(c).retrieveOne(vm, {"config.extraConfig"});
  const soap::Node* list = o.prop("config.extraConfig");
  return list ? guestinfo::fromOptionValues(*list) : guestinfo::KeyValues{};
}

void setExtraConfig(vim::Client& c, const vim::Moref& vm, const guestinfo::KeyValues& values) {
  if (values.empty()) return;
  vim::VmConfigSpec spec;
  spec.extraConfig.assign(values.begin(), values.end());
  vim::VirtualMachine(c, vm).reconfigure(spec).wait();
}

std::vector<std::string> makeDirectories(vim::Client& c, const vim::Moref& datacenter,
                                         const std::string& dsPath) {
  // "[ds] a/b/c" -> "[ds] a", "[ds] a/b", "[ds] a/b/c"
  const auto close = dsPath.find("] ");
  if (close == std::string::npos) return {};
  const std::string root = dsPath.substr(0, close + 2);
  std::string rel = dsPath.substr(close + 2);
  while (!rel.empty() && rel.back() == '/')
    rel.pop_back();
  while (!rel.empty() && rel.front() == '/')
    rel.erase(0, 1);
  std::vector<std::string> made;
  if (rel.empty()) return made;
  vim::FileManager fm(c);
  for (std::size_t pos = 0; pos != std::string::npos;) {
    pos = rel.find('/', pos + 1);
    const std::string level = root + rel.substr(0, pos);
    try {
      fm.makeDirectory(level, datacenter, false);
      made.push_back(level);
    } catch (const FileAlreadyExistsFault&) {
    }
  }
  return made;
}

void deleteIfExists(vim::Client& c, const vim::Moref& datacenter, const std::string& dsPath) {
  try {
    vim::FileManager(c).deleteDatastoreFile(dsPath, datacenter).wait();
  } catch (const FileNotFoundFault&) {
  }
}

std::optional<Cdrom> findCdrom(vim::Client& c, const vim::Moref& vm) {
  auto o = vim::PropertyCollector(c).retrieveOne(vm, {"config.hardware.device"});
  const soap::Node* devices = o.prop("config.hardware.device");
  if (!devices) return std::nullopt;
  for (const auto& d : devices->children) {
    if (d.xsiType != "VirtualCdrom") continue;
    Cdrom cd;
    cd.key = std::stoi(d.textOf("key", "0"));
    cd.controllerKey = std::stoi(d.textOf("controllerKey", "0"));
    cd.unitNumber = std::stoi(d.textOf("unitNumber", "0"));
    if (const soap::Node* b = d.find("backing")) cd.iso = b->textOf("fileName");
    return cd;
  }
  return std::nullopt;
}

void setCdromIso(vim::Client& c, const vim::Moref& vm, const Cdrom& device,
                 const std::string& iso) {
  vim::VmConfigSpec spec;
  spec.deviceChange.push_back(vim::devices::edit(
      vim::devices::isoCdrom(device.key, device.controllerKey, device.unitNumber, iso)));
  vim::VirtualMachine(c, vm).reconfigure(spec).wait();
}

vim::Moref createSnapshot(vim::Client& c, const vim::Moref& vm, const std::string& name,
                          const std::string& description) {
  auto result = runTask(c, vm, "CreateSnapshot_Task",
                        {el("name", name), el("description", description),
                         soap::boolEl("memory", false), soap::boolEl("quiesce", false)});
  return vim::Moref::from(result);
}

void revertToSnapshot(vim::Client& c, const vim::Moref& snapshot) {
  runTask(c, snapshot, "RevertToSnapshot_Task");
}

void removeSnapshotIfExists(vim::Client& c, const vim::Moref& snapshot) {
  try {
    runTask(c, snapshot, "RemoveSnapshot_Task", {soap::boolEl("removeChildren", false)});
  } catch (const ManagedObjectNotFoundFault&) {
  }
}

namespace {

soap::Node groupSpec(const std::string& operation, soap::Node payload) {
  soap::Node spec = soap::typed("ClusterConfigSpecEx", soap::Node("spec"));
  spec.add(el("groupSpec", {el("operation", operation), std::move(payload)}));
  return spec;
}

}  // namespace

void addVmGroup(vim::Client& c, const vim::Moref& cluster, const std::string& name,
                const vim::Moref& vm) {
  soap::Node info = soap::typed("ClusterVmGroup", el("info", {el("name", name)}));
  info.add(vm.node("vm"));
  runTask(c, cluster, "ReconfigureComputeResource_Task",
          {groupSpec("add", std::move(info)), soap::boolEl("modify", true)});
}

void removeVmGroupIfExists(vim::Client& c, const vim::Moref& cluster, const std::string& name) {
  auto o = vim::PropertyCollector(c).retrieveOne(cluster, {"configurationEx"});
  bool present = false;
  if (const soap::Node* cfg = o.prop("configurationEx"))
    for (const soap::Node* g : cfg->all("group"))
      present |= g->textOf("name") == name;
  if (!present) return;
  runTask(c, cluster, "ReconfigureComputeResource_Task",
          {groupSpec("remove", soap::typed("xsd:string", el("removeKey", name))),
           soap::boolEl("modify", true)});
}

void setPoolConfig(vim::Client& c, const vim::Moref& pool, const vim::ResourceConfigSpec& spec) {
  vim::ResourcePool(c, pool).updateConfig(std::nullopt, spec);
}

vim::ResourceConfigSpec poolConfig(vim::Client& c, const vim::Moref& pool) {
  auto o = vim::PropertyCollector(c).retrieveOne(
      pool, {"config.cpuAllocation", "config.memoryAllocation"});
  vim::ResourceConfigSpec spec;
  if (const auto* cpu = o.prop("config.cpuAllocation"))
    spec.cpu = vim::ResourceAllocation::from(*cpu);
  if (const auto* mem = o.prop("config.memoryAllocation"))
    spec.memory = vim::ResourceAllocation::from(*mem);
  return spec;
}

}  // namespace vic::engine::ops
