#pragma once

#include <string>
#include <vector>

#include "vicapi/engine/plan/plan.h"

namespace vic::engine {

// Runs undo records. Every kind is idempotent and treats "already gone" or
// "already so" as done, so a half-finished rollback can simply run again
// (after a server restart, from the journal). Kinds:
//   destroy_entity {ref}            Destroy_Task on a pool, vApp or folder
//   destroy_vm {vm}                 power off if on, then Destroy_Task
//   power_off {vm} / power_on {vm}  only if not already in that state
//   delete_datastore_file {datacenter, path}
//   set_extra_config {vm, values[, alternate_guest_name]}   values: key -> value ("" removes)
//   set_pool_config {pool, cpu, memory}
//   set_cdrom {vm, key, controller_key, unit, iso}
//   revert_snapshot {vm, snapshot, power_state}
//   remove_vm_group {cluster, name}
//   remove_permission {entity, principal, group}
//   remove_role {role_id}
//   delete_local_path {path}
void runUndo(vim::Client& client, const Undo& undo);

// Runs `undos` from last to first, going on past failures; returns the
// failures' messages (empty when everything was undone).
std::vector<std::string> runUndos(vim::Client& client, const std::vector<Undo>& undos,
                                  PlanObserver& observer);

}  // namespace vic::engine
