// Host checks vCenter can answer: license features and the firewall rule
// container VMs need to reach the VCH's serial port concentrator.
#include "vicapi/engine/validate/context.h"
#include "vicapi/engine/validate/host_requirements.h"
#include "vicapi/engine/validate/ipv4.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/property_collector.h"

namespace vic::engine {

namespace {

std::string list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

void checkLicenses(ValidationContext& c) {
  const auto& sc = c.client.serviceContent();
  if (sc.licenseManager.empty()) return;
  vim::PropertyCollector pc(c.client);
  if (!c.out.vcenter) {
    auto lm = pc.retrieveOne(sc.licenseManager, {"licenses"});
    std::vector<std::string> keys;
    if (const auto* l = lm.prop("licenses"))
      for (const auto& info : l->children)
        for (const auto& k : licenseFeatures(info))
          keys.push_back(k);
    if (auto missing = missingLicenseFeatures(keys, false); !missing.empty())
      c.issues.add("compute.resource",
                   "License does not meet minimum requirements to use VIC: the host's license "
                   "lacks " +
                       list(missing));
    return;
  }
  auto lm = pc.retrieveOne(sc.licenseManager, {"licenseAssignmentManager"});
  const auto* lam = lm.prop("licenseAssignmentManager");
  if (!lam) return;
  const auto manager = vim::Moref::from(*lam);
  for (const auto& host : c.out.hosts) {
    auto r = c.client.invoke("QueryAssignedLicenses", manager, {soap::el("entityId", host.value)});
    std::vector<std::string> keys;
    for (const auto* a : r.all("returnval"))
      if (const auto* info = a->find("assignedLicense"))
        for (const auto& k : licenseFeatures(*info))
          keys.push_back(k);
    if (auto missing = missingLicenseFeatures(keys, true); !missing.empty())
      c.issues.add("compute.resource",
                   "License does not meet minimum requirements to use VIC: host " +
                       c.inv().get(host)->name + " is not licensed for " + list(missing) +
                       " (serial port concentrator, distributed switch)");
  }
}

void checkFirewalls(ValidationContext& c) {
  if (c.out.hosts.empty()) return;
  std::optional<std::uint32_t> mgmtIp;
  if (const auto& m = c.vch().network.management; m && !m->staticAddress.empty())
    if (auto cidr = parseCidr(m->staticAddress)) mgmtIp = cidr->address;
  vim::PropertyCollector pc(c.client);
  std::vector<vim::ObjectSpec> hosts;
  for (const auto& h : c.out.hosts)
    hosts.push_back({h});
  std::vector<vim::ObjectSpec> systems;
  std::map<vim::Moref, vim::Moref> hostOf;
  for (const auto& o : pc.retrieve({{"HostSystem", {"configManager.firewallSystem"}}}, hosts)) {
    if (const auto* fs = o.prop("configManager.firewallSystem")) {
      systems.push_back({vim::Moref::from(*fs)});
      hostOf[vim::Moref::from(*fs)] = o.obj;
    }
  }
  if (systems.empty()) return;
  std::vector<std::string> blocked;
  for (const auto& o : pc.retrieve({{"HostFirewallSystem", {"firewallInfo"}}}, systems))
    if (const auto* info = o.prop("firewallInfo"))
      if (!allowsOutbound(firewallFrom(*info), kSerialConcentratorPort, mgmtIp))
        blocked.push_back(c.inv().get(hostOf[o.obj])->name);
  if (!blocked.empty())
    c.issues.add("compute.resource",
                 "Firewall must permit dst 2377/tcp outbound to the VCH management interface: "
                 "the firewall of host(s) " +
                     list(blocked) +
                     " blocks outbound TCP to port 2377, which container VMs use to reach the "
                     "VCH; allow it (the target's firewall:allow action enables the vSPC "
                     "ruleset)");
}

}  // namespace

void checkHosts(ValidationContext& c) {
  checkLicenses(c);
  checkFirewalls(c);
}

}  // namespace vic::engine
