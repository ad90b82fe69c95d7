#include "vicapi/engine/ops/permissions.h"

#include "vicapi/soap/fault.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/property_collector.h"

namespace vic::engine::ops {

using soap::el;

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
  auto o =
      vim::PropertyCollector(c).retrieveOne(c.serviceContent().authorizationManager, {"roleList"});
  if (const auto* roles = o.prop("roleList"))
    for (const auto& r : roles->children)
      if (r.textOf("name") == name) return std::stoi(r.textOf("roleId"));
  return std::nullopt;
}

RoleResult ensureEndpointRole(vim::Client& c) {
  if (auto id = roleId(c, kEndpointRole)) return {*id, false};
  std::vector<soap::Node> args{el("name", kEndpointRole)};
  for (const auto& p : endpointPrivileges())
    args.push_back(el("privIds", p));
  c.invoke("AddAuthorizationRole", c.serviceContent().authorizationManager, std::move(args));
  // Looked up by name rather than taken from the answer: vcsim always answers 0.
  if (auto id = roleId(c, kEndpointRole)) return {*id, true};
  throw Error("the role " + std::string(kEndpointRole) + " was added but cannot be found");
}

void removeRoleIfExists(vim::Client& c, int id) {
  try {
    c.invoke("RemoveAuthorizationRole", c.serviceContent().authorizationManager,
             {soap::intEl("roleId", id), soap::boolEl("failIfUsed", false)});
  } catch (const NotFoundFault&) {
  }
}

void setPermission(vim::Client& c, const vim::Moref& entity, const std::string& principal,
                   int roleId, bool propagate) {
  soap::Node permission =
      el("permission", {el("principal", principal), soap::boolEl("group", false),
                        soap::intEl("roleId", roleId), soap::boolEl("propagate", propagate)});
  c.invoke("SetEntityPermissions", c.serviceContent().authorizationManager,
           {entity.node("entity"), std::move(permission)});
}

}  // namespace vic::engine::ops
