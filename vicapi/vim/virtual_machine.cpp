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

Task VirtualMachine::createSnapshot(const std::string& name, const std::string& description) const {
  return startTask("CreateSnapshot_Task",
                   {soap::el("name", name), soap::el("description", description),
                    soap::boolEl("memory", false), soap::boolEl("quiesce", false)});
}

Task VirtualMachineSnapshot::revert() const {
  return startTask("RevertToSnapshot_Task");
}

Task VirtualMachineSnapshot::remove(bool removeChildren) const {
  return startTask("RemoveSnapshot_Task", {soap::boolEl("removeChildren", removeChildren)});
}

}  // namespace vic::vim
