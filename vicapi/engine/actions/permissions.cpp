#include "vicapi/engine/actions/permissions.h"

#include "vicapi/soap/fault.h"
#include "vicapi/vim/authorization_manager.h"
#include "vicapi/vim/client.h"

namespace vic::engine::actions {

const std::vector<std::string>& endpointPrivileges() {
  static const std::vector<std::string> kPrivileges = {
      "System.Read",
      "Datastore.AllocateSpace",
      "Datastore.Browse",
      "Datastore.FileManagement",
      "Network.Assign",
      "DVPortgroup.Modify",
      "Resource.AssignVMToPool",
      "VirtualMachine.Config.AddNewDisk",
      "VirtualMachine.Config.AddRemoveDevice",
      "VirtualMachine.Config.AdvancedConfig",
      "VirtualMachine.Config.EditDevice",
      "VirtualMachine.Config.Rename",
      "VirtualMachine.Interact.PowerOn",
      "VirtualMachine.Interact.PowerOff",
      "VirtualMachine.Interact.DeviceConnection",
      "VirtualMachine.Inventory.Create",
      "VirtualMachine.Inventory.Delete",
      "VirtualMachine.Inventory.Register",
      "VirtualMachine.Inventory.Unregister",
      "VirtualMachine.GuestOperations.Execute",
      "VirtualMachine.GuestOperations.Modify",
      "VirtualMachine.GuestOperations.Query",
  };
  return kPrivileges;
}

std::optional<int> roleId(vim::Client& c, const std::string& name) {
  for (const auto& r : vim::AuthorizationManager(c).roles())
    if (r.name == name) return r.id;
  return std::nullopt;
}

RoleResult ensureEndpointRole(vim::Client& c) {
  if (auto id = roleId(c, kEndpointRole)) return {*id, false};
  vim::AuthorizationManager(c).addRole(kEndpointRole, endpointPrivileges());
  // Looked up by name rather than taken from the answer: vcsim always answers 0.
  if (auto id = roleId(c, kEndpointRole)) return {*id, true};
  throw Error("the role " + std::string(kEndpointRole) + " was added but cannot be found");
}

void removeRoleIfExists(vim::Client& c, int id) {
  try {
    vim::AuthorizationManager(c).removeRole(id, false);
  } catch (const NotFoundFault&) {
  }
}

void setPermission(vim::Client& c, const vim::Moref& entity, const std::string& principal,
                   int roleId, bool propagate) {
  vim::AuthorizationManager(c).setEntityPermission(entity, {principal, false, roleId, propagate});
}

void removePermissionIfExists(vim::Client& c, const vim::Moref& entity,
                              const std::string& principal, bool group) {
  try {
    vim::AuthorizationManager(c).removeEntityPermission(entity, principal, group);
  } catch (const NotFoundFault&) {
  } catch (const ManagedObjectNotFoundFault&) {
  }
}

}  // namespace vic::engine::actions
