#include "plugin-server/api/routes.h"

#include "plugin-server/http/http_error.h"

namespace vic::server {

void addBothScopes(Router& router, const std::string& method, const std::string& suffix,
                   Handler handler) {
  router.add(method, "/container/target/{target}" + suffix, handler);
  router.add(method, "/container/target/{target}/datacenter/{datacenter}" + suffix,
             std::move(handler));
}

engine::VchRecord findVch(const TargetScope& scope, const std::string& id) {
  auto record = engine::loadVch(scope.client(), id);
  if (scope.datacenter && record.stored.placement.datacenter != scope.datacenter->str())
    throw HttpError(404, "unable to find VCH " + id + " in datacenter " + scope.datacenter->value);
  return record;
}

void addRoutes(Router& router, ApiContext& ctx) {
  addMetaRoutes(router, ctx);
  addTargetRoutes(router, ctx);
  addVchReadRoutes(router, ctx);
  addVchWriteRoutes(router, ctx);
  addTaskRoutes(router, ctx);
  addPluginRoutes(router, ctx);
  addRegistrationRoutes(router, ctx);
  addManifestRoutes(router, ctx);
}

}  // namespace vic::server
