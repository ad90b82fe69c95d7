#include "vicapi/engine/plan/undo_records.h"

#include <functional>

#include "vicapi/base/error.h"
#include "vicapi/base/overloaded.h"

namespace vic::engine {

using nlohmann::json;

namespace {

json allocationJson(const vim::ResourceAllocation& a) {
  return {{"reservation", a.reservation},
          {"limit", a.limit},
          {"expandable", a.expandableReservation},
          {"shares_level", a.sharesLevel},
          {"shares", a.shares}};
}

vim::ResourceAllocation allocationFrom(const json& j) {
  vim::ResourceAllocation a;
  a.reservation = j.at("reservation").get<long long>();
  a.limit = j.at("limit").get<long long>();
  a.expandableReservation = j.at("expandable").get<bool>();
  a.sharesLevel = j.at("shares_level").get<std::string>();
  a.shares = j.at("shares").get<int>();
  return a;
}

vim::Moref ref(const json& d, const char* key) {
  return vim::Moref::parse(d.at(key).get<std::string>());
}

using Reader = std::function<UndoRecord(const json&)>;

// Every kind any build has written, read back.
const std::map<std::string, Reader>& readers() {
  static const std::map<std::string, Reader> kReaders = {
      {"destroy_entity", [](const json& d) { return undo::DestroyEntity{ref(d, "ref")}; }},
      {"destroy_vm", [](const json& d) { return undo::DestroyVm{ref(d, "vm")}; }},
      {"power_off", [](const json& d) { return undo::PowerOff{ref(d, "vm")}; }},
      {"power_on", [](const json& d) { return undo::PowerOn{ref(d, "vm")}; }},
      {"delete_datastore_file",
       [](const json& d) {
         return undo::DeleteDatastoreFile{ref(d, "datacenter"), d.at("path").get<std::string>()};
       }},
      {"set_extra_config",
       [](const json& d) {
         undo::SetExtraConfig r{ref(d, "vm"), {}, std::nullopt};
         for (auto it = d.at("values").begin(); it != d.at("values").end(); ++it)
           r.values[it.key()] = it->get<std::string>();
         if (d.contains("alternate_guest_name"))
           r.alternateGuestName = d["alternate_guest_name"].get<std::string>();
         return r;
       }},
      {"set_pool_config",
       [](const json& d) {
         return undo::SetPoolConfig{ref(d, "pool"), allocationFrom(d.at("cpu")),
                                    allocationFrom(d.at("memory"))};
       }},
      {"set_cdrom",
       [](const json& d) {
         return undo::SetCdrom{ref(d, "vm"), d.at("key").get<int>(),
                               d.at("controller_key").get<int>(), d.at("unit").get<int>(),
                               d.at("iso").get<std::string>()};
       }},
      {"revert_snapshot",
       [](const json& d) {
         return undo::RevertSnapshot{ref(d, "vm"), ref(d, "snapshot"), d.value("power_state", "")};
       }},
      {"remove_snapshot", [](const json& d) { return undo::RemoveSnapshot{ref(d, "snapshot")}; }},
      {"remove_vm_group",
       [](const json& d) {
         return undo::RemoveVmGroup{ref(d, "cluster"), d.at("name").get<std::string>()};
       }},
      {"remove_permission",
       [](const json& d) {
         return undo::RemovePermission{ref(d, "entity"), d.at("principal").get<std::string>(),
                                       d.value("group", false)};
       }},
      {"remove_role", [](const json& d) { return undo::RemoveRole{d.at("role_id").get<int>()}; }},
      {"delete_local_path",
       [](const json& d) { return undo::DeleteLocalPath{d.at("path").get<std::string>()}; }},
  };
  return kReaders;
}

}  // namespace

Undo toUndo(const UndoRecord& record) {
  return std::visit(
      Overloaded{
          [](const undo::DestroyEntity& r) {
            return Undo{"destroy_entity", {{"ref", r.ref.str()}}};
          },
          [](const undo::DestroyVm& r) {
            return Undo{"destroy_vm", {{"vm", r.vm.str()}}};
          },
          [](const undo::PowerOff& r) {
            return Undo{"power_off", {{"vm", r.vm.str()}}};
          },
          [](const undo::PowerOn& r) {
            return Undo{"power_on", {{"vm", r.vm.str()}}};
          },
          [](const undo::DeleteDatastoreFile& r) {
            return Undo{"delete_datastore_file",
                        {{"datacenter", r.datacenter.str()}, {"path", r.path}}};
          },
          [](const undo::SetExtraConfig& r) {
            json d{{"vm", r.vm.str()}, {"values", r.values}};
            if (r.alternateGuestName) d["alternate_guest_name"] = *r.alternateGuestName;
            return Undo{"set_extra_config", d};
          },
          [](const undo::SetPoolConfig& r) {
            return Undo{"set_pool_config",
                        {{"pool", r.pool.str()},
                         {"cpu", allocationJson(r.cpu)},
                         {"memory", allocationJson(r.memory)}}};
          },
          [](const undo::SetCdrom& r) {
            return Undo{"set_cdrom",
                        {{"vm", r.vm.str()},
                         {"key", r.key},
                         {"controller_key", r.controllerKey},
                         {"unit", r.unit},
                         {"iso", r.iso}}};
          },
          [](const undo::RevertSnapshot& r) {
            return Undo{"revert_snapshot",
                        {{"vm", r.vm.str()},
                         {"snapshot", r.snapshot.str()},
                         {"power_state", r.powerState}}};
          },
          [](const undo::RemoveSnapshot& r) {
            return Undo{"remove_snapshot", {{"snapshot", r.snapshot.str()}}};
          },
          [](const undo::RemoveVmGroup& r) {
            return Undo{"remove_vm_group", {{"cluster", r.cluster.str()}, {"name", r.name}}};
          },
          [](const undo::RemovePermission& r) {
            json d{{"entity", r.entity.str()}, {"principal", r.principal}};
            if (r.group) d["group"] = true;
            return Undo{"remove_permission", d};
          },
          [](const undo::RemoveRole& r) {
            return Undo{"remove_role", {{"role_id", r.roleId}}};
          },
          [](const undo::DeleteLocalPath& r) {
            return Undo{"delete_local_path", {{"path", r.path}}};
          },
      },
      record);
}

UndoRecord fromUndo(const Undo& u) {
  const auto it = readers().find(u.kind);
  if (it == readers().end())
    throw Error(ErrorCode::InvalidArgument, "unknown undo kind \"" + u.kind + "\"");
  try {
    return it->second(u.data);
  } catch (const std::exception& e) {
    throw Error(ErrorCode::InvalidArgument,
                "undo " + u.kind + " " + u.data.dump() + " cannot be read: " + e.what());
  }
}

}  // namespace vic::engine
