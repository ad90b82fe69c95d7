#pragma once

#include <string>
#include <vector>

#include "vicapi/vim/managed_object.h"

namespace vic::vim {

// A DRS cluster's configuration as far as VM groups go.
class ClusterComputeResource : public ManagedObject {
 public:
  using ManagedObject::ManagedObject;

  // The names of the cluster's VM and host groups (configurationEx.group).
  std::vector<std::string> groupNames() const;
  Task addVmGroup(const std::string& name, const std::vector<Moref>& vms) const;
  Task removeGroup(const std::string& name) const;
};

}  // namespace vic::vim
