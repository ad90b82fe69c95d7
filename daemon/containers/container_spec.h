#pragma once

#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/containers/container_record.h"

namespace vic::endpoint {

// What a create body asks for, checked: every member of the right type and
// within bounds, or a 400 that names it.
struct ContainerSpec {
  std::string image;
  nlohmann::json config = nlohmann::json::object();      // Cmd, Entrypoint, Env, Labels, ...
  nlohmann::json hostConfig = nlohmann::json::object();  // PortBindings, RestartPolicy, Binds
  std::vector<MountRecord> mounts;                       // from Binds and Volumes
  int cpus = 1;
  long long memoryMB = 2048;
};

ContainerSpec readCreateBody(const nlohmann::json& body);

// The container's Config: the image's defaults under what create asked for.
nlohmann::json mergedConfig(const ContainerSpec& spec, const nlohmann::json& imageConfig);
// Mount points the image declares (its config's Volumes).
std::vector<std::string> imageVolumes(const nlohmann::json& imageConfig);
// A Docker-like "adjective_noun" name chosen from the id, free by `isFree`.
std::string generatedName(const std::string& id,
                          const std::function<bool(const std::string&)>& isFree);

}  // namespace vic::endpoint
