#pragma once

#include <string>

#include "vicapi/engine/errors.h"
#include "vicapi/engine/plan/plan.h"

namespace vic::engine {

// The 1.5 Deletion_Specification.
struct DeleteSpec {
  bool allContainers = false;    // containers: "all" (else "off": powered-off ones only)
  bool allVolumeStores = false;  // volume_stores: "all" (else "none": keep the volumes)
};

// Deletes a VCH and everything create made for it: container VMs, the
// endpoint VM, its datastore folder, volume stores when asked, the VM folder,
// the DRS VM group, the permissions granted and its resource pool. Refuses
// before changing anything while containers run, unless allContainers.
// Every step is safe to repeat, so a delete that stopped can be run again.
void deleteVch(vim::Client& client, const std::string& id, const DeleteSpec& spec,
               PlanObserver& observer, const FaultHook& hook = {});

}  // namespace vic::engine
