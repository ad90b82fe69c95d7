#include "plugin-server/api/api_context.h"

#include "plugin-server/api/error_replies.h"
#include "plugin-server/httpd/http_error.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/property_collector.h"

namespace vic::server {

std::optional<engine::OperationsCredentials> TargetScope::basicOperations() const {
  if (credentials.kind != Credentials::Kind::Basic) return std::nullopt;
  return engine::OperationsCredentials{credentials.user, credentials.password, false};
}

net::Endpoint targetOf(Exchange& ex, const ApiContext& ctx, TargetAccess access) {
  net::Endpoint endpoint;
  try {
    endpoint = net::Endpoint::parse(ex.param("target"));
  } catch (const UsageError& e) {
    throw HttpError(400, e.what());
  }
  if (access == TargetAccess::Allowed && !ctx.targets.allows(endpoint))
    throw HttpError(403, ctx.targets.refusal(endpoint));
  return endpoint;
}

TargetScope openTarget(Exchange& ex, ApiContext& ctx, TargetAccess access) {
  TargetScope s;
  s.target = ex.param("target");
  s.endpoint = targetOf(ex, ctx, access);
  if (auto t = ex.query("thumbprint"); t && !t->empty()) {
    try {
      auto pinned = tls::Thumbprint::parse(*t);
      s.thumbprint = pinned.str();
      s.trust = tls::Trust::pin(pinned);
    } catch (const UsageError& e) {
      throw HttpError(400, std::string("thumbprint: ") + e.what());
    }
  } else {
    s.trust = tls::Trust::systemRoots();
  }
  s.credentials = credentialsOf(ex);
  s.session = ctx.sessions.get(s.endpoint, s.trust, s.thumbprint, s.credentials);
  // Only now, vCenter having accepted them, is the caller's name believed.
  ex.principal = s.session.principal;
  ctx.operations.resumePending(s.target, s.session.principal, s.session.client);

  if (const std::string dc = ex.param("datacenter"); !dc.empty()) {
    const vim::Moref ref{"Datacenter", dc};
    try {
      vim::PropertyCollector(s.client()).retrieveOne(ref, {"name"});
    } catch (const ManagedObjectNotFoundFault&) {
      throw HttpError(404, "datacenter " + dc + " was not found on " + s.target);
    }
    s.datacenter = ref;
  }
  return s;
}

engine::ValidationOptions validationOptions(const TargetScope& scope, const ApiContext& ctx) {
  engine::ValidationOptions vo;
  vo.datacenter = scope.datacenter;
  vo.fallbackOperations = scope.basicOperations();
  vo.trust = scope.trust;
  vo.applianceVersion = ctx.images.version.str();
  return vo;
}

void audited(Exchange& ex, ApiContext& ctx, const std::string& action,
             const std::function<void(AuditEntry&)>& call) {
  AuditEntry e;
  e.method = ex.method();
  e.path = ex.path();
  e.action = action;
  e.target = ex.param("target");
  e.vchId = ex.param("vchId");
  try {
    call(e);
    e.principal = ex.principal;
    e.status = ex.status();
    if (e.result.empty()) e.result = "accepted";
    ctx.audit.record(e);
  } catch (...) {
    auto reply = replyFor(std::current_exception());
    e.principal = ex.principal.empty() ? "-" : ex.principal;
    e.status = reply.status;
    e.result = "refused: " + reply.body.value("message", std::string());
    ctx.audit.record(e);
    throw;
  }
}

}  // namespace vic::server
