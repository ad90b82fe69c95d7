#pragma once

#include <string>
#include <vector>

#include "vicapi/engine/appliance_images.h"
#include "vicapi/engine/plan/plan.h"
#include "vicapi/engine/vch_record.h"

namespace vic::engine {

struct UpgradeOptions {
  ApplianceImages images;  // the version to upgrade to: this appliance's
  FaultHook faultHook;     // tests only
};

std::vector<std::string> upgradeStepNames();

// The checks (ConflictError when there is nothing to upgrade to or another
// change runs), then the plan, so that a server can refuse at once.
struct PreparedUpgrade {
  VchRecord record;
  UpgradeOptions options;
};
PreparedUpgrade prepareUpgrade(vim::Client& client, const std::string& id,
                               const UpgradeOptions& options);
void executeUpgrade(vim::Client& client, const PreparedUpgrade& prepared, PlanObserver& observer);

// Upgrades a VCH to the appliance's version: new images beside the old ones,
// a snapshot of the endpoint VM, then the VM switched to the new appliance
// image and version. Allowed only from an older build (the original's rule);
// refused while another upgrade or configure runs. On failure every change is
// undone and the snapshot reverted, so the VCH keeps running its old version.
// Takes a VCH back to the version before its last upgrade: the snapshot
// that upgrade kept is reverted and the earlier images and version restored.
// ConflictError when there was no upgrade to undo.
std::vector<std::string> rollbackStepNames();
void rollbackVch(vim::Client& client, const std::string& id, PlanObserver& observer,
                 const FaultHook& hook = {});

void upgradeVch(vim::Client& client, const std::string& id, const UpgradeOptions& options,
                PlanObserver& observer);

}  // namespace vic::engine
