#pragma once

#include <string>
#include <vector>

#include "vicapi/engine/appliance_images.h"
#include "vicapi/engine/plan/plan.h"
#include "vicapi/engine/validate/resolved_vch.h"
#include "vicapi/engine/vch_certificates.h"

namespace vic::engine {

struct CreateOptions {
  ApplianceImages images;
  std::string target;            // how the endpoint reaches vCenter: https://<host>/sdk
  std::string targetThumbprint;  // and how it trusts it
  FaultHook faultHook;           // tests only
};

struct CreateResult {
  vim::Moref vm;
  VchCertificates certificates;  // with the client certificate and key when generated
  std::vector<std::string> warnings;
};

// The steps of a create, in order, as names; a test makes each fail in turn.
std::vector<std::string> createStepNames(const ResolvedVch& vch);

// Creates the VCH described by a validated specification: resource pool (or
// vApp), VM folder, datastore folder, images, volume stores, endpoint VM with
// its configuration in extraConfig, DRS VM group, permissions, power on.
// Any failure undoes every change made so far, then throws PlanFailed.
CreateResult createVch(vim::Client& client, const ResolvedVch& vch, const CreateOptions& options,
                       PlanObserver& observer);

}  // namespace vic::engine
