// GET and POST /container/target/{target}: the hosts' firewall for VCHs.
#include "plugin-server/api/routes.h"
#include "plugin-server/httpd/http_error.h"
#include "vicapi/base/error.h"
#include "vicapi/engine/firewall.h"
#include "vicapi/vim/finder.h"

namespace vic::server {

namespace {

std::optional<vim::Moref> computeScope(Exchange& ex, TargetScope& scope) {
  auto cr = ex.query("compute-resource");
  if (!cr || cr->empty()) return std::nullopt;
  try {
    return vim::Finder(scope.client()).find(vim::Kind::Compute, *cr, scope.datacenter);
  } catch (const NotFoundError& e) {
    throw HttpError(400, std::string("compute resource validation failed: ") + e.what());
  }
}

nlohmann::json targetJson(TargetScope& scope, const std::optional<vim::Moref>& compute) {
  // 1.5's schema: one {target, in_supported_state} per host.
  nlohmann::json hosts = nlohmann::json::array();
  bool all = true;
  for (const auto& h : engine::firewallStatus(scope.client(), compute)) {
    hosts.push_back(
        {{"target", h.name}, {"in_supported_state", h.allowsVch}, {"id", h.host.value}});
    all &= h.allowsVch;
  }
  const auto& about = scope.client().serviceContent().about;
  return {{"target", scope.target},
          {"product", about.fullName},
          {"api_version", about.apiVersion},
          {"firewall", hosts},
          {"all_hosts_allow_vch", all}};
}

}  // namespace

void addTargetHandlers(OperationHandlers& handlers, ApiContext& ctx) {
  auto get = [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    ex.sendJson(200, targetJson(scope, computeScope(ex, scope)));
  };
  auto post = [&ctx](Exchange& ex) {
    const std::string action = ex.query("action").value_or("");
    audited(ex, ctx, action, [&](AuditEntry&) {
      if (action != "firewall:allow" && action != "firewall:deny")
        throw HttpError(422, "action in query must be one of firewall:allow, firewall:deny");
      auto scope = openTarget(ex, ctx);
      engine::setFirewall(scope.client(), computeScope(ex, scope), action == "firewall:allow");
      ex.sendEmpty(204);
    });
  };
  handlers.set("getTarget", get);
  handlers.set("getTargetInDatacenter", get);
  handlers.set("postTarget", post);
  handlers.set("postTargetInDatacenter", post);
}

}  // namespace vic::server
