#include "vicapi/vim/virtual_machine.h"

namespace vic::vim {

Task VirtualMachine::reconfigure(const VmConfigSpec& spec) const {
  return startTask("ReconfigVM_Task", {spec.node("spec")});
}

Task VirtualMachine::powerOn() const {
  return startTask("PowerOnVM_Task");
}

Task VirtualMachine::powerOff() const {
  return startTask("PowerOffVM_Task");
}

}  // namespace vic::vim
