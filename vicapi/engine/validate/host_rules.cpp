// Host checks vCenter can answer: license features and the firewall rule
// container VMs need to reach the VCH's serial port concentrator.
#include <map>

#include "vicapi/engine/validate/context.h"
#include "vicapi/engine/validate/host_requirements.h"
#include "vicapi/engine/validate/ipv4.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/host_services.h"
#include "vicapi/vim/property_collector.h"

namespace vic::engine {

namespace {

std::string list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names)
    out += (out.empty() ? "" : ", ") + n;
  return out;
}

// What the host checks read, in one retrieval: the license manager's
// licenses (ESXi) or assignment manager (vCenter), and the hosts' firewalls,
// whose systems the inventory names.
struct HostFacts {
  std::vector<std::string> hostLicenseFeatures;                // ESXi: the host's own licenses
  vim::Moref assignmentManager;                                // vCenter
  std::map<vim::Moref, const vim::ObjectContent*> firewallOf;  // by host
  std::vector<vim::ObjectContent> contents;
};

HostFacts readHostFacts(ValidationContext& c) {
  HostFacts f;
  const auto& sc = c.client.serviceContent();
  std::vector<vim::ObjectSpec> objects;
  std::map<vim::Moref, vim::Moref> hostOfFirewall;
  if (!sc.licenseManager.empty()) objects.push_back({sc.licenseManager});
  for (const auto& h : c.out.hosts)
    if (const auto* item = c.inv().get(h); item && !item->firewallSystem.empty()) {
      objects.push_back({item->firewallSystem});
      hostOfFirewall[item->firewallSystem] = h;
    }
  if (objects.empty()) return f;
  f.contents = vim::PropertyCollector(c.client).retrieve(
      {{"LicenseManager", {c.out.vcenter ? "licenseAssignmentManager" : "licenses"}},
       {"HostFirewallSystem", {"firewallInfo"}}},
      objects);
  for (const auto& o : f.contents) {
    if (o.obj.type == "HostFirewallSystem") {
      f.firewallOf[hostOfFirewall[o.obj]] = &o;
    } else if (const auto* lam = o.prop("licenseAssignmentManager")) {
      f.assignmentManager = vim::Moref::from(*lam);
    } else if (const auto* l = o.prop("licenses")) {
      for (const auto& info : l->children)
        for (const auto& k : licenseFeatures(info))
          f.hostLicenseFeatures.push_back(k);
    }
  }
  return f;
}

void checkLicenses(ValidationContext& c, const HostFacts& f) {
  if (c.client.serviceContent().licenseManager.empty()) return;
  if (!c.out.vcenter) {
    if (auto missing = missingLicenseFeatures(f.hostLicenseFeatures, false); !missing.empty())
      c.issues.add("compute.resource",
                   "License does not meet minimum requirements to use VIC: the host's license "
                   "lacks " +
                       list(missing));
    return;
  }
  if (f.assignmentManager.empty()) return;
  // Every entity's assignment in one call, rather than one call per host.
  std::map<std::string, std::vector<std::string>> featuresOf;
  for (const auto& a : vim::LicenseAssignmentManager(c.client, f.assignmentManager).queryAssigned())
    if (const auto* info = a.find("assignedLicense"))
      for (const auto& k : licenseFeatures(*info))
        featuresOf[a.textOf("entityId")].push_back(k);
  for (const auto& host : c.out.hosts) {
    if (auto missing = missingLicenseFeatures(featuresOf[host.value], true); !missing.empty())
      c.issues.add("compute.resource",
                   "License does not meet minimum requirements to use VIC: host " +
                       c.inv().get(host)->name + " is not licensed for " + list(missing) +
                       " (serial port concentrator, distributed switch)");
  }
}

void checkFirewalls(ValidationContext& c, const HostFacts& f) {
  std::optional<std::uint32_t> mgmtIp;
  if (const auto& m = c.vch().network.management; m && !m->staticAddress.empty())
    if (auto cidr = parseCidr(m->staticAddress)) mgmtIp = cidr->address;
  std::vector<std::string> blocked;
  for (const auto& [host, o] : f.firewallOf)
    if (const auto* info = o->prop("firewallInfo"))
      if (!allowsOutbound(firewallFrom(*info), kSerialConcentratorPort, mgmtIp))
        blocked.push_back(c.inv().get(host)->name);
  if (!blocked.empty())
    c.issues.add("compute.resource",
                 "Firewall must permit dst 2377/tcp outbound to the VCH management interface: "
                 "the firewall of host(s) " +
                     list(blocked) +
                     " blocks outbound TCP to port 2377, which container VMs use to reach the "
                     "VCH; allow VCH traffic through the hosts' firewalls (the wizard offers it, "
                     "as does vic-machine update firewall --allow)",
                 IssueCode::Firewall);
}

}  // namespace

void checkHosts(ValidationContext& c) {
  const HostFacts facts = readHostFacts(c);
  checkLicenses(c, facts);
  checkFirewalls(c, facts);
}

}  // namespace vic::engine
