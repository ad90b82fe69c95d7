#pragma once

#include <optional>
#include <string>

#include "vicapi/vim/managed_object.h"
#include "vicapi/vim/vm_spec.h"

namespace vic::vim {

class Folder : public ManagedObject {
 public:
  using ManagedObject::ManagedObject;

  Moref createFolder(const std::string& name) const;
  // The VM goes into `pool` (a resource pool or vApp), on `host` if given.
  Task createVM(const VmConfigSpec& config, const Moref& pool,
                const std::optional<Moref>& host = std::nullopt) const;
};

}  // namespace vic::vim
