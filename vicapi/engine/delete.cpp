#include "vicapi/engine/delete.h"

#include <algorithm>

#include "vicapi/engine/actions/permissions.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/containers.h"
#include "vicapi/engine/vch_record.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/log.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/option_values.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/view.h"

namespace vic::engine {

namespace {

// The VMs in the VCH's pool besides its endpoint: its containers are those
// that carry its container key; any other was put there by someone else.
struct PoolVms {
  std::vector<ContainerVm> containers, others;
};

PoolVms poolVms(vim::Client& c, const VchRecord& r) {
  PoolVms out;
  if (r.pool.empty() || !r.stored.placement.ownPool) return out;
  auto pool = vim::PropertyCollector(c).retrieveOne(r.pool, {"vm"});
  std::vector<vim::ObjectSpec> vms;
  if (const auto* list = pool.prop("vm"))
    for (const auto& v : list->children)
      if (vim::Moref::from(v) != r.vm) vms.push_back({vim::Moref::from(v)});
  if (vms.empty()) return out;
  for (const auto& o : vim::PropertyCollector(c).retrieve(
           {{"VirtualMachine", {"name", "runtime.powerState", "config.extraConfig"}}}, vms)) {
    ContainerVm vm{o.obj, o.text("name"), o.text("runtime.powerState") == "poweredOn"};
    bool ours = false;
    if (const auto* ec = o.prop("config.extraConfig"))
      for (const auto& kv : vim::fromOptionValues(*ec))
        ours |= kv.first == kContainerVchKey && kv.second == r.vm.str();
    (ours ? out.containers : out.others).push_back(std::move(vm));
  }
  return out;
}

std::string quotedNames(const std::vector<ContainerVm>& vms, bool onlyRunning) {
  std::string out;
  for (const auto& vm : vms)
    if (!onlyRunning || vm.running) out += (out.empty() ? "" : ", ") + ("\"" + vm.name + "\"");
  return out;
}

// Stands for the paths of a VCH whose placement cannot be read.
constexpr const char* kUnknownPaths = "*";

// Where the other VCHs of the datacenter keep their images and volume stores,
// in one pass over its VMs.
std::vector<std::string> othersPaths(vim::Client& c, const VchRecord& r, const vim::Moref& dc) {
  std::vector<std::string> out;
  if (dc.empty()) return out;
  vim::retrieveEachFromContainer(c, dc, {{"VirtualMachine", {"config.extraConfig"}}},
                                 [&](vim::ObjectContent&& o) {
                                   const auto* ec = o.prop("config.extraConfig");
                                   if (!ec || o.obj == r.vm) return;
                                   const auto kv = vim::fromOptionValues(*ec);
                                   if (!guestinfo::isVch(kv, o.obj.str())) return;
                                   try {
                                     const auto p = guestinfo::decode(kv).placement;
                                     if (!p.imagePath.empty()) out.push_back(p.imagePath);
                                     for (const auto& [label, path] : p.volumeStores)
                                       out.push_back(path);
                                   } catch (const std::exception& e) {
                                     // Where it keeps things is unknown: keep everything.
                                     logger()->warn(
                                         "VCH {} cannot be read ({}); no storage is "
                                         "deleted with this VCH",
                                         o.obj.str(), e.what());
                                     out.push_back(kUnknownPaths);
                                   }
                                 });
  return out;
}

// "[ds] a" and "[ds] a/b" overlap: deleting either takes something of the other.
bool overlaps(const std::string& a, const std::string& b) {
  auto under = [](const std::string& inner, const std::string& outer) {
    return inner == outer || inner.rfind(outer + "/", 0) == 0;
  };
  return under(a, b) || under(b, a);
}

bool usedByOthers(const PreparedDelete& prepared, const std::string& path) {
  const auto& others = prepared.othersPaths;
  return std::any_of(others.begin(), others.end(),
                     [&](const std::string& o) { return o == kUnknownPaths || overlaps(path, o); });
}

bool madeBy(const guestinfo::Placement& p, const std::string& path) {
  return std::any_of(
      p.createdVolumeDirs.begin(), p.createdVolumeDirs.end(),
      [&](const std::string& made) { return path == made || path.rfind(made + "/", 0) == 0; });
}

bool isEmpty(vim::Client& c, const vim::Moref& entity, const char* childProperty) {
  try {
    auto o = vim::PropertyCollector(c).retrieveOne(entity, {childProperty});
    const auto* children = o.prop(childProperty);
    return !children || children->children.empty();
  } catch (const ManagedObjectNotFoundFault&) {
    return false;  // gone already: nothing to do
  }
}

}  // namespace

PreparedDelete prepareDelete(vim::Client& client, const std::string& id, const DeleteSpec& spec) {
  PreparedDelete prepared;
  prepared.record = loadVch(client, id);
  prepared.spec = spec;
  const VchRecord& r = prepared.record;
  const auto& p = r.stored.placement;
  if (!p.datacenter.empty())
    prepared.othersPaths = othersPaths(client, r, vim::Moref::parse(p.datacenter));
  auto vms = poolVms(client, r);
  prepared.containers = std::move(vms.containers);
  prepared.otherVms = std::move(vms.others);

  if (const auto running = quotedNames(prepared.containers, true);
      !running.empty() && !spec.allContainers)
    throw ConflictError("failed to delete VCH " + r.name + ": VM " + running +
                        " is powered on; stop the containers, or delete with containers set to "
                        "\"all\"");
  if (const auto others = quotedNames(prepared.otherVms, false);
      !others.empty() && !spec.keepOtherVms)
    throw ConflictError("failed to delete VCH " + r.name + ": its resource pool also holds VM " +
                        others +
                        ", which is not one of its containers; move it out, or delete with "
                        "other_vms set to \"keep\" (the VM and the pool are then left in place)");

  return prepared;
}

void executeDelete(vim::Client& client, const PreparedDelete& prepared, PlanObserver& observer,
                   const FaultHook& hook) {
  const VchRecord& r = prepared.record;
  const auto& spec = prepared.spec;
  const auto& containers = prepared.containers;
  const auto& p = r.stored.placement;
  const vim::Moref dc = p.datacenter.empty() ? vim::Moref{} : vim::Moref::parse(p.datacenter);
  Plan plan;
  if (!containers.empty()) {
    plan.add({"containers", "Delete " + std::to_string(containers.size()) + " container VM(s)",
              [&](StepContext& ctx) {
                for (const auto& cvm : containers) {
                  ctx.log("deleting container VM " + cvm.name);
                  actions::destroyVmIfExists(client, cvm.ref);
                }
              }});
  }
  plan.add({"endpoint_vm", "Delete the endpoint VM " + r.name,
            [&](StepContext&) { actions::destroyVmIfExists(client, r.vm); }});
  if (spec.allVolumeStores && !dc.empty()) {
    plan.add({"volume_stores", "Delete the volume stores", [&](StepContext& ctx) {
                for (const auto& [label, path] : p.volumeStores) {
                  if (path.rfind("[", 0) != 0)
                    ctx.log("volume store " + label + " is on NFS (" + path +
                            ") and is left in place");
                  else if (!madeBy(p, path))
                    ctx.log("volume store " + label + " (" + path +
                            ") was there before this VCH and is left in place");
                  else if (usedByOthers(prepared, path))
                    ctx.log("volume store " + label + " (" + path +
                            ") is used by another VCH too and is left in place");
                  else
                    actions::deleteIfExists(client, dc, path);
                }
                // Parents create made, innermost first, unless another VCH keeps
                // something in them.
                auto made = p.createdVolumeDirs;
                std::sort(made.begin(), made.end(),
                          [](const auto& a, const auto& b) { return a.size() > b.size(); });
                for (const auto& d : made)
                  if (!usedByOthers(prepared, d)) actions::deleteIfExists(client, dc, d);
              }});
  }
  if (!p.imagePath.empty() && !dc.empty()) {
    // Validation keeps volume stores out of this folder, and create makes it
    // anew, so all of it goes, unless another VCH (made before create made
    // sure of that) keeps its images there too.
    plan.add({"datastore_folder", "Delete " + p.imagePath, [&](StepContext& ctx) {
                if (usedByOthers(prepared, p.imagePath))
                  ctx.log(p.imagePath + " is used by another VCH too and is left in place");
                else
                  actions::deleteIfExists(client, dc, p.imagePath);
              }});
  }
  if (!p.permissions.empty()) {
    plan.add(
        {"permissions", "Remove the permissions granted to the operations user", [&](StepContext&) {
           const auto& ops = r.stored.model.endpoint.operationsCredentials;
           if (!ops) return;
           for (const auto& e : p.permissions) {
             actions::removePermissionIfExists(client, vim::Moref::parse(e), ops->user, false);
           }
         }});
  }
  if (!p.vmGroupCluster.empty()) {
    plan.add({"vm_group", "Delete the DRS VM group " + r.name, [&](StepContext&) {
                actions::removeVmGroupIfExists(client, vim::Moref::parse(p.vmGroupCluster), r.name);
              }});
  }
  if (!p.folder.empty()) {
    plan.add({"vm_folder", "Delete the VM folder " + r.name, [&](StepContext& ctx) {
                const auto folder = vim::Moref::parse(p.folder);
                if (isEmpty(client, folder, "childEntity"))
                  actions::destroyIfExists(client, folder);
                else
                  ctx.log("the VM folder " + r.name + " still holds VMs and is kept");
              }});
  }
  if (p.ownPool && !p.pool.empty()) {
    plan.add({"resource_pool", "Delete the resource pool " + r.name, [&](StepContext& ctx) {
                const auto pool = vim::Moref::parse(p.pool);
                if (isEmpty(client, pool, "vm") && isEmpty(client, pool, "resourcePool"))
                  actions::destroyIfExists(client, pool);
                else
                  ctx.log("the resource pool " + r.name + " still holds VMs or pools and is kept");
              }});
  }
  plan.executeForward(client, observer, hook);
}

void deleteVch(vim::Client& client, const std::string& id, const DeleteSpec& spec,
               PlanObserver& observer, const FaultHook& hook) {
  executeDelete(client, prepareDelete(client, id, spec), observer, hook);
}

}  // namespace vic::engine
