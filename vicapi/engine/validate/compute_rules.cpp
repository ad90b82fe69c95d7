// compute.*, endpoint sizing and the DRS VM group.
#include "vicapi/base/error.h"
#include "vicapi/engine/validate/context.h"
#include "vicapi/engine/validate/vm_group_rule.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/property_collector.h"

namespace vic::engine {

namespace {

std::optional<vim::Moref> resolveById(ValidationContext& c, const std::string& id) {
  if (auto colon = id.find(':'); colon != std::string::npos) {
    vim::Moref m{id.substr(0, colon), id.substr(colon + 1)};
    if (c.inv().get(m)) return m;
  }
  for (const char* type :
       {"ResourcePool", "VirtualApp", "ClusterComputeResource", "ComputeResource", "HostSystem"}) {
    vim::Moref m{type, id};
    if (c.inv().get(m)) return m;
  }
  return std::nullopt;
}

// Converts a limit or reservation to the canonical unit and checks it.
std::optional<long long> canonical(ValidationContext& c, const std::string& path,
                                   std::optional<Quantity>& q, bool memory) {
  if (!q) return std::nullopt;
  auto v = memory ? toMiB(*q) : toMHz(*q);
  if (!v) return std::nullopt;  // unknown units were reported by the schema check
  if (*v < 0) {
    c.issues.add(path, "must not be negative");
    return std::nullopt;
  }
  q = Quantity{*v, memory ? "MiB" : "MHz"};
  return v;
}

void checkResources(ValidationContext& c, const std::string& path, ResourceSettings& r,
                    bool memory) {
  auto limit = canonical(c, path + ".limit", r.limit, memory);
  auto reservation = canonical(c, path + ".reservation", r.reservation, memory);
  if (limit && *limit == 0) {  // the wizard's "Unlimited"
    r.limit.reset();
    limit.reset();
  }
  if (limit && reservation && *reservation > *limit)
    c.issues.add(path + ".reservation",
                 "is " + std::to_string(*reservation) + (memory ? " MiB" : " MHz") +
                     ", more than the limit of " + std::to_string(*limit) +
                     (memory ? " MiB" : " MHz") + "; lower it or raise the limit");
  if (r.shares && r.shares->number && *r.shares->number <= 0)
    c.issues.add(path + ".shares.number", "must be a positive number of shares");
  if (r.shares && r.shares->level.empty() && !r.shares->number)
    c.issues.add(path + ".shares", "give a level (low, normal, high) or a number");
}

// A compute resource by inventory path or name; a host's name finds the host.
std::optional<vim::Moref> resolveByName(ValidationContext& c, const std::string& name) {
  try {
    return c.finder.find(vim::Kind::Compute, name, c.options.datacenter);
  } catch (const NotFoundError& e) {
    // Perhaps a host: said so below, with what to choose instead.
    try {
      return c.finder.find(vim::Kind::Host, name, c.options.datacenter);
    } catch (const Error&) {
      c.issues.add("compute.resource.name", e.what());
    }
  } catch (const Error& e) {
    c.issues.add("compute.resource.name", e.what());
  }
  return std::nullopt;
}

void resolveResource(ValidationContext& c) {
  const ObjectRef& r = c.vch().compute.resource;
  if (r.empty()) {
    c.issues.add("compute.resource",
                 "resource pool must be specified (by name or id): give the cluster, standalone "
                 "host or resource pool");
    return;
  }
  std::optional<vim::Moref> ref;
  if (!r.id.empty()) {
    ref = resolveById(c, r.id);
    if (!ref) {
      c.issues.add("compute.resource.id",
                   "no cluster, host or resource pool has the id \"" + r.id + "\"");
      return;
    }
  }
  if (!r.name.empty()) {
    auto named = resolveByName(c, r.name);
    if (!named) return;
    if (ref && *ref != *named) {
      c.issues.add("compute.resource", "the id \"" + r.id + "\" is " + c.inv().path(*ref) +
                                           " but the name \"" + r.name + "\" is " +
                                           c.inv().path(*named) + "; give one of them");
      return;
    }
    ref = named;
  }
  if (ref->type == "HostSystem") {
    const vim::InventoryItem* host = c.inv().get(*ref);
    const vim::InventoryItem* parent = host ? c.inv().get(host->parent) : nullptr;
    if (parent && parent->isType("ClusterComputeResource")) {
      c.issues.add("compute.resource", "host " + host->name + " is in cluster " + parent->name +
                                           "; choose the cluster or one of its resource pools");
      return;
    }
    if (parent) ref = parent->ref;
  }
  c.out.computeResource = *ref;
  auto owner = c.inv().computeOwner(*ref);
  if (!owner) {
    c.issues.add("compute.resource", "\"" + r.display() + "\" is not inside a cluster or host");
    return;
  }
  c.out.owner = *owner;
  c.out.cluster = owner->type == "ClusterComputeResource";
  const vim::InventoryItem* o = c.inv().get(*owner);
  c.out.parentPool =
      (ref->type == "ResourcePool" || ref->type == "VirtualApp") ? *ref : o->rootPool;

  auto dc = c.inv().datacenterOf(*ref);
  if (c.options.datacenter && dc != c.options.datacenter) {
    c.issues.add("compute.resource", "\"" + r.display() + "\" is not in the datacenter " +
                                         c.inv().path(*c.options.datacenter));
    return;
  }
  c.out.datacenter = *dc;
  c.out.datacenterPath = c.inv().path(*dc);
  for (const auto* child : c.inv().children(*dc))
    if (child->isType("Folder") && child->name == "vm") c.out.vmFolder = child->ref;

  c.out.hosts = c.inv().hostsOf(*owner);
  if (c.out.hosts.empty())
    c.issues.add("compute.resource", "\"" + r.display() + "\" has no hosts to run the VCH on");
}

// What the cluster's configuration and the parent pool's capacity say, read
// in one retrieval, and only when something needs them.
struct ComputeFacts {
  std::vector<std::string> vmGroups;          // the cluster's DRS groups
  std::optional<long long> unreservedCpuMHz;  // the parent pool's, for a child pool
  std::optional<long long> unreservedMemoryBytes;
};

bool reserves(const ResourceSettings& r) {
  return r.reservation && r.reservation->value > 0;
}

ComputeFacts readComputeFacts(ValidationContext& c) {
  ComputeFacts f;
  const Vch& v = c.vch();
  std::vector<vim::ObjectSpec> objects;
  if (c.out.cluster) objects.push_back({c.out.owner});
  const bool reservations = reserves(v.compute.cpu) || reserves(v.compute.memory);
  if (reservations) objects.push_back({c.out.parentPool});
  if (objects.empty()) return f;
  const std::vector<std::string> runtime{"runtime.cpu.unreservedForPool",
                                         "runtime.memory.unreservedForPool"};
  for (const auto& o :
       vim::PropertyCollector(c.client).retrieve({{"ClusterComputeResource", {"configurationEx"}},
                                                  {"ResourcePool", runtime},
                                                  {"VirtualApp", runtime}},
                                                 objects)) {
    if (const auto* cfg = o.prop("configurationEx")) {
      if (const auto* drs = cfg->find("drsConfig"))
        c.out.drsEnabled = drs->textOf("enabled") == "true";
      for (const auto* g : cfg->all("group"))
        f.vmGroups.push_back(g->textOf("name"));
    }
    if (o.prop("runtime.cpu.unreservedForPool"))
      f.unreservedCpuMHz = std::stoll(o.text("runtime.cpu.unreservedForPool"));
    if (o.prop("runtime.memory.unreservedForPool"))
      f.unreservedMemoryBytes = std::stoll(o.text("runtime.memory.unreservedForPool"));
  }
  return f;
}

// A reservation the parent pool cannot grant would fail create half way
// (vCenter refuses the child pool), so it is a problem now.
void checkReservations(ValidationContext& c, const ComputeFacts& f) {
  // Without DRS no pool of the VCH's own is made, and its settings are not applied.
  if (c.out.cluster && !c.out.drsEnabled) return;
  const std::string parent = c.inv().path(c.out.parentPool);
  auto check = [&](const char* path, const ResourceSettings& r, std::optional<long long> free,
                   const char* units) {
    if (!reserves(r) || !free || r.reservation->value <= *free) return;
    c.issues.add(path, "is " + std::to_string(r.reservation->value) + " " + units +
                           ", more than the " + std::to_string(*free) + " " + units +
                           " the resource pool " + parent +
                           " can still reserve; lower it or free capacity there");
  };
  std::optional<long long> freeMHz;
  if (f.unreservedCpuMHz) freeMHz = *f.unreservedCpuMHz + c.options.reservedCpuMHz;
  check("compute.cpu.reservation", c.vch().compute.cpu, freeMHz, "MHz");
  std::optional<long long> freeMiB;
  if (f.unreservedMemoryBytes)
    freeMiB = *f.unreservedMemoryBytes / (1024 * 1024) + c.options.reservedMemoryMiB;
  check("compute.memory.reservation", c.vch().compute.memory, freeMiB, "MiB");
}

void checkVmGroup(ValidationContext& c, const ComputeFacts& facts) {
  if (!c.vch().compute.useVmGroup) return;
  VmGroupFacts f{c.out.vcenter, c.out.cluster, c.out.drsEnabled, c.inv().get(c.out.owner)->name,
                 false,         c.vch().name};
  for (const auto& g : facts.vmGroups)
    f.nameTaken |= g == c.vch().name;
  if (auto problem = vmGroupProblem(f)) c.issues.add("compute.affinity.use_vm_group", *problem);
}

void checkEndpointSize(ValidationContext& c) {
  auto& e = c.vch().endpoint;
  if (!e.memory) e.memory = Quantity{2048, "MiB"};
  if (auto mib = toMiB(*e.memory)) {
    e.memory = Quantity{*mib, "MiB"};
    if (*mib < 512)
      c.issues.add("endpoint.memory",
                   "is " + std::to_string(*mib) + " MiB; the endpoint VM needs at least 512 MiB");
  }
  if (!e.cpuSockets) e.cpuSockets = 1;
  if (*e.cpuSockets < 1 || *e.cpuSockets > 128)
    c.issues.add("endpoint.cpu.sockets",
                 "must be 1 to 128 virtual CPUs, not " + std::to_string(*e.cpuSockets));
}

}  // namespace

void checkCompute(ValidationContext& c) {
  c.out.vcenter = c.client.serviceContent().about.isVCenter();
  resolveResource(c);
  checkResources(c, "compute.cpu", c.vch().compute.cpu, false);
  checkResources(c, "compute.memory", c.vch().compute.memory, true);
  checkEndpointSize(c);
  if (c.out.owner.empty()) return;
  const ComputeFacts facts = readComputeFacts(c);
  checkReservations(c, facts);
  checkVmGroup(c, facts);
}

}  // namespace vic::engine
