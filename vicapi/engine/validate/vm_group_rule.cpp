#include "vicapi/engine/validate/vm_group_rule.h"

namespace vic::engine {

std::optional<std::string> vmGroupProblem(const VmGroupFacts& f) {
  if (!f.vcenter) return "DRS VM groups need vCenter; this target is an ESXi host";
  if (!f.cluster) return "DRS VM groups need a cluster; the compute resource is a standalone host";
  if (!f.drsEnabled)
    return "DRS is disabled on cluster " + f.clusterName +
           "; enable DRS or do not ask for a VM group";
  if (f.nameTaken)
    return "cluster " + f.clusterName + " already has a DRS group named \"" + f.vchName +
           "\"; rename the VCH or remove that group";
  return std::nullopt;
}

}  // namespace vic::engine
