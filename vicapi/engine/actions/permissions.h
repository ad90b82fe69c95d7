#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vicapi/vim/moref.h"

namespace vic::vim {
class Client;
}

namespace vic::engine::actions {

// The role the operations user gets on what a VCH uses, when asked to grant
// permissions: enough to create, configure and power container VMs, manage
// files on its datastores and attach them to its networks.
inline constexpr const char* kEndpointRole = "vic-vch-endpoint";
const std::vector<std::string>& endpointPrivileges();

struct RoleResult {
  int roleId = 0;
  bool created = false;
};
// Finds the role by name, or adds it.
RoleResult ensureEndpointRole(vim::Client& c);
std::optional<int> roleId(vim::Client& c, const std::string& name);
void removeRoleIfExists(vim::Client& c, int roleId);

void setPermission(vim::Client& c, const vim::Moref& entity, const std::string& principal,
                   int roleId, bool propagate);
// Gone already (the entity or the permission) counts as done: undo runs it again.
void removePermissionIfExists(vim::Client& c, const vim::Moref& entity,
                              const std::string& principal, bool group);

inline constexpr int kReadOnlyRoleId = -2;

}  // namespace vic::engine::actions
