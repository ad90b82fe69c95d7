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
};

}  // namespace vic::vim
