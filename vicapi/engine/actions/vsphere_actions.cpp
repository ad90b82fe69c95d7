#include "vicapi/engine/actions/vsphere_actions.h"

#include <algorithm>

#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/cluster.h"
#include "vicapi/vim/devices.h"
#include "vicapi/vim/file_manager.h"
#include "vicapi/vim/managed_object.h"
#include "vicapi/vim/option_values.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/resource_pool.h"
#include "vicapi/vim/virtual_machine.h"

namespace vic::engine::actions {

using soap::el;

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
  return list ? vim::fromOptionValues(*list) : guestinfo::KeyValues{};
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
  return devices ? vim::devices::firstCdrom(*devices) : std::nullopt;
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
  return vim::Moref::from(vim::VirtualMachine(c, vm).createSnapshot(name, description).wait());
}

void revertToSnapshot(vim::Client& c, const vim::Moref& snapshot) {
  vim::VirtualMachineSnapshot(c, snapshot).revert().wait();
}

void removeSnapshotIfExists(vim::Client& c, const vim::Moref& snapshot) {
  try {
    vim::VirtualMachineSnapshot(c, snapshot).remove(false).wait();
  } catch (const ManagedObjectNotFoundFault&) {
  }
}

void addVmGroup(vim::Client& c, const vim::Moref& cluster, const std::string& name,
                const vim::Moref& vm) {
  vim::ClusterComputeResource(c, cluster).addVmGroup(name, {vm}).wait();
}

void removeVmGroupIfExists(vim::Client& c, const vim::Moref& cluster, const std::string& name) {
  const vim::ClusterComputeResource drs(c, cluster);
  const auto names = drs.groupNames();
  if (std::find(names.begin(), names.end(), name) == names.end()) return;
  drs.removeGroup(name).wait();
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

}  // namespace vic::engine::actions
