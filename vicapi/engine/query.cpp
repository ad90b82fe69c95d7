#include "vicapi/engine/query.h"

#include <map>

#include "vicapi/base/error.h"
#include "vicapi/engine/upgrade_status.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/option_values.h"
#include "vicapi/vim/view.h"

namespace vic::engine {

namespace gi = guestinfo;

namespace {

bool within(const std::map<vim::Moref, vim::Moref>& parents, vim::Moref ref,
            const vim::Moref& ancestor) {
  for (int depth = 0; depth < 64 && !ref.empty(); ++depth) {
    if (ref == ancestor) return true;
    auto it = parents.find(ref);
    if (it == parents.end()) return false;
    ref = it->second;
  }
  return false;
}

std::optional<Quantity> fromAllocation(long long value, bool limit, const char* units) {
  if (limit && value < 0) return std::nullopt;  // unlimited
  if (!limit && value == 0) return std::nullopt;
  return Quantity{value, units};
}

// VCHs created before references were stored by both id and name recorded
// the ids they resolved to in their placement.
void idsFromPlacement(Vch& v, const gi::Placement& p) {
  auto fill = [](ObjectRef& ref, const std::string& stored) {
    if (ref.id.empty() && !stored.empty()) ref.id = vim::Moref::parse(stored).value;
  };
  fill(v.compute.resource, p.computeResource);
  auto network = [&](ObjectRef& ref, const std::string& key) {
    if (auto it = p.networks.find(key); it != p.networks.end()) fill(ref, it->second);
  };
  if (v.network.bridge) network(v.network.bridge->portGroup, "bridge");
  if (v.network.publicNet) network(v.network.publicNet->portGroup, "public");
  if (v.network.client) network(v.network.client->portGroup, "client");
  if (v.network.management) network(v.network.management->portGroup, "management");
  for (auto& c : v.network.container)
    network(c.portGroup, "container:" + c.alias);
}

}  // namespace

std::vector<VchListItem> listVchs(vim::Client& client, const ListScope& scope,
                                  const version::Version& appliance) {
  const vim::Moref root = scope.datacenter ? *scope.datacenter : client.serviceContent().rootFolder;
  std::map<vim::Moref, std::string> poolNames;
  std::map<vim::Moref, vim::Moref> parents;
  std::vector<std::pair<VchListItem, vim::Moref>> found;  // with its pool
  // Each VM is decoded as it arrives and only its row is kept: the whole
  // answer (every VM's extraConfig) is never in memory at once.
  vim::retrieveEachFromContainer(
      client, root,
      {{"VirtualMachine",
        {"name", "resourcePool", "runtime.powerState", "config.extraConfig", "guest.ipAddress"}},
       {"ResourcePool", {"name", "parent"}},
       {"ComputeResource", {"parent"}}},
      [&](vim::ObjectContent&& o) {
        if (o.obj.type != "VirtualMachine") {
          if (const auto* p = o.prop("parent")) parents[o.obj] = vim::Moref::from(*p);
          poolNames[o.obj] = o.text("name");
          return;
        }
        const auto* ec = o.prop("config.extraConfig");
        if (!ec) return;
        // Cheap test before decoding: only VCHs carry the id key.
        bool candidate = false;
        for (const auto& opt : ec->children)
          candidate |= opt.textOf("key") == gi::kIdKey;
        if (!candidate) return;
        VchRecord r;
        r.vm = o.obj;
        r.extraConfig = vim::fromOptionValues(*ec);
        if (!gi::isVch(r.extraConfig, o.obj.str())) return;
        if (const auto* p = o.prop("resourcePool")) r.pool = vim::Moref::from(*p);
        // Only what a row shows is decoded: a full decode per VCH would
        // dominate the time of a long list.
        r.stored = gi::decodeSummary(r.extraConfig);
        r.guestIp = o.text("guest.ipAddress");
        const std::string address = endpointAddress(r);

        if (found.size() >= kMaxListedVchs)
          throw Error(ErrorCode::Unavailable,
                      "the target's answer could not be used: it claims "
                      "more than " +
                          std::to_string(kMaxListedVchs) +
                          " VCHs, more VMs than any vCenter holds");
        VchListItem item;
        item.id = o.obj.value;
        item.name = o.text("name");
        item.version = r.stored.version;
        item.powerState = o.text("runtime.powerState");
        item.upgradeStatus = upgradeStatus(appliance, r.stored.version, r.stored.locked);
        item.dockerHost = dockerHost(r.stored.model, address);
        item.adminPortal = adminPortal(address);
        item.daemonVersion = r.stored.daemonVersion;
        const std::string& dc = r.stored.placement.datacenter;
        item.datacenter = dc.substr(dc.find(':') + 1);  // "Datacenter:datacenter-2"
        item.rollbackVersion = r.stored.placement.previousVersion;
        found.emplace_back(std::move(item), r.pool);
      });

  std::vector<VchListItem> out;
  for (auto& [item, pool] : found) {
    if (scope.computeResource && !within(parents, pool, *scope.computeResource)) continue;
    item.parent = ObjectRef{pool.value, poolNames[pool]};
    out.push_back(std::move(item));
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return out;
}

Vch describeVch(const VchRecord& r, const version::Version& appliance) {
  Vch v = r.stored.model;
  v.name = r.name.empty() ? v.name : r.name;
  v.version = r.stored.version;
  idsFromPlacement(v, r.stored.placement);
  if (r.poolConfig && r.stored.placement.ownPool) {
    const auto& cfg = *r.poolConfig;
    v.compute.cpu.limit = fromAllocation(cfg.cpu.limit, true, "MHz");
    v.compute.cpu.reservation = fromAllocation(cfg.cpu.reservation, false, "MHz");
    v.compute.memory.limit = fromAllocation(cfg.memory.limit, true, "MiB");
    v.compute.memory.reservation = fromAllocation(cfg.memory.reservation, false, "MiB");
    auto shares = [](const vim::ResourceAllocation& a) {
      Shares s;
      if (a.sharesLevel == "custom")
        s.number = a.shares;
      else
        s.level = a.sharesLevel;
      return s;
    };
    v.compute.cpu.shares = shares(cfg.cpu);
    v.compute.memory.shares = shares(cfg.memory);
  }
  // 1.5 stored and read back a whitelist as the union of whitelist and
  // insecure registries (both are allowed), and scripts compare against that.
  if (!v.registry.whitelist.empty())
    for (const auto& insecure : v.registry.insecure)
      if (std::find(v.registry.whitelist.begin(), v.registry.whitelist.end(), insecure) ==
          v.registry.whitelist.end())
        v.registry.whitelist.push_back(insecure);
  if (r.numCpus > 0) v.endpoint.cpuSockets = r.numCpus;
  if (r.memoryMB > 0) v.endpoint.memory = Quantity{r.memoryMB, "MiB"};
  const std::string address = endpointAddress(r);
  v.runtime.powerState = r.powerState;
  v.runtime.upgradeStatus = upgradeStatus(appliance, r.stored.version, r.stored.locked);
  v.runtime.dockerHost = dockerHost(v, address);
  v.runtime.adminPortal = adminPortal(address);
  return v;
}

Vch inspectVch(vim::Client& client, const std::string& id, const version::Version& appliance) {
  return describeVch(loadVch(client, id), appliance);
}

}  // namespace vic::engine
