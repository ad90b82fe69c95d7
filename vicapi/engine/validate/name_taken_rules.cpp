// The VCH's name must be free where create will use it.
#include "vicapi/engine/validate/context.h"

namespace vic::engine {

void checkNameTaken(ValidationContext& c) {
  const std::string& name = c.vch().name;
  if (name.empty() || c.out.datacenter.empty() || c.options.existingVch) return;
  const auto& inv = c.inv();
  for (const auto* vm : inv.named(name, {"VirtualMachine"}, c.out.datacenter)) {
    c.issues.add("name",
                 "a virtual machine named \"" + name + "\" already exists (" + inv.path(vm->ref) +
                     "); choose another name",
                 IssueCode::AlreadyExists);
    return;
  }
  for (const auto* f : inv.named(name, {"Folder"}, c.out.datacenter)) {
    if (f->parent == c.out.vmFolder) {
      c.issues.add("name",
                   "the VM folder " + inv.path(f->ref) + " already exists; choose another name",
                   IssueCode::AlreadyExists);
      return;
    }
  }
  if (!c.out.parentPool.empty()) {
    for (const auto* p : inv.children(c.out.parentPool)) {
      if ((p->isType("ResourcePool") || p->isType("VirtualApp")) && p->name == name) {
        c.issues.add(
            "name",
            "the resource pool " + inv.path(p->ref) + " already exists; choose another name",
            IssueCode::AlreadyExists);
        return;
      }
    }
  }
}

}  // namespace vic::engine
