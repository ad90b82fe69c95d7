#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/endpoint_config.h"

namespace vic::endpoint {

// The networks a VCH's containers can join, as Docker shows them: "bridge"
// (the VCH's bridge network) and each container network under its alias.
// They are made by vic-machine, so the daemon only describes them.
std::vector<nlohmann::json> vchNetworks(const EndpointConfig& config);
// By name, id or unique id prefix; DockerError 404 otherwise.
nlohmann::json findNetwork(const EndpointConfig& config, const std::string& ref);

}  // namespace vic::endpoint
