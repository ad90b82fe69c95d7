#include "vicapi/vim/host_services.h"

namespace vic::vim {

using soap::el;

void HostFirewallSystem::enableRuleset(const std::string& id) const {
  call("EnableRuleset", {el("id", id)});
}

void HostFirewallSystem::disableRuleset(const std::string& id) const {
  call("DisableRuleset", {el("id", id)});
}

std::vector<soap::Node> LicenseAssignmentManager::queryAssigned() const {
  auto r = call("QueryAssignedLicenses");
  std::vector<soap::Node> out;
  for (const auto* a : r.all("returnval"))
    out.push_back(*a);
  return out;
}

Task VirtualDiskManager::createThinDisk(const Moref& datacenter, const std::string& path,
                                        long long capacityMB) const {
  return startTask("CreateVirtualDisk_Task",
                   {el("name", path), datacenter.node("datacenter"),
                    soap::typed("FileBackedVirtualDiskSpec",
                                el("spec", {el("diskType", "thin"), el("adapterType", "lsiLogic"),
                                            soap::intEl("capacityKb", capacityMB * 1024)}))});
}

}  // namespace vic::vim
