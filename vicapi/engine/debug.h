#pragma once

#include <string>

#include "vicapi/engine/plan/plan.h"
#include "vicapi/util/secret.h"

namespace vic::engine {

// The 1.5 design's debug action: let an administrator into the endpoint VM.
struct DebugSpec {
  bool enableSsh = false;
  std::string authorizedKey;  // an SSH public key for root
  Secret rootPassword;        // sealed in the VM like the VCH's other secrets
};

// Writes the request to the endpoint's guestinfo
// (guestinfo.vice./debug/enable_ssh, .../authorized_key,
// .../root_password@secret), where the endpoint picks it up. Undone on failure.
void debugVch(vim::Client& client, const std::string& id, const DebugSpec& spec,
              PlanObserver& observer, const FaultHook& hook = {});

}  // namespace vic::engine
