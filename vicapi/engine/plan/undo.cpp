#include "vicapi/engine/plan/undo.h"

#include <filesystem>

#include "vicapi/base/overloaded.h"
#include "vicapi/engine/actions/permissions.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/log.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/virtual_machine.h"

namespace vic::engine {

namespace {

// Every kind handled: a kind added to UndoRecord without its action here
// does not compile.
void run(vim::Client& c, const UndoRecord& record) {
  std::visit(
      Overloaded{
          [&](const undo::DestroyEntity& r) { actions::destroyIfExists(c, r.ref); },
          [&](const undo::DestroyVm& r) { actions::destroyVmIfExists(c, r.vm); },
          [&](const undo::PowerOff& r) {
            try {
              actions::ensurePoweredOff(c, r.vm);
            } catch (const ManagedObjectNotFoundFault&) {
            }
          },
          [&](const undo::PowerOn& r) { actions::ensurePoweredOn(c, r.vm); },
          [&](const undo::DeleteDatastoreFile& r) {
            actions::deleteIfExists(c, r.datacenter, r.path);
          },
          [&](const undo::SetExtraConfig& r) {
            vim::VmConfigSpec spec;
            spec.extraConfig.assign(r.values.begin(), r.values.end());
            if (r.alternateGuestName) spec.alternateGuestName = *r.alternateGuestName;
            vim::VirtualMachine(c, r.vm).reconfigure(spec).wait();
          },
          [&](const undo::SetPoolConfig& r) {
            try {
              actions::setPoolConfig(c, r.pool, {r.cpu, r.memory});
            } catch (const ManagedObjectNotFoundFault&) {
            }
          },
          [&](const undo::SetCdrom& r) {
            actions::setCdromIso(c, r.vm, actions::Cdrom{r.key, r.controllerKey, r.unit, ""},
                                 r.iso);
          },
          [&](const undo::RevertSnapshot& r) {
            try {
              actions::revertToSnapshot(c, r.snapshot);
            } catch (const ManagedObjectNotFoundFault&) {
              return;  // reverted and removed already
            }
            actions::removeSnapshotIfExists(c, r.snapshot);
            if (r.powerState == "poweredOn") actions::ensurePoweredOn(c, r.vm);
          },
          [&](const undo::RemoveSnapshot& r) { actions::removeSnapshotIfExists(c, r.snapshot); },
          [&](const undo::RemoveVmGroup& r) {
            actions::removeVmGroupIfExists(c, r.cluster, r.name);
          },
          [&](const undo::RemovePermission& r) {
            actions::removePermissionIfExists(c, r.entity, r.principal, r.group);
          },
          [&](const undo::RemoveRole& r) { actions::removeRoleIfExists(c, r.roleId); },
          [&](const undo::DeleteLocalPath& r) {
            std::error_code ignored;
            std::filesystem::remove_all(r.path, ignored);
          },
      },
      record);
}

}  // namespace

void runUndo(vim::Client& client, const Undo& undo) {
  run(client, fromUndo(undo));
}

std::vector<std::string> runUndos(vim::Client& client, const std::vector<Undo>& undos,
                                  PlanObserver& observer) {
  std::vector<std::string> errors;
  for (auto it = undos.rbegin(); it != undos.rend(); ++it) {
    observer.undoStarted(*it);
    try {
      runUndo(client, *it);
      observer.undoFinished(*it, "");
    } catch (const std::exception& e) {
      const std::string msg = "undo " + it->kind + " " + it->data.dump() + ": " + e.what();
      logger()->error("{}", msg);
      observer.undoFinished(*it, e.what());
      errors.push_back(msg);
    }
  }
  return errors;
}

}  // namespace vic::engine
