#pragma once

#include <map>
#include <optional>
#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "vicapi/vim/moref.h"
#include "vicapi/vim/resource_spec.h"

namespace vic::engine {

// An undo as the journal keeps it: its kind and its JSON. Only
// undo_records.cpp makes or reads one; everything else uses the types below.
struct Undo {
  std::string kind;
  nlohmann::json data;
};

// The undo of each kind of change a plan makes, one type per kind. The
// journal's JSON of each (and its kind's name) is in undo_records.cpp alone,
// and stays readable from one build to the next: a journal written by an
// earlier build is rolled back by a later one.
namespace undo {

struct DestroyEntity {  // a pool, vApp or folder
  vim::Moref ref;
};
struct DestroyVm {  // powered off first if on
  vim::Moref vm;
};
struct PowerOff {
  vim::Moref vm;
};
struct PowerOn {
  vim::Moref vm;
};
struct DeleteDatastoreFile {
  vim::Moref datacenter;
  std::string path;  // "[ds] folder/file"
};
struct SetExtraConfig {
  vim::Moref vm;
  std::map<std::string, std::string> values;  // "" removes the key
  std::optional<std::string> alternateGuestName;
};
struct SetPoolConfig {
  vim::Moref pool;
  vim::ResourceAllocation cpu, memory;
};
struct SetCdrom {
  vim::Moref vm;
  int key = 0, controllerKey = 0, unit = 0;
  std::string iso;
};
struct RevertSnapshot {
  vim::Moref vm, snapshot;
  std::string powerState;  // "poweredOn": started again after the revert
};
struct RemoveSnapshot {
  vim::Moref snapshot;
};
struct RemoveVmGroup {
  vim::Moref cluster;
  std::string name;
};
struct RemovePermission {
  vim::Moref entity;
  std::string principal;
  bool group = false;
};
struct RemoveRole {
  int roleId = 0;
};
struct DeleteLocalPath {
  std::string path;
};

}  // namespace undo

using UndoRecord =
    std::variant<undo::DestroyEntity, undo::DestroyVm, undo::PowerOff, undo::PowerOn,
                 undo::DeleteDatastoreFile, undo::SetExtraConfig, undo::SetPoolConfig,
                 undo::SetCdrom, undo::RevertSnapshot, undo::RemoveSnapshot, undo::RemoveVmGroup,
                 undo::RemovePermission, undo::RemoveRole, undo::DeleteLocalPath>;

Undo toUndo(const UndoRecord& record);
// InvalidArgument naming the kind and what is wrong: an unknown kind, or a
// record without what its kind needs.
UndoRecord fromUndo(const Undo& undo);

}  // namespace vic::engine
