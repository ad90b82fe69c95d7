// The operations' state, progress and log; client certificates once.
#include "plugin-server/api/client_bundle.h"
#include "plugin-server/api/json_views.h"
#include "plugin-server/api/routes.h"
#include "plugin-server/httpd/http_error.h"

namespace vic::server {

namespace {

// Any caller who can log in to the operation's target may read its state, as
// vCenter lists its tasks to every user of the inventory; only the author may
// collect the client certificates.
OperationRecord taskFor(Exchange& ex, ApiContext& ctx, const TargetScope& scope) {
  auto op = ctx.operations.journal().get(ex.param("taskId"), true);
  if (!op || op->target != scope.target)
    throw HttpError(404, "no task " + ex.param("taskId") + " on " + scope.target);
  return *op;
}

}  // namespace

void addTaskHandlers(OperationHandlers& handlers, ApiContext& ctx) {
  handlers.set("getTask", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    auto op = taskFor(ex, ctx, scope);
    ex.sendJson(
        200, taskJson(op, taskUri(scope.target, op.id, ex.query("thumbprint").value_or("")), true));
  });
  handlers.set("takeClientCertificates", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    auto op = taskFor(ex, ctx, scope);
    if (op.principal != scope.session.principal)
      throw HttpError(403, "only " + op.principal +
                               ", who created the VCH, can collect its client certificate");
    auto certs = ctx.certificates.take(op.id);
    if (!certs)
      throw HttpError(
          404, "no client certificate is waiting for task " + op.id + "; it is handed out once");
    if (ex.query("format").value_or("") == "zip") {
      const std::string name = (op.vchName.empty() ? op.id : op.vchName) + "-client.zip";
      ex.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
      ex.sendText(200, clientBundleZip(*certs), "application/zip");
      return;
    }
    ex.sendJson(200, {{"ca", certs->caCertificate},
                      {"certificate", certs->clientCertificate},
                      {"private_key", certs->clientKey.reveal()}});
  });
}

}  // namespace vic::server
