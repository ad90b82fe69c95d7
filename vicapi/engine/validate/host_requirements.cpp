#include "vicapi/engine/validate/host_requirements.h"

#include <algorithm>

#include "vicapi/engine/validate/ipv4.h"

namespace vic::engine {

std::vector<std::string> missingLicenseFeatures(const std::vector<std::string>& keys,
                                                bool vcenter) {
  auto has = [&](const std::string& name) {
    return std::any_of(keys.begin(), keys.end(), [&](const std::string& k) {
      return k == name || k.rfind(name + ":", 0) == 0;
    });
  };
  std::vector<std::string> missing;
  if (!has("serialuri")) missing.push_back("serialuri");
  if (vcenter && !has("dvs")) missing.push_back("dvs");
  return missing;
}

std::vector<std::string> licenseFeatures(const soap::Node& info) {
  std::vector<std::string> keys;
  for (const auto* p : info.all("properties"))
    if (p->textOf("key") == "feature")
      if (const auto* v = p->find("value")) keys.push_back(v->textOf("key"));
  return keys;
}

FirewallInfo firewallFrom(const soap::Node& n) {
  FirewallInfo fw;
  if (const auto* policy = n.find("defaultPolicy"))
    fw.outgoingBlocked = policy->textOf("outgoingBlocked") == "true";
  for (const auto* rs : n.all("ruleset")) {
    FirewallRuleset r;
    r.key = rs->textOf("key");
    r.enabled = rs->textOf("enabled") == "true";
    for (const auto* rule : rs->all("rule")) {
      FirewallRule fr;
      fr.port = std::stoi(rule->textOf("port", "0"));
      fr.endPort = std::stoi(rule->textOf("endPort", "0"));
      fr.direction = rule->textOf("direction");
      fr.portType = rule->textOf("portType");
      fr.protocol = rule->textOf("protocol");
      r.rules.push_back(fr);
    }
    if (const auto* hosts = rs->find("allowedHosts")) {
      r.allIp = hosts->textOf("allIp") == "true";
      for (const auto* a : hosts->all("ipAddress"))
        r.ipAddresses.push_back(a->text);
      for (const auto* net : hosts->all("ipNetwork"))
        r.ipNetworks.push_back(net->textOf("network") + "/" + net->textOf("prefixLength"));
    }
    fw.rulesets.push_back(std::move(r));
  }
  return fw;
}

bool allowsOutbound(const FirewallInfo& fw, int port, std::optional<std::uint32_t> ip) {
  if (!fw.outgoingBlocked) return true;
  for (const auto& rs : fw.rulesets) {
    if (!rs.enabled) continue;
    const bool covers = std::any_of(rs.rules.begin(), rs.rules.end(), [&](const FirewallRule& r) {
      const int end = r.endPort == 0 ? r.port : r.endPort;
      return r.direction == "outbound" && r.portType == "dst" && r.protocol == "tcp" &&
             r.port <= port && port <= end;
    });
    if (!covers) continue;
    if (rs.allIp) return true;
    if (!ip) continue;  // without a known address only "all IPs" is certain
    for (const auto& a : rs.ipAddresses)
      if (parseIpv4(a) == *ip) return true;
    for (const auto& n : rs.ipNetworks)
      if (auto c = parseCidr(n); c && c->range().contains(*ip)) return true;
  }
  return false;
}

}  // namespace vic::engine
