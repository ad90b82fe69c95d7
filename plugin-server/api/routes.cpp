#include "plugin-server/api/routes.h"

#include "plugin-server/httpd/http_error.h"

namespace vic::server {

engine::VchRecord findVch(const TargetScope& scope, const std::string& id) {
  auto record = engine::loadVch(scope.client(), id);
  if (scope.datacenter && record.stored.placement.datacenter != scope.datacenter->str())
    throw HttpError(404, "unable to find VCH " + id + " in datacenter " + scope.datacenter->value);
  return record;
}

void addRoutes(Router& router, ApiContext& ctx) {
  OperationHandlers handlers;
  addMetaHandlers(handlers, ctx);
  addTargetHandlers(handlers, ctx);
  addVchReadHandlers(handlers, ctx);
  addVchWriteHandlers(handlers, ctx);
  addTaskHandlers(handlers, ctx);
  addPluginHandlers(handlers, ctx);
  addRegistrationHandlers(handlers, ctx);
  addManifestHandlers(handlers, ctx);
  route(router, std::move(handlers));
}

}  // namespace vic::server
