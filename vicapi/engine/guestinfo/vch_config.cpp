#include "vicapi/engine/guestinfo/vch_config.h"

#include "vicapi/engine/guestinfo/sealing.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/util/bounded_json.h"

namespace vic::engine::guestinfo {

using nlohmann::json;

json placementToJson(const Placement& p) {
  json j{{"target", p.target},
         {"target_thumbprint", p.targetThumbprint},
         {"datacenter", p.datacenter},
         {"datacenter_path", p.datacenterPath},
         {"compute_resource", p.computeResource},
         {"pool", p.pool},
         {"folder", p.folder},
         {"datastore", p.datastore},
         {"image_path", p.imagePath},
         {"appliance_iso", p.applianceIso},
         {"bootstrap_iso", p.bootstrapIso},
         {"vm_group_cluster", p.vmGroupCluster},
         {"own_pool", p.ownPool},
         {"previous_version", p.previousVersion},
         {"previous_appliance_iso", p.previousApplianceIso},
         {"previous_bootstrap_iso", p.previousBootstrapIso}};
  for (const auto& [label, path] : p.volumeStores)
    j["volume_stores"][label] = path;
  for (const auto& d : p.createdVolumeDirs)
    j["created_volume_dirs"].push_back(d);
  for (const auto& [role, ref] : p.networks)
    j["networks"][role] = ref;
  for (const auto& e : p.permissions)
    j["permissions"].push_back(e);
  // Drop empty strings: vCenter cannot store empty extraConfig values.
  for (auto it = j.begin(); it != j.end();)
    it = it->is_string() && it->get<std::string>().empty() ? j.erase(it) : std::next(it);
  return j;
}

Placement placementFromJson(const json& j) {
  Placement p;
  auto s = [&](const char* k) {
    return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
  };
  p.target = s("target");
  p.targetThumbprint = s("target_thumbprint");
  p.datacenter = s("datacenter");
  p.datacenterPath = s("datacenter_path");
  p.computeResource = s("compute_resource");
  p.pool = s("pool");
  p.folder = s("folder");
  p.datastore = s("datastore");
  p.imagePath = s("image_path");
  p.applianceIso = s("appliance_iso");
  p.bootstrapIso = s("bootstrap_iso");
  p.vmGroupCluster = s("vm_group_cluster");
  p.ownPool = !j.contains("own_pool") || j["own_pool"] != false;
  p.previousVersion = s("previous_version");
  p.previousApplianceIso = s("previous_appliance_iso");
  p.previousBootstrapIso = s("previous_bootstrap_iso");
  if (j.contains("volume_stores") && j["volume_stores"].is_object())
    for (auto it = j["volume_stores"].begin(); it != j["volume_stores"].end(); ++it)
      if (it->is_string()) p.volumeStores[it.key()] = it->get<std::string>();
  if (j.contains("networks") && j["networks"].is_object())
    for (auto it = j["networks"].begin(); it != j["networks"].end(); ++it)
      if (it->is_string()) p.networks[it.key()] = it->get<std::string>();
  if (j.contains("permissions") && j["permissions"].is_array())
    for (const auto& e : j["permissions"])
      if (e.is_string()) p.permissions.push_back(e.get<std::string>());
  if (j.contains("created_volume_dirs") && j["created_volume_dirs"].is_array())
    for (const auto& d : j["created_volume_dirs"])
      if (d.is_string()) p.createdVolumeDirs.push_back(d.get<std::string>());
  return p;
}

KeyValues encode(const Vch& model, const Placement& placement, const std::string& id,
                 const std::string& version, const Secret& sealingKey) {
  KeyValues kv = flatten(vchToJson(model, false), std::string(kConfigPrefix) + "/");
  for (auto& [k, v] : flatten(placementToJson(placement), std::string(kPlacementPrefix) + "/"))
    kv[k] = v;
  kv[kIdKey] = id;
  kv[kVersionKey] = version;
  kv[kSealingKeyKey] = sealingKey.reveal();
  if (!model.auth.serverPrivateKey.empty())
    kv[kServerKeyKey] = seal(sealingKey, model.auth.serverPrivateKey);
  if (model.endpoint.operationsCredentials &&
      !model.endpoint.operationsCredentials->password.empty())
    kv[kOpsPasswordKey] = seal(sealingKey, model.endpoint.operationsCredentials->password);
  return kv;
}

StoredVch decode(const KeyValues& extraConfig) {
  StoredVch s;
  auto get = [&](const char* k) {
    auto it = extraConfig.find(k);
    return it == extraConfig.end() ? std::string() : it->second;
  };
  s.id = get(kIdKey);
  s.version = get(kVersionKey);
  Issues ignored;  // written by us; a damaged key must not hide the VCH
  s.model = vchFromJson(unflatten(extraConfig, std::string(kConfigPrefix) + "/"), ignored);
  s.model.version = s.version;
  s.placement = placementFromJson(unflatten(extraConfig, std::string(kPlacementPrefix) + "/"));
  s.locked = get(kLockKey) == "true";
  s.clientIp = get(kClientIpKey);
  s.daemonVersion = get(kDaemonVersionKey);
  return s;
}

StoredVch decodeSummary(const KeyValues& kv) {
  StoredVch s;
  auto get = [&](const std::string& k) {
    auto it = kv.find(k);
    return it == kv.end() ? std::string() : it->second;
  };
  s.id = get(kIdKey);
  s.version = get(kVersionKey);
  s.locked = get(kLockKey) == "true";
  s.clientIp = get(kClientIpKey);
  s.daemonVersion = get(kDaemonVersionKey);
  const std::string config = std::string(kConfigPrefix) + "/";
  s.model.auth.noTls = get(config + "auth/no_tls") == "true";
  auto text = [&](const std::string& k) {
    try {
      if (auto v = get(k); !v.empty()) return parseJson(v).get<std::string>();
    } catch (const json::exception&) {
    } catch (const BadJson&) {
    }
    return std::string();
  };
  if (auto st = text(config + "network/client/static"); !st.empty())
    s.model.network.client = RoleNetwork{{}, st, std::nullopt, {}};
  // Which datacenter's pickers offer what a configure may add.
  s.placement.datacenter = text(std::string(kPlacementPrefix) + "/datacenter");
  // What a rollback would return to; empty when the VCH was never upgraded.
  s.placement.previousVersion = text(std::string(kPlacementPrefix) + "/previous_version");
  return s;
}

bool isVch(const KeyValues& extraConfig, const std::string& selfMoref) {
  auto it = extraConfig.find(kIdKey);
  return it != extraConfig.end() && (it->second == selfMoref || it->second == kCreatingId);
}

KeyValues diff(const KeyValues& before, const KeyValues& after, const std::string& prefix) {
  KeyValues out;
  for (const auto& [k, v] : after) {
    if (k.compare(0, prefix.size(), prefix) != 0) continue;
    auto it = before.find(k);
    if (it == before.end() || it->second != v) out[k] = v;
  }
  for (const auto& [k, v] : before) {
    if (k.compare(0, prefix.size(), prefix) != 0) continue;
    if (!after.count(k)) out[k] = "";
  }
  return out;
}

}  // namespace vic::engine::guestinfo
