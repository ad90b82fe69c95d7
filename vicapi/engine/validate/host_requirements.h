#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vicapi/soap/node.h"

namespace vic::engine {

// What a VCH needs of each host, evaluated from vSphere data so that the
// rules can be tested without a host in that state.

// License features: "serialuri" (the network serial port container VMs log
// through) everywhere, and "dvs" on vCenter. Returns the missing ones.
std::vector<std::string> missingLicenseFeatures(const std::vector<std::string>& featureKeys,
                                                bool vcenter);
// Feature keys ("serialuri:2", "dvs") from a LicenseManagerLicenseInfo.
std::vector<std::string> licenseFeatures(const soap::Node& licenseInfo);

struct FirewallRule {
  int port = 0;
  int endPort = 0;
  std::string direction;  // inbound, outbound
  std::string portType;   // src, dst
  std::string protocol;   // tcp, udp
};

struct FirewallRuleset {
  std::string key;
  bool enabled = false;
  std::vector<FirewallRule> rules;
  bool allIp = true;
  std::vector<std::string> ipAddresses;
  std::vector<std::string> ipNetworks;  // "10.0.0.0/8"
};

struct FirewallInfo {
  bool outgoingBlocked = false;
  std::vector<FirewallRuleset> rulesets;
};

FirewallInfo firewallFrom(const soap::Node& hostFirewallInfo);

// Whether outbound TCP to `port` is allowed, to `ip` when known (a static
// management address), else to any address the ruleset allows.
bool allowsOutbound(const FirewallInfo& fw, int port, std::optional<std::uint32_t> ip);

inline constexpr int kSerialConcentratorPort = 2377;

}  // namespace vic::engine
