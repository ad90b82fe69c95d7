#include "vicapi/vim/cluster.h"

#include "vicapi/vim/property_collector.h"

namespace vic::vim {

using soap::el;

namespace {

// ReconfigureComputeResource_Task's spec with one group change, merged into
// the cluster's configuration (modify = true) rather than replacing it.
std::vector<soap::Node> groupChange(const std::string& operation, soap::Node payload) {
  soap::Node spec = soap::typed("ClusterConfigSpecEx", soap::Node("spec"));
  spec.add(el("groupSpec", {el("operation", operation), std::move(payload)}));
  return {std::move(spec), soap::boolEl("modify", true)};
}

}  // namespace

std::vector<std::string> ClusterComputeResource::groupNames() const {
  auto o = PropertyCollector(client()).retrieveOne(ref(), {"configurationEx"});
  std::vector<std::string> out;
  if (const soap::Node* cfg = o.prop("configurationEx"))
    for (const soap::Node* g : cfg->all("group"))
      out.push_back(g->textOf("name"));
  return out;
}

Task ClusterComputeResource::addVmGroup(const std::string& name,
                                        const std::vector<Moref>& vms) const {
  soap::Node info = soap::typed("ClusterVmGroup", el("info", {el("name", name)}));
  for (const auto& vm : vms)
    info.add(vm.node("vm"));
  return startTask("ReconfigureComputeResource_Task", groupChange("add", std::move(info)));
}

Task ClusterComputeResource::removeGroup(const std::string& name) const {
  return startTask("ReconfigureComputeResource_Task",
                   groupChange("remove", soap::typed("xsd:string", el("removeKey", name))));
}

}  // namespace vic::vim
