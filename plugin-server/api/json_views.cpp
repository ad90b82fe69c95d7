#include "plugin-server/api/json_views.h"

#include <Poco/URI.h>

#include "vicapi/engine/model/vch_json.h"

namespace vic::server {

using nlohmann::json;

json listItemJson(const engine::VchListItem& v) {
  json j{{"id", v.id},
         {"name", v.name},
         {"version", v.version},
         {"power_state", v.powerState},
         {"upgrade_status", v.upgradeStatus}};
  if (!v.parent.id.empty()) j["parent"] = {{"id", v.parent.id}, {"name", v.parent.name}};
  if (!v.adminPortal.empty()) j["admin_portal"] = v.adminPortal;
  if (!v.dockerHost.empty()) j["docker_host"] = v.dockerHost;
  if (!v.daemonVersion.empty()) j["daemon_version"] = v.daemonVersion;
  if (!v.datacenter.empty()) j["datacenter"] = v.datacenter;
  if (!v.rollbackVersion.empty()) j["rollback_version"] = v.rollbackVersion;
  return j;
}

json vchJson(const engine::Vch& v, const std::string& id) {
  json j = engine::vchToJson(v, true);
  j["id"] = id;
  return j;
}

std::string taskUri(const std::string& target, const std::string& opId,
                    const std::string& thumbprint, const std::string& under) {
  std::string t;
  Poco::URI::encode(target, "/?#", t);
  std::string uri = "/container/target/" + t + "/tasks/" + opId + under;
  if (!thumbprint.empty()) {
    std::string tp;
    Poco::URI::encode(thumbprint, "&#+=?", tp);
    uri += "?thumbprint=" + tp;
  }
  return uri;
}

json taskJson(const OperationRecord& op, const std::string& uri, bool withLog) {
  const int total = op.stepsTotal;
  int progress = 0;
  if (op.state == "succeeded")
    progress = 100;
  else if (total > 0)
    // The running step counts as half done, so the bar moves from the first step on.
    progress = (200 * op.stepIndex + 100) / (2 * total);
  json j{{"id", op.id},           {"uri", uri},
         {"kind", op.kind},       {"target", op.target},
         {"user", op.principal},  {"state", op.state},
         {"step", op.step},       {"step_index", op.stepIndex},
         {"steps_total", total},  {"progress", progress},
         {"created", op.created}, {"updated", op.updated}};
  if (!op.datacenter.empty()) j["datacenter"] = op.datacenter;
  if (!op.vchId.empty()) j["vch_id"] = op.vchId;
  if (!op.vchName.empty()) j["vch_name"] = op.vchName;
  if (!op.finished.empty()) j["finished"] = op.finished;
  if (!op.error.empty()) j["error"] = op.error;
  if (!op.stepDescription.empty()) j["step_description"] = op.stepDescription;
  if (!op.rollback.empty()) j["rollback"] = op.rollback;
  if (!op.result.is_null()) j["result"] = op.result;
  if (withLog) j["log"] = op.log;
  return j;
}

}  // namespace vic::server
