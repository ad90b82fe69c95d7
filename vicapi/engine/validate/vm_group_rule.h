#pragma once

#include <optional>
#include <string>

namespace vic::engine {

// Why a DRS VM group cannot be made for a VCH, or nullopt when it can. Kept
// apart from vCenter so that every branch is testable (vcsim's clusters
// always have DRS on).
struct VmGroupFacts {
  bool vcenter = true;
  bool cluster = true;
  bool drsEnabled = true;
  std::string clusterName;
  bool nameTaken = false;
  std::string vchName;
};

std::optional<std::string> vmGroupProblem(const VmGroupFacts& f);

}  // namespace vic::engine
