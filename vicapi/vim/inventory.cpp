#include "vicapi/vim/inventory.h"

#include <algorithm>
#include <charconv>

#include "vicapi/net/errors.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/view.h"

namespace vic::vim {

namespace {

// A number the server sent, or -1 when it sent none or not a number.
long long number(const ObjectContent& o, std::string_view path) {
  const std::string t = o.text(path);
  long long v = -1;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
  return ec == std::errc() && end == t.data() + t.size() ? v : -1;
}

// vSphere nests folders a few levels deep; parent links that go on for
// longer than this loop, and come from a broken or hostile server.
constexpr int kMaxDepth = 64;

}  // namespace

Inventory Inventory::load(Client& client) {
  // ManagedEntity's propSet applies to every subtype; the others add what
  // the pickers and the inventory listing need.
  const std::vector<PropertySpec> props = {
      {"ManagedEntity", {"name", "parent"}},
      {"VirtualMachine", {"runtime.powerState"}},
      {"Datastore",
       {"summary.capacity", "summary.freeSpace", "summary.type", "summary.accessible", "host",
        "browser"}},
      {"DistributedVirtualPortgroup",
       {"key", "config.distributedVirtualSwitch", "config.uplink", "host"}},
      {"DistributedVirtualSwitch", {"uuid", "config.uplinkPortgroup"}},
      {"ComputeResource", {"resourcePool"}},
      {"HostSystem",
       {"runtime.connectionState", "runtime.inMaintenanceMode", "configManager.firewallSystem"}},
  };
  Inventory inv;
  std::vector<Moref> uplinks;  // a switch names its uplink port groups
  // Each object is decoded as it arrives, so the answer is never whole in memory.
  retrieveEachFromContainer(
      client, client.serviceContent().rootFolder, props, [&](ObjectContent&& o) {
        if (inv.items_.size() >= kMaxItems)
          throw ProtocolError("the inventory holds more than " + std::to_string(kMaxItems) +
                              " objects, more than any vCenter");
        InventoryItem item;
        item.ref = o.obj;
        item.name = o.text("name");
        if (const auto* p = o.prop("parent")) item.parent = Moref::from(*p);
        item.powerState = o.text("runtime.powerState");
        item.capacity = number(o, "summary.capacity");
        item.freeSpace = number(o, "summary.freeSpace");
        item.datastoreType = o.text("summary.type");
        item.accessible = o.text("summary.accessible", "true") == "true";
        if (const auto* s = o.prop("config.distributedVirtualSwitch"))
          item.distributedSwitch = Moref::from(*s);
        item.portgroupKey = o.text("key");
        item.uplink = o.text("config.uplink") == "true";
        item.switchUuid = o.text("uuid");
        if (const auto* u = o.prop("config.uplinkPortgroup"))
          for (const auto& pg : u->children)
            uplinks.push_back(Moref::from(pg));
        if (const auto* rp = o.prop("resourcePool")) item.rootPool = Moref::from(*rp);
        item.connectionState = o.text("runtime.connectionState");
        item.maintenance = o.text("runtime.inMaintenanceMode") == "true";
        if (const auto* f = o.prop("configManager.firewallSystem"))
          item.firewallSystem = Moref::from(*f);
        if (const auto* b = o.prop("browser")) item.browser = Moref::from(*b);
        // A datastore lists DatastoreHostMount entries, a port group host references.
        if (const auto* hosts = o.prop("host"))
          for (const auto& h : hosts->children)
            item.hosts.push_back(Moref::from(h.find("key") ? *h.find("key") : h));
        if (!item.parent.empty()) inv.children_[item.parent].push_back(item.ref);
        inv.items_.emplace(item.ref, std::move(item));
      });
  for (const auto& pg : uplinks)
    if (auto it = inv.items_.find(pg); it != inv.items_.end()) it->second.uplink = true;
  for (auto& [parent, kids] : inv.children_) {
    std::sort(kids.begin(), kids.end(), [&](const Moref& a, const Moref& b) {
      return inv.items_.at(a).name < inv.items_.at(b).name;
    });
  }
  return inv;
}

const InventoryItem* Inventory::get(const Moref& ref) const {
  auto it = items_.find(ref);
  return it == items_.end() ? nullptr : &it->second;
}

template <class F>
void Inventory::upwards(const Moref& ref, F&& visit) const {
  int depth = 0;
  for (const InventoryItem* i = get(ref); i; i = get(i->parent)) {
    if (++depth > kMaxDepth)
      throw ProtocolError("the inventory's parent links above " + ref.str() +
                          " loop or nest deeper than " + std::to_string(kMaxDepth));
    if (!visit(*i)) return;
  }
}

std::string Inventory::path(const Moref& ref) const {
  std::vector<const std::string*> names;
  upwards(ref, [&](const InventoryItem& i) {
    names.push_back(&i.name);
    return true;
  });
  std::string out;
  for (auto it = names.rbegin(); it != names.rend(); ++it)
    out += "/" + **it;
  return out;
}

std::optional<Moref> Inventory::datacenterOf(const Moref& ref) const {
  std::optional<Moref> found;
  upwards(ref, [&](const InventoryItem& i) {
    if (i.isType("Datacenter")) found = i.ref;
    return !found;
  });
  return found;
}

bool Inventory::within(const Moref& ref, const Moref& ancestor) const {
  bool found = false;
  upwards(ref, [&](const InventoryItem& i) {
    found = i.ref == ancestor;
    return !found;
  });
  return found;
}

std::optional<Moref> Inventory::nearest(const Moref& ref,
                                        const std::vector<std::string>& types) const {
  std::optional<Moref> found;
  upwards(ref, [&](const InventoryItem& i) {
    if (std::find(types.begin(), types.end(), i.ref.type) != types.end()) found = i.ref;
    return !found;
  });
  return found;
}

std::vector<Moref> Inventory::hostsOf(const Moref& ref) const {
  const auto owner = nearest(ref, {"ClusterComputeResource", "ComputeResource", "HostSystem"});
  if (!owner) return {};
  if (owner->type == "HostSystem") return {*owner};
  // A compute resource's hosts are its children in the inventory's tree.
  std::vector<Moref> out;
  for (const auto* child : children(*owner))
    if (child->isType("HostSystem")) out.push_back(child->ref);
  return out;
}

std::vector<const InventoryItem*> Inventory::datastoresReachedBy(const std::vector<Moref>& hosts,
                                                                 const Moref& datacenter) const {
  std::vector<const InventoryItem*> out;
  for (const auto* d : ofType("Datastore")) {
    if (!within(d->ref, datacenter)) continue;
    const bool mounted = std::any_of(d->hosts.begin(), d->hosts.end(), [&](const Moref& h) {
      return std::find(hosts.begin(), hosts.end(), h) != hosts.end();
    });
    if (mounted) out.push_back(d);
  }
  return out;
}

std::vector<const InventoryItem*> Inventory::ofType(const std::string& type) const {
  std::vector<const InventoryItem*> out;
  for (const auto& [ref, item] : items_)
    if (item.isType(type)) out.push_back(&item);
  std::sort(out.begin(), out.end(),
            [this](auto* a, auto* b) { return path(a->ref) < path(b->ref); });
  return out;
}

std::vector<const InventoryItem*> Inventory::children(const Moref& parent) const {
  std::vector<const InventoryItem*> out;
  if (auto it = children_.find(parent); it != children_.end())
    for (const auto& ref : it->second)
      out.push_back(get(ref));
  return out;
}

std::optional<Moref> Inventory::atPath(const std::string& path) const {
  const std::string leaf = path.substr(path.rfind('/') + 1);
  for (const auto& [ref, item] : items_)
    if (item.name == leaf && this->path(ref) == path) return ref;
  return std::nullopt;
}

std::vector<const InventoryItem*> Inventory::named(const std::string& name,
                                                   const std::vector<std::string>& types,
                                                   const std::optional<Moref>& datacenter) const {
  std::vector<const InventoryItem*> out;
  for (const auto& [ref, item] : items_) {
    if (item.name != name) continue;
    if (std::find(types.begin(), types.end(), ref.type) == types.end()) continue;
    if (datacenter && !within(ref, *datacenter)) continue;
    out.push_back(&item);
  }
  return out;
}

}  // namespace vic::vim
