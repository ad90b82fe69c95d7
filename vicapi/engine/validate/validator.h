#pragma once

#include <optional>

#include "vicapi/engine/model/issues.h"
#include "vicapi/engine/validate/resolved_vch.h"
#include "vicapi/tls/trust.h"

namespace vic::vim {
class Client;
}

namespace vic::engine {

struct ValidationOptions {
  // Scope of the request: the datacenter a datacenter-scoped API route names.
  std::optional<vim::Moref> datacenter;
  // Used when the body has no operations credentials (the caller's own
  // login, when it was made with a password).
  std::optional<OperationsCredentials> fallbackOperations;
  // How to reach the target again for the operations user's test login.
  tls::Trust trust;
  // The appliance's version, which a body's "version" must match if given.
  std::string applianceVersion;
  // Validating a change to an existing VCH: its own name, pool and folders
  // are not "already taken".
  bool existingVch = false;
  // What the existing VCH's pool reserves now: the parent pool can grant a
  // change that much more than it has unreserved.
  long long reservedCpuMHz = 0;
  long long reservedMemoryMiB = 0;
};

// Checks a VCH specification against the rules of the original and against
// vCenter, reporting every problem with its JSON path. On success `out` holds
// the normalised model and the resolved objects create works from.
Issues validateVch(vim::Client& client, const Vch& input, const ValidationOptions& options,
                   ResolvedVch& out);

// Only the rules that need no vCenter: names, debug level, syslog, the
// container name convention, certificates and keys, registries and proxies.
Issues checkBodyRules(const Vch& input, const ValidationOptions& options, ResolvedVch& out);

}  // namespace vic::engine
