#include "daemon/containers/container_record.h"

#include "vicapi/engine/containers.h"
#include "vicapi/util/bounded_json.h"

namespace vic::endpoint {

namespace {

const std::string kPrefix = kContainerPrefix;
const std::string kId = kPrefix + "id";
const std::string kImageId = kPrefix + "image_id";
const std::string kConfig = kPrefix + "config";
const std::string kHostConfig = kPrefix + "host_config";
const std::string kMounts = kPrefix + "mounts";
const std::string kCreated = kPrefix + "created";
const std::string kStartedAt = kPrefix + "started_at";
const std::string kFinishedAt = kPrefix + "finished_at";
const std::string kExitCode = kPrefix + "exit_code";

nlohmann::json mountsJson(const std::vector<MountRecord>& mounts) {
  auto a = nlohmann::json::array();
  for (const auto& m : mounts)
    a.push_back({{"name", m.name},
                 {"destination", m.destination},
                 {"anonymous", m.anonymous},
                 {"read_only", m.readOnly}});
  return a;
}

nlohmann::json parsedOr(const engine::guestinfo::KeyValues& keys, const std::string& key,
                        nlohmann::json fallback) {
  auto it = keys.find(key);
  if (it == keys.end()) return fallback;
  try {
    return parseJson(it->second);
  } catch (const BadJson&) {
    return fallback;  // a value someone edited by hand: the rest still shows
  }
}

}  // namespace

std::string ContainerRecord::status() const {
  if (powerState == "poweredOn") return "running";
  if (powerState == "suspended") return "paused";
  return startedAt.empty() && finishedAt.empty() ? "created" : "exited";
}

std::string ContainerRecord::portsText() const {
  std::string out;
  const auto bindings = hostConfig.value("PortBindings", nlohmann::json::object());
  if (!bindings.is_object()) return out;
  for (auto it = bindings.begin(); it != bindings.end(); ++it) {
    if (!it->is_array()) continue;
    for (const auto& b : *it) {
      if (!b.is_object()) continue;
      std::string hostPort = b.value("HostPort", "");
      if (!out.empty()) out += ",";
      out += (hostPort.empty() ? "" : hostPort + ":") + it.key();
    }
  }
  return out;
}

engine::guestinfo::KeyValues toExtraConfig(const ContainerRecord& c, const vim::Moref& vch) {
  engine::guestinfo::KeyValues kv = stateKeys(c);
  kv[engine::kContainerVchKey] = vch.str();
  kv[engine::kContainerNameKey] = c.name;
  kv[engine::kContainerImageKey] = c.image;
  if (auto ports = c.portsText(); !ports.empty()) kv[engine::kContainerPortsKey] = ports;
  kv[kId] = c.id;
  kv[kImageId] = c.imageId;
  kv[kConfig] = c.config.dump();
  kv[kHostConfig] = c.hostConfig.dump();
  if (!c.mounts.empty()) kv[kMounts] = mountsJson(c.mounts).dump();
  kv[kCreated] = c.created;
  // vCenter drops keys with empty values, so an unset time is never written.
  for (auto it = kv.begin(); it != kv.end();)
    it = it->second.empty() ? kv.erase(it) : ++it;
  return kv;
}

engine::guestinfo::KeyValues stateKeys(const ContainerRecord& c) {
  return {{kStartedAt, c.startedAt},
          {kFinishedAt, c.finishedAt},
          {kExitCode, std::to_string(c.exitCode)}};
}

engine::guestinfo::KeyValues nameKeys(const ContainerRecord& c) {
  return {{engine::kContainerNameKey, c.name}};
}

bool fromExtraConfig(const engine::guestinfo::KeyValues& keys, const vim::Moref& vch,
                     ContainerRecord& c) {
  auto owner = keys.find(engine::kContainerVchKey);
  auto id = keys.find(kId);
  if (owner == keys.end() || owner->second != vch.str() || id == keys.end()) return false;
  auto get = [&](const std::string& k) {
    auto it = keys.find(k);
    return it == keys.end() ? std::string() : it->second;
  };
  c.id = id->second;
  c.name = get(engine::kContainerNameKey);
  c.image = get(engine::kContainerImageKey);
  c.imageId = get(kImageId);
  c.config = parsedOr(keys, kConfig, nlohmann::json::object());
  c.hostConfig = parsedOr(keys, kHostConfig, nlohmann::json::object());
  if (!c.config.is_object()) c.config = nlohmann::json::object();
  if (!c.hostConfig.is_object()) c.hostConfig = nlohmann::json::object();
  c.mounts.clear();
  for (const auto& m : parsedOr(keys, kMounts, nlohmann::json::array())) {
    if (!m.is_object()) continue;
    c.mounts.push_back({m.value("name", ""), m.value("destination", ""),
                        m.value("anonymous", false), m.value("read_only", false)});
  }
  c.created = get(kCreated);
  c.startedAt = get(kStartedAt);
  c.finishedAt = get(kFinishedAt);
  try {
    c.exitCode = std::stoi(get(kExitCode));
  } catch (const std::exception&) {
    c.exitCode = 0;
  }
  return true;
}

}  // namespace vic::endpoint
