// Registering this appliance with a vCenter, the registration's state with
// every appliance's reachability, the administrator's choice of appliance,
// and the versions the info panel shows.
#include "plugin-server/api/registration_json.h"
#include "plugin-server/api/routes.h"
#include "plugin-server/auth/credentials.h"
#include "plugin-server/httpd/http_error.h"
#include "plugin-server/registration/registrar.h"
#include "plugin-server/store/clock.h"
#include "vicapi/engine/query.h"
#include "vicapi/version/version.h"

namespace vic::server {

namespace {

using nlohmann::json;

std::map<std::string, Reachability> probesOf(ApiContext& ctx,
                                             const std::optional<PluginRecord>& record) {
  if (!record) return {};
  return ctx.prober.probeAll(record->appliances);
}

RegisterOptions registerOptions(Exchange& ex) {
  RegisterOptions o;
  const std::string force = ex.query("force").value_or("false");
  if (force != "true" && force != "false")
    throw HttpError(422, "force in query must be true or false");
  o.force = force == "true";
  const std::string client = ex.query("client").value_or("");
  if (client == "remote")
    o.clientType = kRemoteClient;
  else if (client == "local")
    o.clientType = kLocalClient;
  else if (!client.empty())
    throw HttpError(422, "client in query must be remote (vSphere 7 and 8) or local (6.7)");
  if (auto mail = ex.query("admin-email"); mail && !mail->empty()) o.adminEmail = *mail;
  return o;
}

// Each registered vCenter that accepts the caller's credentials. A session
// token is only offered to the vCenter whose vSphere Client sent it. With no
// vCenter registered there is nothing to check the caller with, and nothing
// to tell.
json vcentersOfCaller(Exchange& ex, ApiContext& ctx) {
  json out = json::array();
  const auto registered = ctx.vcenters.all();
  if (registered.empty()) return out;
  const Credentials credentials = credentialsOf(ex);
  std::exception_ptr refused;
  for (const auto& v : registered) {
    try {
      const auto endpoint = net::Endpoint::parse(v.target);
      if (credentials.kind == Credentials::Kind::Token && !credentials.uiEndpoint.empty() &&
          net::Endpoint::parse(credentials.uiEndpoint).host != endpoint.host)
        continue;
      tls::Trust trust = tls::Trust::systemRoots();
      std::string trustKey;
      if (!v.thumbprint.empty()) {
        const auto pinned = tls::Thumbprint::parse(v.thumbprint);
        trustKey = pinned.str();
        trust = tls::Trust::pin(pinned);
      }
      ex.principal = ctx.sessions.get(endpoint, trust, trustKey, credentials).principal;
      out.push_back({{"target", v.target},
                     {"thumbprint", v.thumbprint},
                     {"guid", v.guid},
                     {"registered", v.registered}});
    } catch (const std::exception&) {
      refused = std::current_exception();
    }
  }
  if (out.empty() && refused) std::rethrow_exception(refused);
  if (out.empty())
    throw HttpError(401,
                    "no vCenter this appliance is registered with takes a session token "
                    "from the vSphere Client at " +
                        credentials.uiEndpoint);
  return out;
}

json versionsJson(ApiContext& ctx, TargetScope& scope) {
  const auto record = readRecord(scope.client());
  const auto probes = probesOf(ctx, record);
  const auto& me = ctx.self.identity;
  json appliance{{"id", me.id},
                 {"version", me.version},
                 {"plugin_version", me.pluginVersion},
                 {"endpoint_version", ctx.images.version.str()}};
  try {
    appliance["address"] = ctx.self.towards(scope.endpoint).address;
  } catch (const std::exception& e) {
    appliance["address_error"] = e.what();
  }
  json warnings = json::array();
  if (ctx.images.version.str() != me.version)
    warnings.push_back("the endpoint daemon this appliance ships (" + ctx.images.version.str() +
                       ") is not of the appliance's version (" + me.version + ")");
  if (!record) {
    warnings.push_back("no VIC plug-in is registered with " + scope.target +
                       "; register an appliance");
  } else {
    if (!record->find(me.id))
      warnings.push_back("this appliance is not registered with " + scope.target);
    for (const auto& a : record->appliances) {
      if (version::compareDotted(a.pluginVersion, record->version) < 0)
        warnings.push_back("appliance " + a.address() + " ships plug-in " + a.pluginVersion +
                           ", older than the registered plug-in " + record->version);
      if (auto it = probes.find(a.id); it != probes.end() && !it->second.reachable)
        warnings.push_back("appliance " + a.address() + " does not answer: " + it->second.error);
    }
  }
  json vchs = json::array();
  for (const auto& v : engine::listVchs(scope.client(), {}, ctx.images.version)) {
    const bool newer = v.upgradeStatus == "VCH has newer version";
    vchs.push_back(
        {{"id", v.id},
         {"name", v.name},
         {"version", v.version},
         {"upgrade_status", v.upgradeStatus},
         {"newer_than_appliance", newer},
         {"daemon_version", v.daemonVersion.empty() ? json(nullptr) : json(v.daemonVersion)}});
    if (!v.daemonVersion.empty() && v.daemonVersion != ctx.images.version.str())
      warnings.push_back("VCH " + v.name + " runs endpoint daemon " + v.daemonVersion +
                         "; this appliance ships " + ctx.images.version.str() +
                         (newer ? "" : "; upgrade the VCH to run it"));
    if (newer)
      warnings.push_back("VCH " + v.name + " (" + v.version + ") is newer than this appliance (" +
                         me.version + "); manage it from an appliance of its version");
  }
  return {{"appliance", appliance},
          {"registration", registrationJson(record, probes, me.id)},
          {"vchs", vchs},
          {"warnings", warnings}};
}

}  // namespace

void addRegistrationHandlers(OperationHandlers& handlers, ApiContext& ctx) {
  const std::string base = "/plugin/target/{target}";
  // What the target presents, before anyone trusts it: the registration page
  // shows it for confirmation. Needs no credentials, as the original's did.
  handlers.set("getTargetCertificate", [&ctx](Exchange& ex) {
    const auto target = targetOf(ex, ctx, TargetAccess::AnyForRegistration);
    auto cert = tls::readServerCertificate(target.host, target.port, std::chrono::seconds(10));
    ex.sendJson(200, {{"target", target.hostPort()},
                      {"sha1", cert.sha1},
                      {"sha256", cert.sha256},
                      {"subject", cert.subject},
                      {"issuer", cert.issuer}});
  });
  // The vCenters this appliance registered with, for the plug-in's UI to find
  // its own (address and trusted thumbprint) by the vCenter's instance UUID:
  // those that accept the caller's credentials.
  handlers.set("listVcenters",
               [&ctx](Exchange& ex) { ex.sendJson(200, vcentersOfCaller(ex, ctx)); });
  handlers.set("getRegistration", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx, TargetAccess::AnyForRegistration);
    const auto record = readRecord(scope.client());
    ex.sendJson(200, registrationJson(record, probesOf(ctx, record), ctx.self.identity.id));
  });
  handlers.set("registerAppliance", [&ctx](Exchange& ex) {
    audited(ex, ctx, "register", [&](AuditEntry& audit) {
      const auto options = registerOptions(ex);
      auto scope = openTarget(ex, ctx, TargetAccess::AnyForRegistration);
      const ApplianceIdentity me = ctx.self.towards(scope.endpoint);
      const auto outcome = registerAppliance(scope.client(), me, options);
      ctx.vcenters.remember({scope.endpoint.hostPort(), scope.thumbprint,
                             scope.client().serviceContent().about.instanceUuid, utcNow()});
      audit.result = outcome.action + (outcome.servesPlugin ? ", serves the plug-in" : "");
      ex.sendJson(200, outcomeJson(outcome, probesOf(ctx, outcome.record), me.id));
    });
  });
  handlers.set("unregisterAppliance", [&ctx](Exchange& ex) {
    audited(ex, ctx, "unregister", [&](AuditEntry& audit) {
      auto scope = openTarget(ex, ctx, TargetAccess::AnyForRegistration);
      const auto outcome = unregisterAppliance(scope.client(), ctx.self.identity.id, ctx.prober);
      ctx.vcenters.forget(scope.endpoint.hostPort());
      audit.result = outcome.action;
      ex.sendJson(200, outcomeJson(outcome, probesOf(ctx, outcome.record), ctx.self.identity.id));
    });
  });
  handlers.set("setPreferredAppliance", [&ctx](Exchange& ex) {
    audited(ex, ctx, "prefer-appliance", [&](AuditEntry&) {
      auto scope = openTarget(ex, ctx);
      const json body = ex.jsonBody();
      if (!body.is_object() || !body.contains("appliance") ||
          !(body["appliance"].is_string() || body["appliance"].is_null()))
        throw HttpError(422,
                        "the body must be {\"appliance\": <appliance id, or null for automatic>}");
      setPreferredAppliance(
          scope.client(), body["appliance"].is_null() ? "" : body["appliance"].get<std::string>());
      ex.sendEmpty(204);
    });
  });
  handlers.set("getVersions", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    ex.sendJson(200, versionsJson(ctx, scope));
  });
}

}  // namespace vic::server
