#include "vicapi/engine/upgrade.h"

#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/errors.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/engine/vch_record.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/datastore_files.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/virtual_machine.h"

namespace vic::engine {

namespace gi = guestinfo;
using nlohmann::json;

namespace {

constexpr const char* kSnapshotPrefix = "upgrade for ";

// Snapshots an earlier upgrade left for rollback, other than `keep`.
std::vector<vim::Moref> earlierUpgradeSnapshots(vim::Client& c, const vim::Moref& vm,
                                                const vim::Moref& keep) {
  std::vector<vim::Moref> out;
  auto o = vim::PropertyCollector(c).retrieveOne(vm, {"snapshot.rootSnapshotList"});
  std::function<void(const soap::Node&)> walk = [&](const soap::Node& list) {
    for (const auto& tree : list.children) {
      if (tree.textOf("name").rfind(kSnapshotPrefix, 0) == 0) {
        auto ref = vim::Moref::from(tree.at("snapshot"));
        if (ref != keep) out.push_back(ref);
      }
      for (const auto* child : tree.all("childSnapshotList")) {
        soap::Node wrapper("list");
        wrapper.children.push_back(*child);
        walk(wrapper);
      }
    }
  };
  if (const auto* list = o.prop("snapshot.rootSnapshotList")) walk(*list);
  return out;
}

// Points the endpoint VM at other images and another version, recording the
// undo of every key and of the CD-ROM first.
void switchImages(vim::Client& client, const VchRecord& r, const gi::Placement& placement,
                  const std::string& version, StepContext& ctx) {
  const vim::Moref vm = r.vm;
  const auto cdrom = actions::findCdrom(client, vm);
  if (!cdrom) throw Error("the endpoint VM has no CD-ROM for the appliance image");
  // Explicit undos as well as the snapshot: they also work where a revert
  // does not restore configuration (vcsim).
  ctx.recordUndo(
      undo::SetCdrom{vm, cdrom->key, cdrom->controllerKey, cdrom->unitNumber, cdrom->iso});
  actions::setCdromIso(client, vm, *cdrom, placement.applianceIso);
  const std::string prefix = std::string(gi::kPlacementPrefix) + "/";
  auto before = gi::flatten(gi::placementToJson(r.stored.placement), prefix);
  gi::KeyValues values =
      gi::diff(before, gi::flatten(gi::placementToJson(placement), prefix), prefix);
  values[gi::kVersionKey] = version;
  std::map<std::string, std::string> old;
  for (const auto& [k, v] : values) {
    auto it = r.extraConfig.find(k);
    old[k] = it == r.extraConfig.end() ? "" : it->second;
  }
  const std::string guest = vim::PropertyCollector(client)
                                .retrieveOne(vm, {"config.alternateGuestName"})
                                .text("config.alternateGuestName");
  ctx.recordUndo(undo::SetExtraConfig{vm, old, guest});
  vim::VmConfigSpec spec;
  spec.alternateGuestName = "Photon - VCH " + version;
  spec.extraConfig.assign(values.begin(), values.end());
  vim::VirtualMachine(client, vm).reconfigure(spec).wait();
}

// The snapshot the last upgrade left, if any.
std::optional<vim::Moref> upgradeSnapshot(vim::Client& c, const vim::Moref& vm) {
  auto all = earlierUpgradeSnapshots(c, vm, vim::Moref{});
  if (all.empty()) return std::nullopt;
  return all.back();
}

}  // namespace

std::vector<std::string> upgradeStepNames() {
  return {"lock", "upload_images", "snapshot", "power_off", "switch_version", "power_on", "unlock"};
}

PreparedUpgrade prepareUpgrade(vim::Client& client, const std::string& id,
                               const UpgradeOptions& options) {
  PreparedUpgrade prepared{loadVch(client, id), options};
  const VchRecord& r = prepared.record;
  const auto& images = options.images;
  const auto from = version::Version::parse(r.stored.version);
  if (!from)
    throw ConflictError("the version of VCH " + r.name + " (\"" + r.stored.version +
                        "\") cannot be read");
  if (from->build >= images.version.build)
    throw ConflictError("VCH " + r.name + " is at " + r.stored.version +
                        ", the same as or newer than this appliance (" + images.version.str() +
                        "); no upgrade is available");
  if (r.stored.locked)
    throw ConflictError("VCH " + r.name +
                        " is being upgraded or configured; try again when that has finished");

  return prepared;
}

void executeUpgrade(vim::Client& client, const PreparedUpgrade& prepared, PlanObserver& observer) {
  const VchRecord& r = prepared.record;
  const auto& images = prepared.options.images;
  const auto from = version::Version::parse(r.stored.version);
  const vim::Moref vm = r.vm;
  const auto& p = r.stored.placement;
  const vim::Moref dc = vim::Moref::parse(p.datacenter);
  const std::string newAppliance = p.imagePath + "/" + images.applianceName();
  const std::string newBootstrap = p.imagePath + "/" + images.bootstrapName();
  const bool running = r.powerState == "poweredOn";
  auto snapshot = std::make_shared<vim::Moref>();

  Plan plan;
  plan.add({"lock", "Mark " + r.name + " as being upgraded", [&](StepContext& ctx) {
              actions::setExtraConfig(client, vm, {{gi::kLockKey, "true"}});
              ctx.recordUndo(undo::SetExtraConfig{vm, {{gi::kLockKey, ""}}, {}});
            }});
  plan.add({"upload_images", "Upload " + images.applianceName() + " and " + images.bootstrapName(),
            [&](StepContext& ctx) {
              vim::DatastoreFiles files(client, p.datacenterPath, p.datastore);
              const std::string folder = p.imagePath.substr(p.imagePath.find("] ") + 2);
              for (const auto& [local, remote, name] :
                   {std::tuple{images.applianceIso, newAppliance, images.applianceName()},
                    std::tuple{images.bootstrapIso, newBootstrap, images.bootstrapName()}}) {
                ctx.recordUndo(undo::DeleteDatastoreFile{dc, remote});
                files.upload(local, folder + "/" + name);
              }
            }});
  plan.add({"snapshot", "Snapshot the endpoint VM", [&](StepContext& ctx) {
              *snapshot =
                  actions::createSnapshot(client, vm, kSnapshotPrefix + std::to_string(from->build),
                                          "before the upgrade to " + images.version.str());
              ctx.recordUndo(undo::RevertSnapshot{vm, *snapshot, r.powerState});
            }});
  plan.add({"power_off", "Stop the endpoint VM", [&](StepContext& ctx) {
              actions::ensurePoweredOff(client, vm);
              if (running) ctx.recordUndo(undo::PowerOn{vm});
            }});
  plan.add({"switch_version", "Switch the endpoint VM to " + images.version.str(),
            [&](StepContext& ctx) {
              auto placement = p;
              placement.previousVersion = r.stored.version;
              placement.previousApplianceIso = p.applianceIso;
              placement.previousBootstrapIso = p.bootstrapIso;
              placement.applianceIso = newAppliance;
              placement.bootstrapIso = newBootstrap;
              switchImages(client, r, placement, images.version.str(), ctx);
            }});
  plan.add({"power_on", "Start the endpoint VM", [&](StepContext& ctx) {
              if (!running) return;
              actions::ensurePoweredOn(client, vm);
              ctx.recordUndo(undo::PowerOff{vm});
            }});
  plan.add({"unlock", "Mark " + r.name + " as no longer being upgraded", [&](StepContext&) {
              // The new snapshot stays for a rollback; older upgrade snapshots go.
              for (const auto& old : earlierUpgradeSnapshots(client, vm, *snapshot))
                actions::removeSnapshotIfExists(client, old);
              actions::setExtraConfig(client, vm, {{gi::kLockKey, ""}});
            }});
  plan.execute(client, observer, prepared.options.faultHook);
}

void upgradeVch(vim::Client& client, const std::string& id, const UpgradeOptions& options,
                PlanObserver& observer) {
  executeUpgrade(client, prepareUpgrade(client, id, options), observer);
}

}  // namespace vic::engine

namespace vic::engine {

std::vector<std::string> rollbackStepNames() {
  return {"lock", "power_off", "revert", "switch_version", "power_on", "remove_snapshot", "unlock"};
}

void rollbackVch(vim::Client& client, const std::string& id, PlanObserver& observer,
                 const FaultHook& hook) {
  const VchRecord r = loadVch(client, id);
  const auto& p = r.stored.placement;
  if (p.previousVersion.empty())
    throw ConflictError(
        "VCH " + r.name +
        " has no earlier version to roll back to; only the last upgrade can be undone");
  if (r.stored.locked)
    throw ConflictError("VCH " + r.name +
                        " is being upgraded or configured; try again when that has finished");
  const auto snapshot = upgradeSnapshot(client, r.vm);
  const vim::Moref vm = r.vm;
  const bool running = r.powerState == "poweredOn";

  Plan plan;
  plan.add({"lock", "Mark " + r.name + " as being rolled back", [&](StepContext& ctx) {
              actions::setExtraConfig(client, vm, {{gi::kLockKey, "true"}});
              ctx.recordUndo(undo::SetExtraConfig{vm, {{gi::kLockKey, ""}}, {}});
            }});
  plan.add({"power_off", "Stop the endpoint VM", [&](StepContext& ctx) {
              actions::ensurePoweredOff(client, vm);
              if (running) ctx.recordUndo(undo::PowerOn{vm});
            }});
  plan.add({"revert", "Revert the endpoint VM to its snapshot from before the upgrade",
            [&](StepContext& ctx) {
              if (snapshot)
                actions::revertToSnapshot(client, *snapshot);
              else
                ctx.log("no upgrade snapshot is left; restoring the images and version only");
            }});
  plan.add({"switch_version", "Switch the endpoint VM back to " + p.previousVersion,
            [&](StepContext& ctx) {
              auto placement = p;
              placement.applianceIso = p.previousApplianceIso;
              placement.bootstrapIso = p.previousBootstrapIso;
              placement.previousVersion.clear();
              placement.previousApplianceIso.clear();
              placement.previousBootstrapIso.clear();
              switchImages(client, r, placement, p.previousVersion, ctx);
            }});
  plan.add({"power_on", "Start the endpoint VM", [&](StepContext& ctx) {
              if (!running) return;
              actions::ensurePoweredOn(client, vm);
              ctx.recordUndo(undo::PowerOff{vm});
            }});
  plan.add({"remove_snapshot", "Remove the upgrade snapshot", [&](StepContext&) {
              if (snapshot) actions::removeSnapshotIfExists(client, *snapshot);
            }});
  plan.add({"unlock", "Mark " + r.name + " as no longer being rolled back", [&](StepContext&) {
              actions::setExtraConfig(client, vm, {{gi::kLockKey, ""}});
            }});
  plan.execute(client, observer, hook);
}

}  // namespace vic::engine
