#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vicapi/vim/managed_object.h"

namespace vic::vim {

struct ExtensionDescription {
  std::string label;
  std::string summary;
};

// Where vCenter fetches a plug-in from (client entries) and which servers it
// trusts to act for the extension (server entries).
struct ExtensionClientInfo {
  std::string version;
  ExtensionDescription description;
  std::string company;
  std::string type;  // "vsphere-client-serenity" (6.7 local) or "vsphere-client-remote"
  std::string url;
};

struct ExtensionServerInfo {
  std::string url;
  ExtensionDescription description;
  std::string company;
  std::string type;  // "HTTPS"
  std::vector<std::string> adminEmail;
  std::string serverThumbprint;
};

struct Extension {
  ExtensionDescription description;
  std::string key;
  std::string company;
  std::string type;
  std::string version;
  std::vector<ExtensionServerInfo> servers;
  std::vector<ExtensionClientInfo> clients;
  std::string lastHeartbeatTime;
  bool shownInSolutionManager = false;

  soap::Node node(std::string elementName = "extension") const;
  static Extension from(const soap::Node& n);
};

class ExtensionManager : public ManagedObject {
 public:
  explicit ExtensionManager(Client& client);

  void registerExtension(
      const Extension& extension) const;  // DuplicateName-like InvalidArgument if present
  void updateExtension(const Extension& extension) const;  // NotFoundFault if absent
  void unregisterExtension(const std::string& key) const;  // NotFoundFault if absent
  std::optional<Extension> findExtension(const std::string& key) const;
  std::vector<Extension> list() const;  // the extensionList property
};

}  // namespace vic::vim
