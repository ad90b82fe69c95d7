// The plug-in's own API: pickers for the wizard, per-step validation, audit.
#include <map>
#include <set>

#include "plugin-server/api/json_views.h"
#include "plugin-server/api/routes.h"
#include "plugin-server/httpd/http_error.h"
#include "vicapi/engine/containers.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/engine/validate/validator.h"
#include "vicapi/net/errors.h"
#include "vicapi/vim/finder.h"
#include "vicapi/vim/inventory.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/view.h"

namespace vic::server {

namespace {

using nlohmann::json;

constexpr const char* kScoped = "/plugin/target/{target}/datacenter/{datacenter}";

json node(const vim::Inventory& inv, const vim::InventoryItem& i) {
  return {{"id", i.ref.value}, {"type", i.ref.type}, {"name", i.name}, {"path", inv.path(i.ref)}};
}

// What a pool can give a child at most: the bounds of the wizard's limits.
struct PoolMax {
  long long cpuMHz = -1;
  long long memoryMB = -1;
};
using PoolMaxima = std::map<vim::Moref, PoolMax>;

// Every pool's maxima in the datacenter, in one retrieval.
PoolMaxima poolMaxima(vim::Client& client, const vim::Moref& dc) {
  PoolMaxima out;
  const std::vector<std::string> props{"runtime.cpu.maxUsage", "runtime.memory.maxUsage"};
  vim::retrieveEachFromContainer(
      client, dc, {{"ResourcePool", props}}, [&](vim::ObjectContent&& o) {
        PoolMax m;
        m.cpuMHz = std::stoll(o.text("runtime.cpu.maxUsage", "-1"));
        const long long bytes = std::stoll(o.text("runtime.memory.maxUsage", "-1"));
        m.memoryMB = bytes < 0 ? -1 : bytes / (1024 * 1024);
        out[o.obj] = m;
      });
  return out;
}

void addMaxima(json& n, const PoolMaxima& maxima, const vim::Moref& pool) {
  auto it = maxima.find(pool);
  if (it == maxima.end()) return;
  if (it->second.cpuMHz > 0) n["cpu_max_mhz"] = it->second.cpuMHz;
  if (it->second.memoryMB > 0) n["memory_max_mb"] = it->second.memoryMB;
}

// Pools (and vApps) below `pool`, marking VCHs' own pools: a VCH cannot be
// created inside another one. Pools nest a few levels; nesting that goes on
// is a loop in a broken or hostile inventory.
json poolChildren(const vim::Inventory& inv, const vim::Moref& pool,
                  const std::set<vim::Moref>& vchPools, const PoolMaxima& maxima, int depth = 0) {
  if (depth > 64)
    throw ProtocolError("the resource pools below " + pool.str() + " loop or nest too deep");
  json out = json::array();
  for (const auto* c : inv.children(pool)) {
    if (!c->isType("ResourcePool") && !c->isType("VirtualApp")) continue;
    json n = node(inv, *c);
    n["selectable"] = !vchPools.count(c->ref);
    if (vchPools.count(c->ref)) n["vch"] = true;
    addMaxima(n, maxima, c->ref);
    n["children"] = poolChildren(inv, c->ref, vchPools, maxima, depth + 1);
    out.push_back(std::move(n));
  }
  return out;
}

std::set<vim::Moref> vchPools(vim::Client& client, const vim::Moref& dc) {
  std::set<vim::Moref> out;
  for (const auto& v : engine::listVchs(client, {dc, std::nullopt}, version::current()))
    out.insert({"ResourcePool", v.parent.id});
  return out;
}

json computeTree(vim::Client& client, const vim::Moref& dc) {
  auto inv = vim::Inventory::load(client);
  const auto taken = vchPools(client, dc);
  const auto maxima = poolMaxima(client, dc);
  json out = json::array();
  std::vector<const vim::InventoryItem*> owners;
  for (const char* t : {"ClusterComputeResource", "ComputeResource"})
    for (const auto* i : inv.ofType(t))
      if (inv.within(i->ref, dc)) owners.push_back(i);
  for (const auto* o : owners) {
    json n = node(inv, *o);
    n["selectable"] = true;
    addMaxima(n, maxima, o->rootPool);
    json children = json::array();
    if (o->isType("ClusterComputeResource")) {
      for (const auto* h : inv.children(o->ref))
        if (h->isType("HostSystem")) {
          json host = node(inv, *h);
          host["selectable"] = false;  // inside a cluster: the cluster decides placement
          children.push_back(std::move(host));
        }
    }
    for (auto& p : poolChildren(inv, o->rootPool, taken, maxima))
      children.push_back(std::move(p));
    n["children"] = std::move(children);
    out.push_back(std::move(n));
  }
  return out;
}

vim::Moref computeParam(Exchange& ex, const TargetScope& scope) {
  auto cr = ex.query("compute-resource");
  if (!cr || cr->empty())
    throw HttpError(400, "compute-resource is required: the cluster, host or pool chosen");
  for (const char* t : {"ClusterComputeResource", "ComputeResource", "ResourcePool", "VirtualApp"})
    if (cr->find(':') == std::string::npos) {
      try {
        vim::PropertyCollector(scope.client()).retrieveOne({t, *cr}, {"name"});
        return {t, *cr};
      } catch (const std::exception&) {
      }
    }
  try {
    return vim::Finder(scope.client()).find(vim::Kind::Compute, *cr, scope.datacenter);
  } catch (const Error& e) {
    throw HttpError(400, std::string("compute-resource: ") + e.what());
  }
}

json datastores(vim::Client& client, const vim::Moref& dc, const vim::Moref& compute) {
  auto inv = vim::Inventory::load(client);
  json out = json::array();
  for (const auto* d : inv.datastoresReachedBy(inv.hostsOf(compute), dc)) {
    out.push_back({{"id", d->ref.value},
                   {"name", d->name},
                   {"free_bytes", d->freeSpace},
                   {"capacity_bytes", d->capacity},
                   {"type", d->datastoreType},
                   {"accessible", d->accessible}});
  }
  return out;
}

json networks(vim::Client& client, const vim::Moref& compute) {
  auto inv = vim::Inventory::load(client);
  const vim::Moref owner = inv.computeOwner(compute).value_or(compute);
  auto o = vim::PropertyCollector(client).retrieveOne(owner, {"network"});
  json out = json::array();
  if (const auto* list = o.prop("network")) {
    for (const auto& n : list->children) {
      const auto* item = inv.get(vim::Moref::from(n));
      if (!item || item->uplink) continue;
      const std::string kind = item->isType("DistributedVirtualPortgroup") ? "distributed"
                               : item->isType("OpaqueNetwork")             ? "opaque"
                                                                           : "standard";
      json j{
          {"id", item->ref.value}, {"type", item->ref.type}, {"name", item->name}, {"kind", kind}};
      if (const auto* dvs = inv.get(item->distributedSwitch)) j["switch"] = dvs->name;
      out.push_back(std::move(j));
    }
  }
  return out;
}

// Issues whose path starts with one of `prefixes` (all when none given), so
// that each wizard step sees its own fields' problems.
json filtered(const engine::Issues& issues, const std::string& prefixes) {
  std::vector<std::string> wanted;
  for (std::size_t start = 0; start <= prefixes.size();) {
    auto end = prefixes.find(',', start);
    if (end == std::string::npos) end = prefixes.size();
    if (end > start) wanted.push_back(prefixes.substr(start, end - start));
    start = end + 1;
  }
  engine::Issues out;
  for (const auto& i : issues.list()) {
    bool keep = wanted.empty();
    for (const auto& w : wanted)
      keep |= i.path == w || i.path.rfind(w + ".", 0) == 0 || i.path.rfind(w + "[", 0) == 0;
    if (keep) out.add(i.path, i.message, i.code);
  }
  return engine::issuesToJson(out);
}

}  // namespace

void addPluginHandlers(OperationHandlers& handlers, ApiContext& ctx) {
  // Who the caller is to the target: what the wizard's vic-machine line
  // passes as --user.
  handlers.set("getSession", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    ex.sendJson(200, {{"user", scope.session.principal}, {"target", scope.target}});
  });
  handlers.set("listDatacenters", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    auto inv = vim::Inventory::load(scope.client());
    json out = json::array();
    for (const auto* d : inv.ofType("Datacenter"))
      out.push_back(node(inv, *d));
    ex.sendJson(200, out);
  });
  handlers.set("computeTree", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    ex.sendJson(200, computeTree(scope.client(), *scope.datacenter));
  });
  handlers.set("listDatastores", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    ex.sendJson(200, datastores(scope.client(), *scope.datacenter, computeParam(ex, scope)));
  });
  handlers.set("listNetworks", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    ex.sendJson(200, networks(scope.client(), computeParam(ex, scope)));
  });
  handlers.set("validateVCH", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    const json body = ex.jsonBody();
    if (!body.is_object()) throw HttpError(422, "the body must be a VCH object");
    // Every problem at once, schema and content, so that a wizard step with
    // only its own fields filled in still hears about them (a name taken, a
    // datastore missing) while the other steps' gaps are filtered out.
    engine::Issues issues;
    auto vch = engine::vchFromJson(body, issues);
    engine::ResolvedVch resolved;
    const auto found =
        engine::validateVch(scope.client(), vch, validationOptions(scope, ctx), resolved);
    for (const auto& i : found.list())
      if (!issues.has(i.path)) issues.add(i.path, i.message, i.code, i.expected);
    json list = filtered(issues, ex.query("paths").value_or(""));
    ex.sendJson(200, {{"valid", list.empty()}, {"issues", list}});
  });
  auto containers = [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    json out = json::array();
    for (const auto& c : engine::listContainers(scope.client(), scope.datacenter))
      out.push_back({{"id", c.id},
                     {"name", c.name},
                     {"vm_name", c.vmName},
                     {"power_state", c.powerState},
                     {"memory_mb", c.memoryMB},
                     {"cpu_mhz", c.cpuMHz},
                     {"storage_bytes", c.storageBytes},
                     {"ports", c.ports},
                     {"image", c.image},
                     {"vch_id", c.vchId},
                     {"vch_name", c.vchName}});
    ex.sendJson(200, out);
  };
  handlers.set("listContainers", containers);
  handlers.set("listContainersInDatacenter", containers);
  handlers.set("readAudit", [&ctx](Exchange& ex) {
    auto scope = openTarget(ex, ctx);
    int limit = 100;
    if (auto l = ex.query("limit")) {
      try {
        limit = std::clamp(std::stoi(*l), 1, 1000);
      } catch (const std::exception&) {
        throw HttpError(400, "limit must be a number from 1 to 1000");
      }
    }
    json out = json::array();
    for (const auto& e : ctx.audit.read(scope.target, limit))
      out.push_back(AuditLog::toJson(e));
    ex.sendJson(200, out);
  });
}

}  // namespace vic::server
