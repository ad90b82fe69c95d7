#pragma once

#include <optional>
#include <string>

#include "vicapi/vim/managed_object.h"

namespace vic::vim {

class SearchIndex : public ManagedObject {
 public:
  explicit SearchIndex(Client& client);
  // "/DC0/host/DC0_C0/Resources"; the leading slash is optional. nullopt when
  // nothing is there (both vCenter's and vcsim's forms of "nothing").
  std::optional<Moref> findByInventoryPath(const std::string& path) const;
};

}  // namespace vic::vim
