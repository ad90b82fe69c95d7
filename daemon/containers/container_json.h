#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "daemon/containers/container_record.h"

namespace vic::endpoint {

// Docker's shapes for a container: a row of GET /containers/json and the
// document of GET /containers/{id}/json.
nlohmann::json containerSummary(const ContainerRecord& c);
nlohmann::json containerInspect(const ContainerRecord& c, const std::string& vchName);

// GET /containers/json's `filters`: {"name": {"x": true}} (API 1.22 on) or
// {"name": ["x"]}. Throws DockerError 400 for a filter Docker does not know.
class ContainerFilter {
 public:
  explicit ContainerFilter(const std::string& filtersJson);
  bool matches(const ContainerRecord& c) const;

 private:
  std::map<std::string, std::vector<std::string>> terms_;
};

}  // namespace vic::endpoint
