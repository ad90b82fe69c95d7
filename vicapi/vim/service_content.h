#pragma once

#include <string>

#include "vicapi/soap/node.h"
#include "vicapi/vim/moref.h"

namespace vic::vim {

struct AboutInfo {
  std::string name;
  std::string fullName;
  std::string vendor;
  std::string version;
  std::string build;
  std::string apiType;  // "VirtualCenter" or "HostAgent"
  std::string apiVersion;
  std::string instanceUuid;

  bool isVCenter() const { return apiType == "VirtualCenter"; }
};

// The managers this project uses, read once per connection.
struct ServiceContent {
  Moref rootFolder;
  Moref propertyCollector;
  Moref viewManager;
  Moref sessionManager;
  Moref searchIndex;
  Moref fileManager;
  Moref extensionManager;
  Moref virtualDiskManager;
  Moref taskManager;
  Moref customFieldsManager;
  Moref licenseManager;
  Moref authorizationManager;
  Moref setting;
  AboutInfo about;

  static ServiceContent from(const soap::Node& returnval);
};

}  // namespace vic::vim
