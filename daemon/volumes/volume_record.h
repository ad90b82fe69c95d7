#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace vic::endpoint {

struct VolumeRecord {
  std::string name;
  std::string store;  // the volume store's label
  std::string driver = "vsphere";
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> options;  // as given at create
  long long capacityMB = 1024;
  std::string createdAt;
  std::string folder;  // "[ds] path/VIC/volumes/<name>"
};

// Docker's shape of a volume.
nlohmann::json volumeJson(const VolumeRecord& v);

}  // namespace vic::endpoint
