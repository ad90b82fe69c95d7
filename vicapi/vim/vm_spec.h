#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vicapi/soap/node.h"

namespace vic::vim {

// The parts of VirtualMachineConfigSpec this project sets. Unset optionals
// are left out of the request, which for ReconfigVM_Task means "unchanged".
struct VmConfigSpec {
  std::optional<std::string> name;
  std::optional<std::string> guestId;
  std::optional<std::string> alternateGuestName;
  std::optional<std::string> annotation;
  std::optional<std::string> vmPathName;  // files.vmPathName: "[datastore]" or "[ds] dir/x.vmx"
  std::optional<int> numCPUs;
  std::optional<long long> memoryMB;
  std::vector<soap::Node> deviceChange;  // see devices.h
  // An empty value removes the key, as vCenter does.
  std::vector<std::pair<std::string, std::string>> extraConfig;

  soap::Node node(std::string elementName = "spec") const;
};

}  // namespace vic::vim
