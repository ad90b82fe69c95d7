#include "vicapi/engine/upgrade_status.h"

namespace vic::engine {

std::string upgradeStatus(const version::Version& appliance, const std::string& vchVersion,
                          bool upgrading) {
  auto vch = version::Version::parse(vchVersion);
  if (!vch) return "Unknown: the VCH's version \"" + vchVersion + "\" cannot be read";
  if (vch->build == appliance.build) return "Up to date";
  if (upgrading) return "Upgrade in progress";
  if (appliance.build > vch->build) return "Upgradeable to " + appliance.str();
  return "VCH has newer version";
}

}  // namespace vic::engine
