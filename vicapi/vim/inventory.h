#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "vicapi/vim/moref.h"

namespace vic::vim {

class Client;

// One managed entity as seen in a single inventory pass. Fields that do not
// apply to the entity's type keep their defaults.
struct InventoryItem {
  Moref ref;
  std::string name;
  Moref parent;

  std::string powerState;       // VirtualMachine
  long long capacity = -1;      // Datastore, bytes
  long long freeSpace = -1;     // Datastore, bytes
  std::string datastoreType;    // Datastore: VMFS, NFS, vsan, OTHER
  bool accessible = true;       // Datastore
  Moref distributedSwitch;      // DistributedVirtualPortgroup
  std::string portgroupKey;     // DistributedVirtualPortgroup
  bool uplink = false;          // DistributedVirtualPortgroup
  std::string switchUuid;       // DistributedVirtualSwitch
  Moref rootPool;               // ComputeResource / ClusterComputeResource
  std::string connectionState;  // HostSystem
  bool maintenance = false;     // HostSystem
  Moref firewallSystem;         // HostSystem
  Moref browser;                // Datastore
  // Datastore: the hosts that mount it; DistributedVirtualPortgroup: its member hosts.
  std::vector<Moref> hosts;

  bool isType(const std::string& t) const { return ref.type == t; }
};

// A snapshot of the whole inventory, read in one property-collector pass
// through a container view on the root folder. Paths are computed locally
// from parent links, so turning N objects into paths costs no extra calls.
class Inventory {
 public:
  static Inventory load(Client& client);

  const InventoryItem* get(const Moref& ref) const;
  // "/DC0/host/DC0_C0/Resources"
  std::string path(const Moref& ref) const;
  // The datacenter that contains ref, if any.
  std::optional<Moref> datacenterOf(const Moref& ref) const;
  std::vector<const InventoryItem*> ofType(const std::string& type) const;
  std::vector<const InventoryItem*> children(const Moref& parent) const;
  // Items of any of `types` named `name`, optionally inside `datacenter`.
  std::vector<const InventoryItem*> named(const std::string& name,
                                          const std::vector<std::string>& types,
                                          const std::optional<Moref>& datacenter) const;
  bool within(const Moref& ref, const Moref& ancestor) const;
  // The item whose inventory path is `path` ("/DC0/host/DC0_C0"), if any.
  std::optional<Moref> atPath(const std::string& path) const;
  // `ref` or its nearest ancestor of one of `types`.
  std::optional<Moref> nearest(const Moref& ref, const std::vector<std::string>& types) const;
  // The cluster or standalone compute resource that `ref` is in, if any.
  std::optional<Moref> computeOwner(const Moref& ref) const {
    return nearest(ref, {"ClusterComputeResource", "ComputeResource"});
  }
  // The hosts that run what is placed on `ref`: a host itself, or the hosts
  // of the cluster or standalone compute resource that `ref` is or is in.
  std::vector<Moref> hostsOf(const Moref& ref) const;
  // The datastores inside `datacenter` that at least one of `hosts` mounts.
  std::vector<const InventoryItem*> datastoresReachedBy(const std::vector<Moref>& hosts,
                                                        const Moref& datacenter) const;
  std::size_t size() const { return items_.size(); }

  // More objects than any vCenter holds: load() refuses them (ProtocolError).
  static constexpr std::size_t kMaxItems = 200'000;

 private:
  // Visits ref and its ancestors while `visit` returns true; parent links
  // that loop are a ProtocolError.
  template <class F>
  void upwards(const Moref& ref, F&& visit) const;
  std::map<Moref, InventoryItem> items_;
  std::map<Moref, std::vector<Moref>> children_;
};

}  // namespace vic::vim
