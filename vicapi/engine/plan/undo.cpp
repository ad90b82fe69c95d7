#include "vicapi/engine/plan/undo.h"

#include <filesystem>
#include <functional>
#include <map>

#include "vicapi/engine/actions/permissions.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/log.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/virtual_machine.h"

namespace vic::engine {

using nlohmann::json;

namespace {

vim::Moref ref(const json& data, const char* key) {
  return vim::Moref::parse(data.at(key).get<std::string>());
}

vim::ResourceAllocation allocation(const json& j) {
  vim::ResourceAllocation a;
  a.reservation = j.at("reservation").get<long long>();
  a.limit = j.at("limit").get<long long>();
  a.expandableReservation = j.at("expandable").get<bool>();
  a.sharesLevel = j.at("shares_level").get<std::string>();
  a.shares = j.at("shares").get<int>();
  return a;
}

using Action = std::function<void(vim::Client&, const json&)>;

const std::map<std::string, Action>& undoActions() {
  static const std::map<std::string, Action> kActions = {
      {"destroy_entity",
       [](vim::Client& c, const json& d) { actions::destroyIfExists(c, ref(d, "ref")); }},
      {"destroy_vm",
       [](vim::Client& c, const json& d) { actions::destroyVmIfExists(c, ref(d, "vm")); }},
      {"power_off",
       [](vim::Client& c, const json& d) {
         try {
           actions::ensurePoweredOff(c, ref(d, "vm"));
         } catch (const ManagedObjectNotFoundFault&) {
         }
       }},
      {"power_on",
       [](vim::Client& c, const json& d) { actions::ensurePoweredOn(c, ref(d, "vm")); }},
      {"delete_datastore_file",
       [](vim::Client& c, const json& d) {
         actions::deleteIfExists(c, ref(d, "datacenter"), d.at("path").get<std::string>());
       }},
      {"set_extra_config",
       [](vim::Client& c, const json& d) {
         vim::VmConfigSpec spec;
         for (auto it = d.at("values").begin(); it != d.at("values").end(); ++it)
           spec.extraConfig.emplace_back(it.key(), it->get<std::string>());
         if (d.contains("alternate_guest_name"))
           spec.alternateGuestName = d["alternate_guest_name"].get<std::string>();
         vim::VirtualMachine(c, ref(d, "vm")).reconfigure(spec).wait();
       }},
      {"set_pool_config",
       [](vim::Client& c, const json& d) {
         try {
           actions::setPoolConfig(c, ref(d, "pool"),
                                  {allocation(d.at("cpu")), allocation(d.at("memory"))});
         } catch (const ManagedObjectNotFoundFault&) {
         }
       }},
      {"set_cdrom",
       [](vim::Client& c, const json& d) {
         actions::Cdrom cd{d.at("key").get<int>(), d.at("controller_key").get<int>(),
                           d.at("unit").get<int>(), ""};
         actions::setCdromIso(c, ref(d, "vm"), cd, d.at("iso").get<std::string>());
       }},
      {"revert_snapshot",
       [](vim::Client& c, const json& d) {
         const auto vm = ref(d, "vm");
         const auto snapshot = ref(d, "snapshot");
         try {
           actions::revertToSnapshot(c, snapshot);
         } catch (const ManagedObjectNotFoundFault&) {
           return;  // reverted and removed already
         }
         actions::removeSnapshotIfExists(c, snapshot);
         if (d.value("power_state", "") == "poweredOn") actions::ensurePoweredOn(c, vm);
       }},
      {"remove_snapshot",
       [](vim::Client& c, const json& d) {
         actions::removeSnapshotIfExists(c, ref(d, "snapshot"));
       }},
      {"remove_vm_group",
       [](vim::Client& c, const json& d) {
         actions::removeVmGroupIfExists(c, ref(d, "cluster"), d.at("name").get<std::string>());
       }},
      {"remove_permission",
       [](vim::Client& c, const json& d) {
         actions::removePermissionIfExists(
             c, ref(d, "entity"), d.at("principal").get<std::string>(), d.value("group", false));
       }},
      {"remove_role",
       [](vim::Client& c, const json& d) {
         actions::removeRoleIfExists(c, d.at("role_id").get<int>());
       }},
      {"delete_local_path",
       [](vim::Client&, const json& d) {
         std::error_code ignored;
         std::filesystem::remove_all(d.at("path").get<std::string>(), ignored);
       }},
  };
  return kActions;
}

}  // namespace

void runUndo(vim::Client& client, const Undo& undo) {
  auto it = undoActions().find(undo.kind);
  if (it == undoActions().end()) throw Error("unknown undo kind \"" + undo.kind + "\"");
  it->second(client, undo.data);
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
