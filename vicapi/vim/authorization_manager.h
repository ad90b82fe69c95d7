#pragma once

#include <string>
#include <vector>

#include "vicapi/vim/moref.h"

namespace vic::vim {

class Client;

struct Role {
  int id = 0;
  std::string name;
};

struct Permission {
  std::string principal;
  bool group = false;
  int roleId = 0;
  bool propagate = false;
};

// The session's AuthorizationManager: roles and the permissions that grant
// them on entities.
class AuthorizationManager {
 public:
  explicit AuthorizationManager(Client& client);

  std::vector<Role> roles() const;
  // Returns what the server answers as the new role's id (vcsim always says 0;
  // look the role up by name where that matters).
  int addRole(const std::string& name, const std::vector<std::string>& privileges) const;
  void removeRole(int id, bool failIfUsed) const;
  void setEntityPermission(const Moref& entity, const Permission& permission) const;
  void removeEntityPermission(const Moref& entity, const std::string& principal, bool group) const;

 private:
  Client& client_;
  Moref ref_;
};

}  // namespace vic::vim
