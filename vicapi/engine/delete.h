#pragma once

#include <string>

#include "vicapi/engine/errors.h"
#include "vicapi/engine/plan/plan.h"
#include "vicapi/engine/vch_record.h"

namespace vic::engine {

// The 1.5 Deletion_Specification.
struct DeleteSpec {
  bool allContainers = false;    // containers: "all" (else "off": powered-off ones only)
  bool allVolumeStores = false;  // volume_stores: "all" (else "none": keep the volumes)
  // other_vms: "keep". VMs in the VCH's pool that are none of its containers
  // are never deleted; without this, their presence refuses the delete.
  bool keepOtherVms = false;
};

struct ContainerVm {
  vim::Moref ref;
  std::string name;
  bool running = false;
};

// What delete will remove, checked first: ConflictError, before anything is
// touched, while containers run and allContainers is not set, or while VMs
// that are not the VCH's are in its pool and keepOtherVms is not set.
struct PreparedDelete {
  VchRecord record;
  DeleteSpec spec;
  std::vector<ContainerVm> containers;  // VMs carrying this VCH's container key
  std::vector<ContainerVm> otherVms;    // anything else in its pool: left alone
  // Datastore paths other VCHs keep volume stores or images in: never deleted.
  std::vector<std::string> othersPaths;
};
PreparedDelete prepareDelete(vim::Client& client, const std::string& id, const DeleteSpec& spec);
void executeDelete(vim::Client& client, const PreparedDelete& prepared, PlanObserver& observer,
                   const FaultHook& hook = {});

// Deletes a VCH and everything create made for it: container VMs, the
// endpoint VM, its datastore folder, volume stores when asked (only those its
// create made and no other VCH uses), the VM folder,
// the DRS VM group, the permissions granted and its resource pool. Refuses
// before changing anything while containers run, unless allContainers.
// Every step is safe to repeat, so a delete that stopped can be run again.
void deleteVch(vim::Client& client, const std::string& id, const DeleteSpec& spec,
               PlanObserver& observer, const FaultHook& hook = {});

}  // namespace vic::engine
