#pragma once

#include <optional>
#include <string>

#include "vicapi/vim/managed_object.h"
#include "vicapi/vim/resource_spec.h"

namespace vic::vim {

// A ResourcePool or a VirtualApp (a vApp is a resource pool with extras; the
// methods here work on both).
class ResourcePool : public ManagedObject {
 public:
  using ManagedObject::ManagedObject;

  Moref createResourcePool(const std::string& name, const ResourceConfigSpec& spec) const;
  void updateConfig(const std::optional<std::string>& name,
                    const std::optional<ResourceConfigSpec>& spec) const;
  // vmFolder is where the vApp's VMs appear in the VM and Templates view.
  Moref createVApp(const std::string& name, const ResourceConfigSpec& spec,
                   const std::optional<Moref>& vmFolder) const;
};

}  // namespace vic::vim
