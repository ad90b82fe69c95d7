#include "plugin-server/api/registration_json.h"

#include "vicapi/version/version.h"

namespace vic::server {

using nlohmann::json;

std::string chosenAppliance(const PluginRecord& record,
                            const std::map<std::string, Reachability>& probes,
                            const std::string& selfId) {
  auto up = [&](const std::string& id) {
    auto it = probes.find(id);
    return it != probes.end() && it->second.reachable;
  };
  if (record.find(record.preferredId) && up(record.preferredId)) return record.preferredId;
  const ApplianceEntry* best = nullptr;
  auto rank = [&](const ApplianceEntry& a) {
    return a.id == record.hostId ? 2 : a.id == selfId ? 1 : 0;
  };
  for (const auto& a : record.appliances) {
    if (!up(a.id)) continue;
    if (!best) {
      best = &a;
      continue;
    }
    const int newer = version::compareDotted(a.pluginVersion, best->pluginVersion);
    if (newer > 0 || (newer == 0 && rank(a) > rank(*best))) best = &a;
  }
  return best ? best->id : std::string();
}

json registrationJson(const std::optional<PluginRecord>& record,
                      const std::map<std::string, Reachability>& probes,
                      const std::string& selfId) {
  if (!record) return {{"registered", false}, {"appliances", json::array()}};
  const std::string chosen = chosenAppliance(*record, probes, selfId);
  json list = json::array();
  for (const auto& a : record->appliances) {
    const auto it = probes.find(a.id);
    const bool reachable = it != probes.end() && it->second.reachable;
    json j{{"id", a.id},
           {"address", a.address()},
           {"url", a.url},
           {"version", a.version},
           {"plugin_version", a.pluginVersion},
           {"sha1", a.sha1},
           {"sha256", a.sha256},
           {"registered", a.registered},
           {"reachable", reachable},
           {"this", a.id == selfId},
           {"serves_plugin", a.id == record->hostId},
           {"preferred", a.id == record->preferredId},
           {"chosen", a.id == chosen}};
    if (it != probes.end() && !reachable) j["error"] = it->second.error;
    if (reachable && !it->second.version.empty() && it->second.version != a.version)
      j["running_version"] = it->second.version;  // upgraded since it registered
    list.push_back(std::move(j));
  }
  json out{{"registered", true},     {"plugin_version", record->version},
           {"host", record->hostId}, {"preferred", record->preferredId},
           {"chosen", chosen},       {"appliances", list}};
  // A record another tool wrote may name no client.
  if (!record->clientType.empty()) out["client_type"] = record->clientType;
  return out;
}

json outcomeJson(const RegistrationOutcome& outcome,
                 const std::map<std::string, Reachability>& probes, const std::string& selfId) {
  return {{"action", outcome.action},
          {"serves_plugin", outcome.servesPlugin},
          {"notes", outcome.notes},
          {"registration", registrationJson(outcome.record, probes, selfId)}};
}

}  // namespace vic::server
