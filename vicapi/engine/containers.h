#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vicapi/engine/query.h"
#include "vicapi/vim/client.h"

namespace vic::engine {

inline constexpr const char* kContainerVchKey = "guestinfo.vice./container/vch";
inline constexpr const char* kContainerNameKey = "guestinfo.vice./container/name";
inline constexpr const char* kContainerImageKey = "guestinfo.vice./container/image";
inline constexpr const char* kContainerPortsKey = "guestinfo.vice./container/ports";

// One row of the Containers pane (the original's columns).
struct ContainerItem {
  std::string id;  // the container VM's moref value
  std::string name;
  std::string vmName;
  std::string powerState;
  long long memoryMB = 0;  // guest memory in use
  long long cpuMHz = 0;    // CPU in use
  long long storageBytes = 0;
  std::string ports;
  std::string image;
  std::string vchId;  // the endpoint VM's moref value
  std::string vchName;
};

// Every container VM in scope (a datacenter, or all), with its VCH's name,
// in one property-collector pass read as it streams in.
std::vector<ContainerItem> listContainers(vim::Client& client,
                                          const std::optional<vim::Moref>& datacenter);

}  // namespace vic::engine
