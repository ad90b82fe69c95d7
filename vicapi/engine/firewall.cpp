#include "vicapi/engine/firewall.h"

#include <map>

#include "vicapi/engine/validate/host_requirements.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/host_services.h"
#include "vicapi/vim/inventory.h"
#include "vicapi/vim/property_collector.h"

namespace vic::engine {

namespace {

struct HostInfo {
  vim::Moref host;
  std::string name;
  vim::Moref firewallSystem;
  FirewallInfo firewall;
};

std::vector<HostInfo> hostsIn(vim::Client& c, const std::optional<vim::Moref>& scope) {
  auto inv = vim::Inventory::load(c);
  std::vector<vim::ObjectSpec> specs;
  std::map<vim::Moref, std::string> names;
  std::vector<vim::Moref> hosts;
  if (scope) {
    hosts = inv.hostsOf(*scope);
  } else {
    for (const auto* h : inv.ofType("HostSystem"))
      hosts.push_back(h->ref);
  }
  for (const auto& h : hosts) {
    specs.push_back({h});
    names[h] = inv.get(h)->name;
  }
  std::vector<HostInfo> out;
  if (specs.empty()) return out;
  vim::PropertyCollector pc(c);
  std::vector<vim::ObjectSpec> systems;
  for (const auto& o : pc.retrieve({{"HostSystem", {"configManager.firewallSystem"}}}, specs)) {
    HostInfo hi{o.obj, names[o.obj], {}, {}};
    if (const auto* fs = o.prop("configManager.firewallSystem")) {
      hi.firewallSystem = vim::Moref::from(*fs);
      systems.push_back({hi.firewallSystem});
    }
    out.push_back(hi);
  }
  if (systems.empty()) return out;
  std::map<vim::Moref, FirewallInfo> byFs;
  for (const auto& o : pc.retrieve({{"HostFirewallSystem", {"firewallInfo"}}}, systems))
    if (const auto* info = o.prop("firewallInfo")) byFs[o.obj] = firewallFrom(*info);
  for (auto& h : out)
    h.firewall = byFs[h.firewallSystem];
  return out;
}

}  // namespace

std::vector<HostFirewall> firewallStatus(vim::Client& c, const std::optional<vim::Moref>& scope) {
  std::vector<HostFirewall> out;
  for (const auto& h : hostsIn(c, scope))
    out.push_back(
        {h.host, h.name, allowsOutbound(h.firewall, kSerialConcentratorPort, std::nullopt)});
  return out;
}

void setFirewall(vim::Client& c, const std::optional<vim::Moref>& scope, bool allow) {
  for (const auto& h : hostsIn(c, scope)) {
    if (h.firewallSystem.empty()) continue;
    bool hasVicRuleset = false;
    for (const auto& rs : h.firewall.rulesets)
      hasVicRuleset |= rs.key == "vic-engine";
    const std::string ruleset = hasVicRuleset ? "vic-engine" : "vSPC";
    const vim::HostFirewallSystem firewall(c, h.firewallSystem);
    allow ? firewall.enableRuleset(ruleset) : firewall.disableRuleset(ruleset);
  }
}

}  // namespace vic::engine
