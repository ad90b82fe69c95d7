// network.*: roles, bridge exclusivity, static addresses and gateways, CIDR
// overlaps and container network ranges, as the original checked them.
#include <set>

#include "vicapi/base/error.h"
#include "vicapi/engine/validate/context.h"
#include "vicapi/engine/validate/ipv4.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/property_collector.h"

namespace vic::engine {

namespace {

constexpr const char* kDefaultBridgeRange = "172.16.0.0/12";

std::optional<ResolvedNetwork> resolve(ValidationContext& c, const std::string& path,
                                       const ObjectRef& ref) {
  if (ref.empty()) {
    c.issues.add(path, "is required: give the port group by id or name");
    return std::nullopt;
  }
  if (c.out.datacenter.empty()) return std::nullopt;
  std::optional<vim::Moref> m;
  if (!ref.id.empty()) {
    for (const auto& t : vim::kindTypes(vim::Kind::Network))
      if (c.inv().get({t, ref.id})) m = vim::Moref{t, ref.id};
    if (auto colon = ref.id.find(':'); !m && colon != std::string::npos) {
      vim::Moref typed{ref.id.substr(0, colon), ref.id.substr(colon + 1)};
      if (c.inv().get(typed)) m = typed;
    }
    if (!m) {
      c.issues.add(path + ".id", "no network has the id \"" + ref.id + "\"");
      return std::nullopt;
    }
  }
  if (!ref.name.empty()) {
    vim::Moref named;
    try {
      named = c.finder.find(vim::Kind::Network, ref.name, c.out.datacenter);
    } catch (const Error& e) {
      c.issues.add(path + ".name", e.what());
      return std::nullopt;
    }
    if (m && *m != named) {
      c.issues.add(path, "the id \"" + ref.id + "\" is \"" + c.inv().get(*m)->name +
                             "\" but the name is \"" + ref.name + "\"; give one of them");
      return std::nullopt;
    }
    m = named;
  }
  const vim::InventoryItem* item = c.inv().get(*m);
  ResolvedNetwork n{*m, item->name, "", item->portgroupKey};
  if (const vim::InventoryItem* dvs = c.inv().get(item->distributedSwitch))
    n.switchUuid = dvs->switchUuid;
  if (item->uplink) {
    c.issues.add(path,
                 "\"" + item->name + "\" is an uplink port group, which cannot carry VM traffic");
    return std::nullopt;
  }
  return n;
}

// On vCenter, networks that containers use must span the cluster: the
// original required distributed or NSX port groups, with every host a member.
void requireDistributed(ValidationContext& c, const std::string& path, const ResolvedNetwork& n) {
  if (!c.out.vcenter) return;
  if (n.ref.type != "DistributedVirtualPortgroup" && n.ref.type != "OpaqueNetwork") {
    c.issues.add(path, "\"" + n.name +
                           "\" is a standard port group; on vCenter this network must be a "
                           "distributed port group or an NSX network so that every host has it");
    return;
  }
  if (n.ref.type != "DistributedVirtualPortgroup") return;
  const auto& hosts = c.inv().get(n.ref)->hosts;
  const std::set<vim::Moref> members(hosts.begin(), hosts.end());
  std::string missing;
  for (const auto& h : c.out.hosts)
    if (!members.count(h)) missing += (missing.empty() ? "" : ", ") + c.inv().get(h)->name;
  if (!missing.empty())
    c.issues.add(path, "hosts " + missing + " are not members of \"" + n.name +
                           "\"; add them to its switch");
}

void checkNameservers(ValidationContext& c, const std::string& path,
                      const std::vector<std::string>& list) {
  for (std::size_t i = 0; i < list.size(); ++i)
    if (!parseIpv4(list[i]))
      c.issues.add(path + "[" + std::to_string(i) + "]",
                   "\"" + list[i] + "\" is not an IPv4 address");
  if (list.size() > 3)
    c.issues.add(path, "has " + std::to_string(list.size()) + " servers; at most 3 are used");
}

struct RoleFacts {
  std::optional<Cidr> subnet;
};

// `sharesWith` names an earlier role on the same port group ("public",
// "client"), whose NIC and address this role then uses.
RoleFacts checkRole(ValidationContext& c, const std::string& role, RoleNetwork& n,
                    const std::string& sharesWith) {
  const bool sharesPublic = sharesWith == "public";
  const std::string base = "network." + role;
  RoleFacts facts;
  std::optional<Cidr> st;
  if (!n.staticAddress.empty()) {
    st = parseCidr(n.staticAddress);
    if (!st) {
      c.issues.add(base + ".static",
                   "\"" + n.staticAddress +
                       "\" is not an address with its prefix length, such as 192.168.100.22/24");
    } else if (st->prefix < 32 &&
               (st->address == st->network() || st->address == st->broadcast())) {
      c.issues.add(base + ".static", formatIpv4(st->address) + " is the " +
                                         (st->address == st->network() ? "network" : "broadcast") +
                                         " address of its subnet; use a host address");
      st.reset();
    } else {
      facts.subnet = st;
    }
    if (!sharesWith.empty())
      c.issues.add(base + ".static", role + " uses the " + sharesWith +
                                         " port group, so it shares the " + sharesWith +
                                         " address; remove this or choose another port group");
  }
  if (n.gateway) {
    const std::string gpath = base + ".gateway";
    auto gw = parseIpv4(n.gateway->address);
    if (n.staticAddress.empty())
      c.issues.add(gpath, "Gateway provided without static IP for " + role + " network; set " +
                              base + ".static or remove the gateway");
    if (!gw)
      c.issues.add(gpath + ".address", "\"" + n.gateway->address + "\" is not an IPv4 address");
    else if (st && !st->range().contains(*gw))
      c.issues.add(gpath + ".address", n.gateway->address + " is outside " + n.staticAddress +
                                           "; the gateway must be on the same subnet");
    for (std::size_t i = 0; i < n.gateway->routingDestinations.size(); ++i)
      if (!parseCidr(n.gateway->routingDestinations[i]))
        c.issues.add(
            gpath + ".routing_destinations[" + std::to_string(i) + "]",
            "\"" + n.gateway->routingDestinations[i] + "\" is not a network such as 10.10.0.0/16");
    if (role == "public" && !n.gateway->routingDestinations.empty())
      c.issues.add(gpath + ".routing_destinations",
                   "the public network carries the default route; "
                   "routing destinations belong to the client or management network");
    if (role != "public" && !sharesPublic && n.gateway->routingDestinations.empty())
      c.issues.add(gpath + ".routing_destinations",
                   "give the networks reached through this gateway; the "
                   "default route goes through the public network");
  } else if (role == "public" && !n.staticAddress.empty()) {
    c.issues.add(base + ".gateway", "is required with a static public address");
  }
  checkNameservers(c, base + ".nameservers", n.nameservers);
  return facts;
}

struct Subnet {
  std::string path;
  Ipv4Range range;
};

void checkOverlaps(ValidationContext& c, const std::vector<Subnet>& subnets) {
  for (std::size_t i = 0; i < subnets.size(); ++i)
    for (std::size_t j = i + 1; j < subnets.size(); ++j)
      if (subnets[i].range.overlaps(subnets[j].range))
        c.issues.add(subnets[j].path, "overlaps " + subnets[i].path + " (" +
                                          formatIpv4(subnets[i].range.first) + "-" +
                                          formatIpv4(subnets[i].range.last) +
                                          "); the networks must not overlap");
}

void checkBridge(ValidationContext& c, std::vector<Subnet>& subnets) {
  auto& n = c.vch().network;
  if (!n.bridge) {
    c.issues.add("network.bridge",
                 "is required: give a port group used by nothing else, for container traffic");
    return;
  }
  auto& b = *n.bridge;
  if (auto r = resolve(c, "network.bridge.port_group", b.portGroup)) {
    requireDistributed(c, "network.bridge.port_group", *r);
    c.out.roles["bridge"] = *r;
  }
  if (b.ipRange.empty()) b.ipRange = kDefaultBridgeRange;
  auto range = parseCidr(b.ipRange);
  if (!range) {
    c.issues.add("network.bridge.ip_range",
                 "\"" + b.ipRange + "\" is not a network such as 172.16.0.0/12");
  } else if (range->prefix > 16) {
    c.issues.add("network.bridge.ip_range",
                 "is a /" + std::to_string(range->prefix) +
                     "; the bridge range must be /16 or larger (172.16.0.0/12 by default)");
  } else {
    subnets.push_back({"network.bridge.ip_range", range->range()});
  }
  if (!b.networkWidth) b.networkWidth = 16;
  if (*b.networkWidth < 1 || *b.networkWidth > 30)
    c.issues.add("network.bridge.network_width",
                 "must be 1 to 30, not " + std::to_string(*b.networkWidth));
  else if (range && *b.networkWidth < range->prefix)
    c.issues.add("network.bridge.network_width",
                 "/" + std::to_string(*b.networkWidth) + " networks do not fit in " + b.ipRange +
                     "; use a width of " + std::to_string(range->prefix) + " or more");
}

void checkContainerNetworks(ValidationContext& c, std::vector<Subnet>& subnets) {
  auto& list = c.vch().network.container;
  std::set<std::string> aliases;
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto& cn = list[i];
    const std::string base = "network.container[" + std::to_string(i) + "]";
    auto r = resolve(c, base + ".port_group", cn.portGroup);
    if (r) {
      requireDistributed(c, base + ".port_group", *r);
      if (c.out.roles.count("bridge") && c.out.roles["bridge"].ref == r->ref)
        c.issues.add(base + ".port_group",
                     "\"" + r->name + "\" is the bridge network, which no other network may use");
    }
    if (cn.alias.empty() && r) cn.alias = r->name;
    char bad = 0;
    if (cn.alias == "bridge")
      c.issues.add(base + ".alias",
                   "\"bridge\" is reserved for the bridge network; choose another name");
    else if (hasForbiddenCharacter(cn.alias, &bad))
      c.issues.add(base + ".alias", std::string("contains '") + bad + "', which is not allowed");
    else if (!cn.alias.empty() && !aliases.insert(cn.alias).second)
      c.issues.add(
          base + ".alias",
          "\"" + cn.alias + "\" names another container network too; aliases must be unique");
    if (r && !cn.alias.empty()) c.out.containerNetworks[cn.alias] = *r;
    if (cn.firewall.empty()) cn.firewall = "published";

    std::optional<Cidr> subnet;
    if (cn.gateway) {
      auto gw = parseIpv4(cn.gateway->address);
      if (!gw)
        c.issues.add(base + ".gateway.address",
                     "\"" + cn.gateway->address + "\" is not an IPv4 address");
      if (cn.gateway->routingDestinations.size() != 1) {
        c.issues.add(
            base + ".gateway.routing_destinations",
            "give exactly one network, the container network's subnet, such as 10.20.0.0/16");
      } else if (!(subnet = parseCidr(cn.gateway->routingDestinations[0]))) {
        c.issues.add(
            base + ".gateway.routing_destinations[0]",
            "\"" + cn.gateway->routingDestinations[0] + "\" is not a network such as 10.20.0.0/16");
      } else if (gw) {
        if (!subnet->range().contains(*gw))
          c.issues.add(base + ".gateway.address",
                       cn.gateway->address + " is outside " + cn.gateway->routingDestinations[0]);
        else if (subnet->prefix < 31 && (*gw == subnet->network() || *gw == subnet->broadcast()))
          c.issues.add(base + ".gateway.address",
                       cn.gateway->address + " is the " +
                           (*gw == subnet->network() ? "network" : "broadcast") +
                           " address of the subnet, not a routable gateway");
        subnets.push_back({base + ".gateway", subnet->range()});
      }
    }
    std::vector<Ipv4Range> ranges;
    for (std::size_t j = 0; j < cn.ipRanges.size(); ++j) {
      const std::string rpath = base + ".ip_ranges[" + std::to_string(j) + "]";
      auto range = parseIpRange(cn.ipRanges[j]);
      if (!range) {
        c.issues.add(rpath, "\"" + cn.ipRanges[j] +
                                "\" is not a range such as 10.20.0.10-10.20.0.50 or 10.20.0.0/24");
        continue;
      }
      if (!cn.gateway) {
        c.issues.add(rpath, "an IP range needs a gateway; set " + base + ".gateway");
        continue;
      }
      if (subnet && !subnet->range().contains(*range))
        c.issues.add(rpath, cn.ipRanges[j] + " is not inside the gateway's subnet " +
                                cn.gateway->routingDestinations[0]);
      for (const auto& other : ranges)
        if (other.overlaps(*range))
          c.issues.add(rpath, cn.ipRanges[j] + " overlaps another range of this network");
      ranges.push_back(*range);
    }
    checkNameservers(c, base + ".nameservers", cn.nameservers);
  }
}

}  // namespace

void checkNetworks(ValidationContext& c) {
  auto& n = c.vch().network;
  std::vector<Subnet> subnets;
  checkBridge(c, subnets);

  if (!n.publicNet) {
    c.issues.add("network.public", "is required: give the port group of the VCH's public network");
  } else {
    // client defaults to the public port group, management to the client's;
    // a defaulted role repeats no problem of the role it copies.
    std::set<std::string> defaulted;
    if (!n.client) {
      n.client = RoleNetwork{n.publicNet->portGroup, "", std::nullopt, {}};
      defaulted.insert("client");
    }
    if (!n.management) {
      n.management = RoleNetwork{n.client->portGroup, "", std::nullopt, {}};
      defaulted.insert("management");
    }
    std::map<std::string, std::optional<ResolvedNetwork>> resolved;
    for (auto& [role, net] : std::vector<std::pair<std::string, RoleNetwork*>>{
             {"public", &*n.publicNet}, {"client", &*n.client}, {"management", &*n.management}})
      resolved[role] = defaulted.count(role)
                           ? (role == "client" ? resolved["public"] : resolved["client"])
                           : resolve(c, "network." + role + ".port_group", net->portGroup);
    for (auto& [role, net] : std::vector<std::pair<std::string, RoleNetwork*>>{
             {"public", &*n.publicNet}, {"client", &*n.client}, {"management", &*n.management}}) {
      const auto& r = resolved[role];
      std::string sharesWith;
      for (const char* earlier : {"public", "client"}) {
        if (role == earlier) break;
        if (sharesWith.empty() && r && resolved[earlier] && *r == *resolved[earlier])
          sharesWith = earlier;
      }
      auto facts = checkRole(c, role, *net, sharesWith);
      if (facts.subnet && sharesWith.empty())
        subnets.push_back({"network." + role + ".static", facts.subnet->range()});
      if (!r) continue;
      c.out.roles[role] = *r;
      if (defaulted.count(role)) continue;
      if (c.out.roles.count("bridge") && c.out.roles["bridge"].ref == r->ref)
        c.issues.add("network." + role + ".port_group",
                     "\"" + r->name + "\" is the bridge network, which no other network may use");
    }
    // All three static and no DNS: the original's default resolvers.
    if (!n.publicNet->staticAddress.empty() && !n.client->staticAddress.empty() &&
        !n.management->staticAddress.empty() && n.publicNet->nameservers.empty())
      n.publicNet->nameservers = {"8.8.8.8", "8.8.4.4"};
  }
  checkContainerNetworks(c, subnets);
  checkOverlaps(c, subnets);
}

}  // namespace vic::engine
