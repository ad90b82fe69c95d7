#pragma once

#include <string>

#include "vicapi/version/version.h"

namespace vic::engine {

// The original's "upgrade available" words, decided by build number:
// "Up to date", "Upgrade in progress", "Upgradeable to <version>",
// "VCH has newer version", or "Unknown: <why>".
std::string upgradeStatus(const version::Version& appliance, const std::string& vchVersion,
                          bool upgrading);

}  // namespace vic::engine
