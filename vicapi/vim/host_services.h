#pragma once

#include <string>
#include <vector>

#include "vicapi/soap/node.h"
#include "vicapi/vim/managed_object.h"

namespace vic::vim {

// A host's firewall: its rulesets switched on and off by id.
class HostFirewallSystem : public ManagedObject {
 public:
  using ManagedObject::ManagedObject;

  void enableRuleset(const std::string& id) const;
  void disableRuleset(const std::string& id) const;
};

// The LicenseAssignmentManager: which license each entity has.
class LicenseAssignmentManager : public ManagedObject {
 public:
  using ManagedObject::ManagedObject;

  // Every entity's LicenseAssignmentManagerLicenseAssignment, in one call.
  std::vector<soap::Node> queryAssigned() const;
};

// The VirtualDiskManager, for disks that belong to no VM (volumes).
class VirtualDiskManager : public ManagedObject {
 public:
  using ManagedObject::ManagedObject;

  // A thin-provisioned disk on an lsiLogic adapter at "[ds] path.vmdk".
  Task createThinDisk(const Moref& datacenter, const std::string& path, long long capacityMB) const;
};

}  // namespace vic::vim
