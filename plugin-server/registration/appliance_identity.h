#pragma once

#include <filesystem>
#include <string>

#include "vicapi/net/endpoint.h"

namespace vic::server {

// This appliance as vCenter and the other appliances see it.
struct ApplianceIdentity {
  std::string id;             // made on first start, kept in the data directory
  std::string address;        // host:port that vCenter and browsers reach
  std::string version;        // "v1.6.0-42-abcdef0"
  std::string pluginVersion;  // "1.6.0.42"
  std::string sha1;           // of the server's certificate, "AA:BB:..."
  std::string sha256;

  std::string baseUrl() const { return "https://" + address + "/"; }
  std::string manifestUrl() const { return baseUrl() + "ui/plugin.json"; }
  std::string packageName() const { return "com.vmware.vic-" + pluginVersion + ".zip"; }
  std::string packageUrl() const { return baseUrl() + "files/" + packageName(); }
};

// How `target` can reach this appliance: `publicAddress` (host or host:port)
// when set, else the local address of a connection to the target, with
// `port`. Throws UsageError when neither gives a usable address: registering
// "https://null:8443" was one of the original's bugs.
std::string addressTowards(const net::Endpoint& target, const std::string& publicAddress,
                           unsigned short port);

// This appliance, with what is needed to tell its address to a given vCenter.
struct ApplianceSelf {
  ApplianceIdentity identity;  // its address is empty unless --public-address says
  std::string publicAddress;
  unsigned short port = 0;

  ApplianceIdentity towards(const net::Endpoint& target) const {
    ApplianceIdentity id = identity;
    id.address = addressTowards(target, publicAddress, port);
    return id;
  }
};

// The appliance's id: read from <dataDir>/appliance-id, made there when absent.
std::string ensureApplianceId(const std::filesystem::path& dataDir);

}  // namespace vic::server
