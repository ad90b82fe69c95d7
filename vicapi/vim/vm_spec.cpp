#include "vicapi/vim/vm_spec.h"

namespace vic::vim {

using soap::el;

soap::Node VmConfigSpec::node(std::string elementName) const {
  // Element order follows the WSDL: vCenter rejects out-of-order fields.
  soap::Node n(std::move(elementName));
  if (name) n.add(el("name", *name));
  if (guestId) n.add(el("guestId", *guestId));
  if (alternateGuestName) n.add(el("alternateGuestName", *alternateGuestName));
  if (annotation) n.add(el("annotation", *annotation));
  if (vmPathName) n.add(el("files", {el("vmPathName", *vmPathName)}));
  if (numCPUs) n.add(soap::intEl("numCPUs", *numCPUs));
  if (memoryMB) n.add(soap::intEl("memoryMB", *memoryMB));
  for (const auto& d : deviceChange)
    n.add(d);
  for (const auto& [key, value] : extraConfig) {
    n.add(soap::typed(
        "OptionValue",
        el("extraConfig", {el("key", key), soap::typed("xsd:string", el("value", value))})));
  }
  return n;
}

}  // namespace vic::vim
