#pragma once

#include "vicapi/vim/managed_object.h"
#include "vicapi/vim/vm_spec.h"

namespace vic::vim {

class VirtualMachine : public ManagedObject {
 public:
  using ManagedObject::ManagedObject;

  Task reconfigure(const VmConfigSpec& spec) const;
  Task powerOn() const;
  Task powerOff() const;
  // A snapshot of the disks only (no memory, no quiescing); the task's result
  // is the snapshot's reference.
  Task createSnapshot(const std::string& name, const std::string& description) const;
};

class VirtualMachineSnapshot : public ManagedObject {
 public:
  using ManagedObject::ManagedObject;

  Task revert() const;
  Task remove(bool removeChildren) const;
};

}  // namespace vic::vim
