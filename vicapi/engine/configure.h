#pragma once

#include <string>
#include <vector>

#include "vicapi/engine/plan/plan.h"
#include "vicapi/engine/validate/validator.h"
#include "vicapi/engine/vch_certificates.h"
#include "vicapi/engine/vch_record.h"

namespace vic::engine {

struct ConfigureOptions {
  ValidationOptions validation;
  FaultHook faultHook;  // tests only
};

struct ConfigureResult {
  std::vector<std::string> changed;  // JSON paths that changed
  VchCertificates certificates;      // when new ones were generated
};

// A configure checked against the rules and vCenter, ready to run: what
// prepare throws (InvalidSpecification, ConflictError) the server answers at
// once; execute runs in the background.
struct PreparedConfigure {
  VchRecord record;
  Vch next;
  guestinfo::Placement placement;                // with the stores and networks added
  std::vector<ResolvedVolumeStore> addedStores;  // whose folders execute makes
  Secret sealingKey;
  guestinfo::KeyValues changes;
  bool poolChanged = false;
  ConfigureResult result;
};
PreparedConfigure prepareConfigure(vim::Client& client, const std::string& id, const Vch& desired,
                                   const ConfigureOptions& options);
ConfigureResult executeConfigure(vim::Client& client, const PreparedConfigure& prepared,
                                 PlanObserver& observer, const FaultHook& hook = {});

// Applies `desired` (the whole model, as a PUT gives it; a PATCH is merged
// into the current model first) to a VCH. Only what can change after create
// may differ: resource limits, reservations and shares, DNS servers,
// registries and proxies, the operations user, debug level, syslog and the
// TLS certificates. Anything else that differs is reported as an issue.
// The VCH is locked while it runs; every change is undone on failure.
ConfigureResult configureVch(vim::Client& client, const std::string& id, const Vch& desired,
                             const ConfigureOptions& options, PlanObserver& observer);

// The current model of a VCH as configure sees it (with its live limits),
// for merging a PATCH into.
Vch currentModel(vim::Client& client, const std::string& id);

}  // namespace vic::engine
