// Create, reconfigure (PUT and merge-patch PATCH), upgrade and debug
// actions, delete: each checked at once, then run as a journaled operation.
#include "plugin-server/api/body_fields.h"
#include "plugin-server/api/json_views.h"
#include "plugin-server/api/routes.h"
#include "plugin-server/httpd/http_error.h"
#include "vicapi/engine/configure.h"
#include "vicapi/engine/create.h"
#include "vicapi/engine/debug.h"
#include "vicapi/engine/delete.h"
#include "vicapi/engine/errors.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/engine/upgrade.h"

namespace vic::server {

namespace {

using nlohmann::json;

engine::Vch parseVch(const json& body) {
  if (!body.is_object()) throw HttpError(400, "the body must be a VCH object");
  engine::Issues schema;
  auto vch = engine::vchFromJson(body, schema);
  if (!schema.empty()) throw engine::InvalidSpecification(schema, true);
  return vch;
}

OperationRecord operation(const TargetScope& scope, const std::string& kind,
                          const std::string& vchId, const std::string& vchName) {
  OperationRecord op;
  op.kind = kind;
  op.target = scope.target;
  op.thumbprint = scope.thumbprint;
  op.datacenter = scope.datacenter ? scope.datacenter->value : "";
  op.principal = scope.session.principal;
  op.vchId = vchId;
  op.vchName = vchName;
  return op;
}

// 409 with the URI of the task the VCH is busy with.
[[noreturn]] void busyReply(Exchange& ex, const TargetScope& scope, const VchBusy& busy) {
  throw HttpError(
      409, std::string(busy.what()) + " (" +
               taskUri(scope.target, busy.runningId, ex.query("thumbprint").value_or("")) + ")");
}

// Refused at once, before the request reads and prepares anything.
void refuseIfBusy(Exchange& ex, ApiContext& ctx, const TargetScope& scope,
                  const std::string& vchId) {
  try {
    ctx.operations.refuseIfBusy(operation(scope, "", vchId, ""));
  } catch (const VchBusy& busy) {
    busyReply(ex, scope, busy);
  }
}

// Starts the operation, or says which task the VCH is busy with.
std::string startOperation(Exchange& ex, ApiContext& ctx, const TargetScope& scope,
                           OperationRecord meta, std::shared_ptr<vim::Client> client,
                           OperationRunner::Work work) {
  try {
    return ctx.operations.start(std::move(meta), std::move(client), std::move(work));
  } catch (const VchBusy& busy) {
    busyReply(ex, scope, busy);
  }
}

// The task answer: its URI (the original always sent null).
void accepted(Exchange& ex, AuditEntry& audit, int status, const TargetScope& scope,
              const std::string& opId) {
  audit.operation = opId;
  const std::string uri = taskUri(scope.target, opId, ex.query("thumbprint").value_or(""));
  ex.setHeader("Location", uri);
  ex.sendJson(status, {{"task", uri}});
}

// What the endpoint pins: the target's SHA-1 thumbprint, read when the caller
// trusted the target by CA rather than by thumbprint.
std::string endpointThumbprint(const TargetScope& scope) {
  if (scope.trust.pinned && scope.trust.pinned->kind() == tls::DigestKind::Sha1)
    return scope.thumbprint;
  return tls::readServerCertificate(scope.endpoint.host, scope.endpoint.port,
                                    std::chrono::seconds(10))
      .sha1;
}

// New client certificates are kept for whoever started the operation to
// collect once from the task: the appliance holds no copy after that.
void offerClientBundle(CertificateDrop& drop, const std::string& opId,
                       const engine::VchCertificates& certs, json& out) {
  if (certs.clientCertificate.empty()) return;
  drop.put(opId, certs);
  out["client_certificates"] = "available once at the task's /certificates";
}

void create(Exchange& ex, ApiContext& ctx) {
  audited(ex, ctx, "create", [&](AuditEntry& audit) {
    auto scope = openTarget(ex, ctx);
    auto vch = parseVch(ex.jsonBody());
    const auto vo = validationOptions(scope, ctx);
    engine::ResolvedVch resolved;
    auto issues = engine::validateVch(scope.client(), vch, vo, resolved);
    if (!issues.empty()) throw engine::InvalidSpecification(issues, false);
    engine::CreateOptions co;
    co.images = ctx.images;
    co.target = "https://" + scope.endpoint.hostPort() + "/sdk";
    co.targetThumbprint = endpointThumbprint(scope);
    auto client = scope.session.client;
    auto& journal = ctx.operations.journal();
    auto& drop = ctx.certificates;
    const std::string id =
        startOperation(ex, ctx, scope, operation(scope, "create", "", resolved.vch.name), client,
                       [client, resolved, co, &journal, &drop](const std::string& opId,
                                                               engine::PlanObserver& observer) {
                         auto result = engine::createVch(*client, resolved, co, observer);
                         journal.setVch(opId, result.vm.value, resolved.vch.name);
                         json out{{"vch_id", result.vm.value}, {"warnings", result.warnings}};
                         offerClientBundle(drop, opId, result.certificates, out);
                         return out;
                       });
    accepted(ex, audit, 201, scope, id);
  });
}

void reconfigure(Exchange& ex, ApiContext& ctx, bool patch) {
  audited(ex, ctx, "reconfigure", [&](AuditEntry& audit) {
    auto scope = openTarget(ex, ctx);
    const std::string vchId = ex.param("vchId");
    refuseIfBusy(ex, ctx, scope, vchId);
    findVch(scope, vchId);
    json body =
        patch ? ex.jsonBody({"application/merge-patch+json", "application/json"}) : ex.jsonBody();
    if (patch) {
      json merged = engine::vchToJson(engine::currentModel(scope.client(), vchId), false);
      merged.merge_patch(body);
      body = merged;
    }
    auto desired = parseVch(body);
    engine::ConfigureOptions options;
    options.validation = validationOptions(scope, ctx);
    auto prepared = std::make_shared<engine::PreparedConfigure>(
        engine::prepareConfigure(scope.client(), vchId, desired, options));
    auto client = scope.session.client;
    auto& drop = ctx.certificates;
    const std::string id = startOperation(
        ex, ctx, scope, operation(scope, "reconfigure", vchId, prepared->record.name), client,
        [client, prepared, &drop](const std::string& opId, engine::PlanObserver& observer) {
          auto result = engine::executeConfigure(*client, *prepared, observer);
          json out{{"changed", result.changed}};
          offerClientBundle(drop, opId, result.certificates, out);
          return out;
        });
    accepted(ex, audit, 202, scope, id);
  });
}

void upgrade(Exchange& ex, ApiContext& ctx, const TargetScope& scope, AuditEntry& audit,
             const json& body) {
  const std::string vchId = ex.param("vchId");
  auto record = findVch(scope, vchId);
  auto client = scope.session.client;
  if (optionalBool(body, "rollback").value_or(false)) {
    const std::string id =
        startOperation(ex, ctx, scope, operation(scope, "rollback", vchId, record.name), client,
                       [client, vchId](const std::string&, engine::PlanObserver& observer) {
                         engine::rollbackVch(*client, vchId, observer);
                         return json::object();
                       });
    return accepted(ex, audit, 202, scope, id);
  }
  if (auto iso = optionalString(body, "bootstrap-iso"); iso && *iso != ctx.images.bootstrapName())
    throw HttpError(422, "bootstrap-iso: this appliance has only " + ctx.images.bootstrapName());
  auto prepared = std::make_shared<engine::PreparedUpgrade>(
      engine::prepareUpgrade(scope.client(), vchId, {ctx.images, {}}));
  const std::string id =
      startOperation(ex, ctx, scope, operation(scope, "upgrade", vchId, record.name), client,
                     [client, prepared](const std::string&, engine::PlanObserver& observer) {
                       engine::executeUpgrade(*client, *prepared, observer);
                       return json{{"version", prepared->options.images.version.str()}};
                     });
  accepted(ex, audit, 202, scope, id);
}

void debug(Exchange& ex, ApiContext& ctx, const TargetScope& scope, AuditEntry& audit,
           const json& body) {
  const std::string vchId = ex.param("vchId");
  auto record = findVch(scope, vchId);
  engine::DebugSpec spec;
  spec.enableSsh = optionalBool(body, "enable-ssh").value_or(false);
  spec.authorizedKey = optionalString(body, "authorized-key", 16 * 1024).value_or("");
  if (auto pw = optionalString(body, "rootpw")) spec.rootPassword = Secret(*pw);
  if (!spec.enableSsh && (!spec.authorizedKey.empty() || !spec.rootPassword.empty()))
    throw HttpError(400, "authorized-key and rootpw need enable-ssh: true");
  auto client = scope.session.client;
  const std::string id =
      startOperation(ex, ctx, scope, operation(scope, "debug", vchId, record.name), client,
                     [client, vchId, spec](const std::string&, engine::PlanObserver& observer) {
                       engine::debugVch(*client, vchId, spec, observer);
                       return json::object();
                     });
  accepted(ex, audit, 202, scope, id);
}

void action(Exchange& ex, ApiContext& ctx) {
  const std::string action = ex.query("action").value_or("");
  audited(ex, ctx, action, [&](AuditEntry& audit) {
    if (action != "upgrade" && action != "debug")
      throw HttpError(422, "action in query must be one of debug, upgrade");
    auto scope = openTarget(ex, ctx);
    refuseIfBusy(ex, ctx, scope, ex.param("vchId"));
    const json body = ex.jsonBody();
    if (action == "upgrade")
      upgrade(ex, ctx, scope, audit, body);
    else
      debug(ex, ctx, scope, audit, body);
  });
}

void remove(Exchange& ex, ApiContext& ctx) {
  audited(ex, ctx, "delete", [&](AuditEntry& audit) {
    auto scope = openTarget(ex, ctx);
    const std::string vchId = ex.param("vchId");
    refuseIfBusy(ex, ctx, scope, vchId);
    const json body = ex.jsonBody();
    engine::DeleteSpec spec;
    if (body.is_object()) {
      const std::string containers = optionalString(body, "containers").value_or("off");
      const std::string stores = optionalString(body, "volume_stores").value_or("none");
      if (containers != "off" && containers != "all")
        throw HttpError(422, "containers in body should be one of [off all]");
      if (stores != "none" && stores != "all")
        throw HttpError(422, "volume_stores in body should be one of [none all]");
      const std::string others = optionalString(body, "other_vms").value_or("refuse");
      if (others != "refuse" && others != "keep")
        throw HttpError(422, "other_vms in body should be one of [refuse keep]");
      spec.allContainers = containers == "all";
      spec.allVolumeStores = stores == "all";
      spec.keepOtherVms = others == "keep";
    }
    findVch(scope, vchId);
    auto prepared = std::make_shared<engine::PreparedDelete>(
        engine::prepareDelete(scope.client(), vchId, spec));
    auto client = scope.session.client;
    const std::string id = startOperation(
        ex, ctx, scope, operation(scope, "delete", vchId, prepared->record.name), client,
        [client, prepared](const std::string&, engine::PlanObserver& observer) {
          engine::executeDelete(*client, *prepared, observer);
          return json::object();
        });
    accepted(ex, audit, 202, scope, id);
  });
}

}  // namespace

void addVchWriteHandlers(OperationHandlers& handlers, ApiContext& ctx) {
  handlers.setBothScopes("createVCH", [&ctx](Exchange& ex) { create(ex, ctx); });
  handlers.setBothScopes("putVCH", [&ctx](Exchange& ex) { reconfigure(ex, ctx, false); });
  handlers.setBothScopes("patchVCH", [&ctx](Exchange& ex) { reconfigure(ex, ctx, true); });
  handlers.setBothScopes("actOnVCH", [&ctx](Exchange& ex) { action(ex, ctx); });
  handlers.setBothScopes("deleteVCH", [&ctx](Exchange& ex) { remove(ex, ctx); });
}

}  // namespace vic::server
