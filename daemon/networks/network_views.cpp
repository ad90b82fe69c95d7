#include "daemon/networks/network_views.h"

#include "daemon/docker_error.h"
#include "daemon/images/digest_stream.h"

namespace vic::endpoint {

namespace {

using nlohmann::json;

json network(const std::string& name, const std::string& driver, const json& ipamConfig,
             const std::string& portGroup) {
  const std::string id = sha256Digest("vic-network:" + name).substr(7);
  return {{"Name", name},
          {"Id", id},
          {"Created", "0001-01-01T00:00:00Z"},
          {"Scope", driver == "bridge" ? "local" : "external"},
          {"Driver", driver},
          {"EnableIPv6", false},
          {"IPAM", {{"Driver", "default"}, {"Options", json::object()}, {"Config", ipamConfig}}},
          {"Internal", false},
          {"Attachable", false},
          {"Ingress", false},
          {"Containers", json::object()},
          {"Options", json::object()},
          {"Labels", {{"vic.port_group", portGroup}}}};
}

}  // namespace

std::vector<json> vchNetworks(const EndpointConfig& c) {
  std::vector<json> out;
  json bridgeIpam = json::array();
  std::string bridgePortGroup;
  if (const auto& b = c.model.network.bridge) {
    bridgeIpam.push_back({{"Subnet", b->ipRange.empty() ? "172.16.0.0/12" : b->ipRange}});
    bridgePortGroup = b->portGroup.display();
  }
  out.push_back(network("bridge", "bridge", bridgeIpam, bridgePortGroup));
  for (const auto& n : c.model.network.container) {
    json ipam = json::array();
    for (const auto& range : n.ipRanges) {
      json entry = {{"IPRange", range}};
      if (n.gateway) {
        entry["Gateway"] = n.gateway->address.substr(0, n.gateway->address.find('/'));
        entry["Subnet"] = n.gateway->address;
      }
      ipam.push_back(entry);
    }
    out.push_back(network(n.alias.empty() ? n.portGroup.display() : n.alias, "external", ipam,
                          n.portGroup.display()));
  }
  return out;
}

json findNetwork(const EndpointConfig& c, const std::string& ref) {
  const auto all = vchNetworks(c);
  for (const auto& n : all)
    if (n["Name"] == ref || n["Id"] == ref) return n;
  const json* match = nullptr;
  if (!ref.empty())
    for (const auto& n : all)
      if (n["Id"].get<std::string>().rfind(ref, 0) == 0) {
        if (match)
          throw badRequest("network " + ref + " is ambiguous (" + std::to_string(2) +
                           " matches found based on ID prefix)");
        match = &n;
      }
  if (match) return *match;
  throw notFound("network " + ref + " not found");
}

}  // namespace vic::endpoint
