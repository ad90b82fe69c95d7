#include "plugin-server/api/route_table.h"

#include <stdexcept>

namespace vic::server {

const std::vector<RouteSpec>& routeTable() {
  static const std::vector<RouteSpec> kRoutes = {
      {"getMetadata", "GET", "/container"},
      {"getHello", "GET", "/container/hello"},
      {"getVersion", "GET", "/container/version"},
      {"getOpenApi", "GET", "/container/openapi.json"},
      {"getTarget", "GET", "/container/target/{target}"},
      {"postTarget", "POST", "/container/target/{target}"},
      {"listVCHs", "GET", "/container/target/{target}/vch"},
      {"createVCH", "POST", "/container/target/{target}/vch"},
      {"getVCH", "GET", "/container/target/{target}/vch/{vchId}"},
      {"putVCH", "PUT", "/container/target/{target}/vch/{vchId}"},
      {"patchVCH", "PATCH", "/container/target/{target}/vch/{vchId}"},
      {"actOnVCH", "POST", "/container/target/{target}/vch/{vchId}"},
      {"deleteVCH", "DELETE", "/container/target/{target}/vch/{vchId}"},
      {"getVCHCertificate", "GET", "/container/target/{target}/vch/{vchId}/certificate"},
      {"getVCHLog", "GET", "/container/target/{target}/vch/{vchId}/log"},
      {"getTargetInDatacenter", "GET", "/container/target/{target}/datacenter/{datacenter}"},
      {"postTargetInDatacenter", "POST", "/container/target/{target}/datacenter/{datacenter}"},
      {"listVCHsInDatacenter", "GET", "/container/target/{target}/datacenter/{datacenter}/vch"},
      {"createVCHInDatacenter", "POST", "/container/target/{target}/datacenter/{datacenter}/vch"},
      {"getVCHInDatacenter", "GET",
       "/container/target/{target}/datacenter/{datacenter}/vch/{vchId}"},
      {"putVCHInDatacenter", "PUT",
       "/container/target/{target}/datacenter/{datacenter}/vch/{vchId}"},
      {"patchVCHInDatacenter", "PATCH",
       "/container/target/{target}/datacenter/{datacenter}/vch/{vchId}"},
      {"actOnVCHInDatacenter", "POST",
       "/container/target/{target}/datacenter/{datacenter}/vch/{vchId}"},
      {"deleteVCHInDatacenter", "DELETE",
       "/container/target/{target}/datacenter/{datacenter}/vch/{vchId}"},
      {"getVCHCertificateInDatacenter", "GET",
       "/container/target/{target}/datacenter/{datacenter}/vch/{vchId}/certificate"},
      {"getVCHLogInDatacenter", "GET",
       "/container/target/{target}/datacenter/{datacenter}/vch/{vchId}/log"},
      {"getTask", "GET", "/container/target/{target}/tasks/{taskId}"},
      {"takeClientCertificates", "GET", "/container/target/{target}/tasks/{taskId}/certificates"},
      {"listDatacenters", "GET", "/plugin/target/{target}/datacenters"},
      {"getSession", "GET", "/plugin/target/{target}/session"},
      {"computeTree", "GET", "/plugin/target/{target}/datacenter/{datacenter}/compute"},
      {"listDatastores", "GET", "/plugin/target/{target}/datacenter/{datacenter}/datastores"},
      {"listNetworks", "GET", "/plugin/target/{target}/datacenter/{datacenter}/networks"},
      {"validateVCH", "POST", "/plugin/target/{target}/datacenter/{datacenter}/validate"},
      {"readAudit", "GET", "/plugin/target/{target}/audit"},
      {"getTargetCertificate", "GET", "/plugin/target/{target}/certificate"},
      {"getRegistration", "GET", "/plugin/target/{target}/registration"},
      {"registerAppliance", "POST", "/plugin/target/{target}/registration"},
      {"unregisterAppliance", "DELETE", "/plugin/target/{target}/registration"},
      {"setPreferredAppliance", "PUT", "/plugin/target/{target}/registration/preferred"},
      {"getVersions", "GET", "/plugin/target/{target}/versions"},
      {"getPluginManifest", "GET", "/ui/plugin.json"},
      {"getPluginPackage", "GET", "/files/{file}"},
      {"getRegistrationPage", "GET", "/register"},
      {"listContainers", "GET", "/plugin/target/{target}/containers"},
      {"listContainersInDatacenter", "GET",
       "/plugin/target/{target}/datacenter/{datacenter}/containers"},
      {"listVcenters", "GET", "/plugin/vcenters"},
  };
  return kRoutes;
}

void OperationHandlers::set(const std::string& operationId, Handler handler) {
  if (!byId_.emplace(operationId, std::move(handler)).second)
    throw std::logic_error("two handlers for the operation " + operationId);
}

void OperationHandlers::setBothScopes(const std::string& operationId, Handler handler) {
  set(operationId + "InDatacenter", handler);
  set(operationId, std::move(handler));
}

Handler OperationHandlers::take(const std::string& operationId) {
  auto it = byId_.find(operationId);
  if (it == byId_.end()) throw std::logic_error("no handler for the operation " + operationId);
  Handler h = std::move(it->second);
  byId_.erase(it);
  return h;
}

std::vector<std::string> OperationHandlers::remaining() const {
  std::vector<std::string> out;
  for (const auto& [id, handler] : byId_)
    out.push_back(id);
  return out;
}

void route(Router& router, OperationHandlers handlers) {
  for (const auto& r : routeTable())
    router.add(r.method, r.pattern, handlers.take(r.operationId), r.operationId);
  if (const auto left = handlers.remaining(); !left.empty())
    throw std::logic_error("the handler for " + left.front() + " has no route in the table");
}

}  // namespace vic::server
