#pragma once

#include <string>
#include <vector>

#include "vicapi/engine/appliance_images.h"
#include "vicapi/engine/plan/plan.h"

namespace vic::engine {

struct UpgradeOptions {
  ApplianceImages images;  // the version to upgrade to: this appliance's
  FaultHook faultHook;     // tests only
};

std::vector<std::string> upgradeStepNames();

// Upgrades a VCH to the appliance's version: new images beside the old ones,
// a snapshot of the endpoint VM, then the VM switched to the new appliance
// image and version. Allowed only from an older build (the original's rule);
// refused while another upgrade or configure runs. On failure every change is
// undone and the snapshot reverted, so the VCH keeps running its old version.
void upgradeVch(vim::Client& client, const std::string& id, const UpgradeOptions& options,
                PlanObserver& observer);

}  // namespace vic::engine
