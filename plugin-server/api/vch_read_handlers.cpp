// List, inspect, certificate and log.
#include "plugin-server/api/error_replies.h"
#include "plugin-server/api/json_views.h"
#include "plugin-server/api/list_page.h"
#include "plugin-server/api/routes.h"
#include "plugin-server/httpd/http_error.h"
#include "vicapi/base/error.h"
#include "vicapi/engine/vch_logs.h"
#include "vicapi/vim/finder.h"

namespace vic::server {

void addVchReadHandlers(OperationHandlers& handlers, ApiContext& ctx) {
  handlers.setBothScopes("listVCHs", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    engine::ListScope list;
    list.datacenter = scope.datacenter;
    if (auto cr = ex.query("compute-resource"); cr && !cr->empty()) {
      try {
        list.computeResource =
            vim::Finder(scope.client()).find(vim::Kind::Compute, *cr, scope.datacenter);
      } catch (const Error& e) {
        throw HttpError(400, std::string("compute resource validation failed: ") + e.what());
      }
    }
    // The caller's own new VCHs whose client certificate still waits to be collected.
    const auto waiting = ctx.operations.journal().createdBy(scope.session.principal, scope.target);
    const ListPage pageSpec = listPageOf(ex);
    nlohmann::json all = nlohmann::json::array();
    for (const auto& v : engine::listVchs(scope.client(), list, ctx.images.version))
      all.push_back(listItemJson(v));
    auto page = applyPage(std::move(all), pageSpec);
    // Asked for by the plug-in's list (health=1), not by 1.5's clients: it
    // connects out, to the page's endpoints only.
    if (ex.query("health").value_or("") == "1") {
      const auto on = [](const nlohmann::json& v) {
        return v.value("power_state", "") == "poweredOn" && v.contains("docker_host");
      };
      std::vector<std::string> endpoints;
      for (const auto& v : page.items)
        if (on(v)) endpoints.push_back(v["docker_host"].get<std::string>());
      const auto answering = ctx.health.check(endpoints);
      for (auto& v : page.items)
        if (on(v))
          if (auto a = answering.find(v["docker_host"].get<std::string>()); a != answering.end())
            v["endpoint_answering"] = a->second;
    }
    for (auto& v : page.items)
      if (auto op = waiting.find(v["id"].get<std::string>());
          op != waiting.end() && ctx.certificates.has(op->second))
        v["client_bundle"] =
            taskUri(scope.target, op->second, ex.query("thumbprint").value_or(""), "/certificates");
    nlohmann::json answer{{"vchs", std::move(page.items)}};
    if (pageSpec.paged()) answer["total"] = page.total;
    ex.sendJson(200, answer);
  });

  handlers.setBothScopes("getVCH", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    auto record = findVch(scope, ex.param("vchId"));
    ex.sendJson(200, vchJson(engine::describeVch(record, ctx.images.version), record.vm.value));
  });

  handlers.setBothScopes("getVCHCertificate", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    auto record = findVch(scope, ex.param("vchId"));
    const std::string& pem = record.stored.model.auth.serverCertificate;
    if (pem.empty()) throw HttpError(404, "no certificate found for VCH " + record.vm.value);
    // The first block, the server's own certificate, as the original served it.
    const std::string end = "-----END CERTIFICATE-----";
    const auto e = pem.find(end);
    ex.sendText(200, e == std::string::npos ? pem : pem.substr(0, e + end.size()) + "\n",
                "application/x-pem-file");
  });

  handlers.setBothScopes("getVCHLog", [&ctx](Exchange& ex) {
    // Errors here are plain text, as the original's were.
    try {
      auto scope = openTarget(ex, ctx);
      auto record = findVch(scope, ex.param("vchId"));
      // What finished is in the VCH's folder, whichever appliance (or
      // vic-machine) ran it; what runs now, this appliance's journal has.
      std::string log = engine::readVchLogs(scope.client(), record).value_or("");
      log += ctx.operations.journal().vchLog(record.vm.value, "running");
      if (log.empty())
        throw HttpError(404, "no log file available in datastore folder of VCH " + record.vm.value);
      ex.sendText(200, log);
    } catch (...) {
      auto reply = replyFor(std::current_exception());
      ex.sendText(reply.status, reply.body.value("message", std::string()));
    }
  });
}

}  // namespace vic::server
