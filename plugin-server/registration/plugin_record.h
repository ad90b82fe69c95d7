#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plugin-server/registration/appliance_identity.h"
#include "vicapi/vim/extension_manager.h"

namespace vic::server {

inline constexpr const char* kExtensionKey = "com.vmware.vic";
inline constexpr const char* kRemoteClient = "vsphere-client-remote";
inline constexpr const char* kLocalClient = "vsphere-client-serenity";

// One appliance registered with the vCenter. Each is a server entry of the
// extension, of type VIC_APPLIANCE, whose summary carries the rest as JSON.
struct ApplianceEntry {
  std::string id;
  std::string url;  // "https://host:port/"
  std::string version;
  std::string pluginVersion;
  std::string sha1;
  std::string sha256;
  std::string registered;  // when it last registered (UTC)

  std::string address() const;  // host:port
  static ApplianceEntry of(const ApplianceIdentity& a, const std::string& when);
};

// The com.vmware.vic extension read as what it means: which appliance serves
// the plug-in (its client entry), which one the administrator prefers the UI
// to use, and every registered appliance. A record of more appliances than
// any deployment has is refused (ProtocolError) rather than acted on.
struct PluginRecord {
  static constexpr std::size_t kMaxAppliances = 256;

  std::string version;  // the extension's: the serving appliance's plug-in version
  std::string clientType;
  std::string hostId;
  std::string preferredId;
  std::vector<ApplianceEntry> appliances;
  std::string lastHeartbeat;
  std::string adminEmail;

  const ApplianceEntry* find(const std::string& id) const;
  const ApplianceEntry* host() const { return find(hostId); }

  static PluginRecord from(const vim::Extension& extension);
  // The extension for this record; the serving appliance must be among the
  // appliances.
  vim::Extension toExtension(const std::string& adminEmail, const std::string& heartbeat) const;
};

// The record, or nothing when com.vmware.vic is not registered.
std::optional<PluginRecord> readRecord(vim::Client& client);

}  // namespace vic::server
