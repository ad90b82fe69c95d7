#include "vicapi/vim/authorization_manager.h"

#include "vicapi/vim/client.h"
#include "vicapi/vim/property_collector.h"

namespace vic::vim {

using soap::el;

AuthorizationManager::AuthorizationManager(Client& client)
    : client_(client), ref_(client.serviceContent().authorizationManager) {}

std::vector<Role> AuthorizationManager::roles() const {
  auto o = PropertyCollector(client_).retrieveOne(ref_, {"roleList"});
  std::vector<Role> out;
  if (const auto* list = o.prop("roleList"))
    for (const auto& r : list->children)
      out.push_back({std::stoi(r.textOf("roleId", "0")), r.textOf("name")});
  return out;
}

int AuthorizationManager::addRole(const std::string& name,
                                  const std::vector<std::string>& privileges) const {
  std::vector<soap::Node> args{el("name", name)};
  for (const auto& p : privileges)
    args.push_back(el("privIds", p));
  auto r = client_.invoke("AddAuthorizationRole", ref_, std::move(args));
  return std::stoi(r.textOf("returnval", "0"));
}

void AuthorizationManager::removeRole(int id, bool failIfUsed) const {
  client_.invoke("RemoveAuthorizationRole", ref_,
                 {soap::intEl("roleId", id), soap::boolEl("failIfUsed", failIfUsed)});
}

void AuthorizationManager::setEntityPermission(const Moref& entity, const Permission& p) const {
  client_.invoke("SetEntityPermissions", ref_,
                 {entity.node("entity"),
                  el("permission",
                     {el("principal", p.principal), soap::boolEl("group", p.group),
                      soap::intEl("roleId", p.roleId), soap::boolEl("propagate", p.propagate)})});
}

void AuthorizationManager::removeEntityPermission(const Moref& entity, const std::string& principal,
                                                  bool group) const {
  client_.invoke("RemoveEntityPermission", ref_,
                 {entity.node("entity"), el("user", principal), soap::boolEl("isGroup", group)});
}

}  // namespace vic::vim
