#include "daemon/volumes/volume_record.h"

namespace vic::endpoint {

namespace {

nlohmann::json mapJson(const std::map<std::string, std::string>& m) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [k, v] : m)
    j[k] = v;
  return j;
}

}  // namespace

nlohmann::json volumeJson(const VolumeRecord& v) {
  return {{"Name", v.name},
          {"Driver", v.driver},
          {"Mountpoint", v.folder},
          {"Labels", v.labels.empty() ? nlohmann::json(nullptr) : mapJson(v.labels)},
          {"Scope", "local"},
          {"Options", v.options.empty() ? nlohmann::json(nullptr) : mapJson(v.options)},
          {"CreatedAt", v.createdAt},
          {"Status", {{"VolumeStore", v.store}, {"CapacityMB", v.capacityMB}}}};
}

}  // namespace vic::endpoint
