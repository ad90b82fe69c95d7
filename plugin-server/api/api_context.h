#pragma once

#include <string>

#include "plugin-server/api/certificate_drop.h"
#include "plugin-server/api/endpoint_health.h"
#include "plugin-server/auth/session_cache.h"
#include "plugin-server/auth/target_policy.h"
#include "plugin-server/httpd/exchange.h"
#include "plugin-server/jobs/operation_runner.h"
#include "plugin-server/registration/appliance_identity.h"
#include "plugin-server/registration/appliance_prober.h"
#include "plugin-server/registration/plugin_files.h"
#include "plugin-server/store/audit_log.h"
#include "plugin-server/store/vcenter_registrations.h"
#include "vicapi/engine/appliance_images.h"
#include "vicapi/engine/validate/validator.h"

namespace vic::server {

// What every handler shares.
struct ApiContext {
  SessionCache& sessions;
  OperationRunner& operations;
  AuditLog& audit;
  engine::ApplianceImages images;
  std::string openApiDocument;  // served at /container/openapi.json
  ApplianceSelf self;
  ApplianceProber& prober;
  VcenterRegistrations& vcenters;
  PluginFiles plugin;
  CertificateDrop certificates;
  TargetPolicy& targets;
  EndpointHealth health;
};

// A request scoped to one vCenter ({target}, optionally {datacenter}),
// authenticated as its caller.
struct TargetScope {
  std::string target;  // as given in the path: host[:port]
  net::Endpoint endpoint;
  std::string thumbprint;  // the pinned thumbprint, normalised, or empty for CA trust
  tls::Trust trust;
  SessionCache::Session session;
  Credentials credentials;
  std::optional<vim::Moref> datacenter;

  vim::Client& client() const { return *session.client; }
  // The caller's password credentials, the default operations user (none
  // with a ticket: the original's rule).
  std::optional<engine::OperationsCredentials> basicOperations() const;
};

// Whether a route may name any vCenter as its target: registering may (that
// is how a vCenter becomes one this appliance manages); everything else only
// the targets the TargetPolicy allows.
enum class TargetAccess { Allowed, AnyForRegistration };

// Resolves {target} and {datacenter}, the thumbprint query parameter and the
// caller's credentials. 403 for a target not allowed (before anything is
// sent to it), 401 for refused credentials, 404 for an unknown datacenter,
// 400 for an untrusted target (both thumbprints in the message).
TargetScope openTarget(Exchange& ex, ApiContext& ctx, TargetAccess access = TargetAccess::Allowed);

// The {target} of the path, refused with 400 when it is not host[:port] and
// with 403 when `access` does not allow it.
net::Endpoint targetOf(Exchange& ex, const ApiContext& ctx, TargetAccess access);

// How a VCH body is validated for this caller on this target: the scope's
// datacenter and trust, the caller's password as the default operations user,
// this appliance's version.
engine::ValidationOptions validationOptions(const TargetScope& scope, const ApiContext& ctx);

// Runs a mutating call and writes its audit entry, whatever the outcome.
void audited(Exchange& ex, ApiContext& ctx, const std::string& action,
             const std::function<void(AuditEntry&)>& call);

}  // namespace vic::server
