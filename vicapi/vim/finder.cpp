#include "vicapi/vim/finder.h"

#include <algorithm>

#include "vicapi/base/error.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/search_index.h"

namespace vic::vim {

namespace {

const char* folderOf(Kind kind) {
  switch (kind) {
    case Kind::Compute:
    case Kind::ResourcePool:
    case Kind::Host:
      return "host";
    case Kind::Datastore:
      return "datastore";
    case Kind::Network:
      return "network";
    case Kind::VirtualMachine:
    case Kind::VmFolder:
      return "vm";
    case Kind::Datacenter:
      break;
  }
  return "";
}

bool endsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string listOf(const std::vector<std::string>& items, std::size_t max = 8) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max; ++i)
    out += (i ? ", " : "") + items[i];
  if (items.size() > max) out += ", ...";
  return out.empty() ? "none" : out;
}

}  // namespace

std::string kindName(Kind kind) {
  switch (kind) {
    case Kind::Datacenter:
      return "datacenter";
    case Kind::Compute:
      return "compute resource";
    case Kind::ResourcePool:
      return "resource pool";
    case Kind::Host:
      return "host";
    case Kind::Datastore:
      return "datastore";
    case Kind::Network:
      return "network";
    case Kind::VirtualMachine:
      return "virtual machine";
    case Kind::VmFolder:
      return "VM folder";
  }
  return "object";
}

const std::vector<std::string>& kindTypes(Kind kind) {
  static const std::vector<std::string> dc{"Datacenter"};
  static const std::vector<std::string> compute{"ClusterComputeResource", "ComputeResource",
                                                "ResourcePool", "VirtualApp"};
  static const std::vector<std::string> pool{"ResourcePool", "VirtualApp"};
  static const std::vector<std::string> host{"HostSystem"};
  static const std::vector<std::string> ds{"Datastore"};
  static const std::vector<std::string> net{"Network", "DistributedVirtualPortgroup",
                                            "OpaqueNetwork"};
  static const std::vector<std::string> vm{"VirtualMachine"};
  static const std::vector<std::string> folder{"Folder"};
  switch (kind) {
    case Kind::Datacenter:
      return dc;
    case Kind::Compute:
      return compute;
    case Kind::ResourcePool:
      return pool;
    case Kind::Host:
      return host;
    case Kind::Datastore:
      return ds;
    case Kind::Network:
      return net;
    case Kind::VirtualMachine:
      return vm;
    case Kind::VmFolder:
      return folder;
  }
  return dc;
}

Finder::Finder(Client& client) : client_(client) {}

const Inventory& Finder::inventory() {
  if (!inventory_) inventory_ = Inventory::load(client_);
  return *inventory_;
}

std::optional<Moref> Finder::byPath(const std::string& path) {
  // Once the inventory is here it answers without a call to vCenter.
  if (inventory_) return inventory_->atPath(path);
  return SearchIndex(client_).findByInventoryPath(path);
}

Moref Finder::checked(Kind kind, const Moref& ref, const std::string& what) {
  const auto& types = kindTypes(kind);
  if (std::find(types.begin(), types.end(), ref.type) == types.end())
    throw UsageError("\"" + what + "\" is a " + ref.type + ", not a " + kindName(kind));
  return ref;
}

Moref Finder::datacenter(const std::string& what) {
  if (what.empty()) {
    auto all = inventory().ofType("Datacenter");
    if (all.size() == 1) return all.front()->ref;
    std::vector<std::string> names;
    for (auto* d : all)
      names.push_back(inventory().path(d->ref));
    if (all.empty()) throw NotFoundError("the target has no datacenter");
    throw UsageError("Datacenter must be specified in --target: the target has " +
                     std::to_string(all.size()) + " datacenters (" + listOf(names) +
                     "); say which one to use");
  }
  return find(Kind::Datacenter, what, std::nullopt);
}

Moref Finder::find(Kind kind, const std::string& what, const std::optional<Moref>& datacenter) {
  if (what.empty()) throw UsageError("no " + kindName(kind) + " was given");

  // "Type:value"; only when the prefix is one of the expected types, because
  // names may contain colons too.
  if (auto colon = what.find(':'); colon != std::string::npos) {
    const auto& types = kindTypes(kind);
    std::string type = what.substr(0, colon);
    if (std::find(types.begin(), types.end(), type) != types.end()) {
      Moref ref{type, what.substr(colon + 1)};
      if (!inventory().get(ref)) {
        refresh();
        if (!inventory().get(ref))
          throw NotFoundError("the " + kindName(kind) + " " + what + " does not exist");
      }
      return ref;
    }
  }

  if (what.front() == '/') {
    if (auto ref = byPath(what)) return checked(kind, *ref, what);
    throw NotFoundError("nothing is at the inventory path " + what);
  }

  std::optional<Moref> dc = datacenter;
  if (!dc && kind != Kind::Datacenter) {
    auto all = inventory().ofType("Datacenter");
    if (all.size() == 1) dc = all.front()->ref;
  }
  if (dc && kind != Kind::Datacenter) {
    if (auto ref = byPath(inventory().path(*dc) + "/" + folderOf(kind) + "/" + what))
      if (std::find(kindTypes(kind).begin(), kindTypes(kind).end(), ref->type) !=
          kindTypes(kind).end())
        return *ref;
  }

  // A name or a partial path: anything whose path ends with it.
  const std::string leaf =
      what.substr(what.rfind('/') == std::string::npos ? 0 : what.rfind('/') + 1);
  std::vector<const InventoryItem*> matches;
  for (const auto* item : inventory().named(leaf, kindTypes(kind), dc))
    if (endsWith(inventory().path(item->ref), "/" + what)) matches.push_back(item);
  if (matches.size() == 1) return matches.front()->ref;

  const std::string where = dc ? " in " + inventory().path(*dc) : "";
  if (matches.empty()) {
    std::vector<std::string> names;
    for (const auto& t : kindTypes(kind))
      for (const auto* item : inventory().ofType(t))
        if (!dc || inventory().within(item->ref, *dc)) names.push_back(item->name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    throw NotFoundError("the " + kindName(kind) + " \"" + what + "\" was not found" + where +
                        "; available: " + listOf(names));
  }
  std::vector<std::string> paths;
  for (const auto* m : matches)
    paths.push_back(inventory().path(m->ref));
  throw UsageError("\"" + what + "\" names " + std::to_string(matches.size()) + " " +
                   kindName(kind) + "s" + where + " (" + listOf(paths) +
                   "); give the full inventory path");
}

}  // namespace vic::vim
