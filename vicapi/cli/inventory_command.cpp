// vic-machine inventory: what the target offers to a VCH, in one pass.
#include <iomanip>
#include <iostream>
#include <sstream>

#include <Poco/Util/Option.h>
#include <nlohmann/json.hpp>

#include "vicapi/cli/commands.h"
#include "vicapi/cli/target.h"
#include "vicapi/vim/inventory.h"

namespace vic::cli {

namespace {

using vim::Inventory;
using vim::InventoryItem;

std::string bytes(long long n) {
  if (n < 0) return "?";
  const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB", "PiB"};
  double v = static_cast<double>(n);
  int u = 0;
  while (v >= 1024 && u < 5) {
    v /= 1024;
    ++u;
  }
  std::ostringstream os;
  os << std::fixed << std::setprecision(u == 0 ? 0 : 1) << v << " " << units[u];
  return os.str();
}

std::string networkKind(const Inventory& inv, const InventoryItem& n) {
  if (n.isType("DistributedVirtualPortgroup")) {
    const InventoryItem* dvs = inv.get(n.distributedSwitch);
    return std::string(n.uplink ? "uplink " : "") + "distributed port group" +
           (dvs ? " on " + dvs->name : "");
  }
  if (n.isType("OpaqueNetwork")) return "opaque network";
  return "standard port group";
}

void printCompute(const Inventory& inv, const InventoryItem& item, int depth, std::ostream& out) {
  const std::string pad(static_cast<std::size_t>(depth) * 2, ' ');
  const std::string& t = item.ref.type;
  if (t == "Folder") {
    out << pad << "Folder " << item.name << "\n";
  } else if (t == "ClusterComputeResource") {
    out << pad << "Cluster " << item.name << "\n";
  } else if (t == "ComputeResource") {
    out << pad << "Standalone host " << item.name << "\n";
  } else if (t == "HostSystem") {
    out << pad << "Host " << item.name
        << (item.connectionState.empty() ? "" : "  " + item.connectionState)
        << (item.maintenance ? " (maintenance)" : "") << "\n";
  } else if (t == "ResourcePool") {
    out << pad << "Resource pool " << item.name << "  " << inv.path(item.ref) << "\n";
  } else if (t == "VirtualApp") {
    out << pad << "vApp " << item.name << "  " << inv.path(item.ref) << "\n";
  } else {
    return;  // VMs inside pools are listed under "Virtual machines"
  }
  for (const InventoryItem* child : inv.children(item.ref))
    printCompute(inv, *child, depth + 1, out);
}

const InventoryItem* childNamed(const Inventory& inv, const vim::Moref& parent,
                                const std::string& name) {
  for (const InventoryItem* c : inv.children(parent))
    if (c->name == name && c->isType("Folder")) return c;
  return nullptr;
}

template <class F>
void eachWithin(const Inventory& inv, const vim::Moref& dc, const std::vector<std::string>& types,
                F f) {
  for (const auto& t : types)
    for (const InventoryItem* i : inv.ofType(t))
      if (inv.within(i->ref, dc)) f(*i);
}

void printText(const vim::Client& client, const Inventory& inv, std::ostream& out) {
  const auto& about = client.serviceContent().about;
  out << "Target " << client.endpoint().hostPort() << ": " << about.fullName << "\n";
  for (const InventoryItem* dc : inv.ofType("Datacenter")) {
    out << "\nDatacenter " << inv.path(dc->ref) << "\n";
    out << "  Compute\n";
    if (const InventoryItem* hostFolder = childNamed(inv, dc->ref, "host"))
      for (const InventoryItem* c : inv.children(hostFolder->ref))
        printCompute(inv, *c, 2, out);
    out << "  Datastores\n";
    eachWithin(inv, dc->ref, {"Datastore"}, [&](const InventoryItem& d) {
      out << "    " << std::left << std::setw(24) << d.name << " " << std::setw(6)
          << (d.datastoreType.empty() ? "-" : d.datastoreType) << " free " << bytes(d.freeSpace)
          << " of " << bytes(d.capacity) << (d.accessible ? "" : "  (inaccessible)") << "\n";
    });
    out << "  Networks\n";
    eachWithin(inv, dc->ref, {"Network", "DistributedVirtualPortgroup", "OpaqueNetwork"},
               [&](const InventoryItem& n) {
                 out << "    " << std::left << std::setw(24) << n.name << " " << networkKind(inv, n)
                     << "\n";
               });
    out << "  Virtual machines\n";
    eachWithin(inv, dc->ref, {"VirtualMachine"}, [&](const InventoryItem& vm) {
      out << "    " << std::left << std::setw(24) << vm.name << " " << std::setw(11)
          << vm.powerState << " " << inv.path(vm.ref) << "\n";
    });
  }
}

nlohmann::json toJson(const Inventory& inv) {
  nlohmann::json dcs = nlohmann::json::array();
  for (const InventoryItem* dc : inv.ofType("Datacenter")) {
    nlohmann::json d{{"name", dc->name}, {"path", inv.path(dc->ref)}, {"id", dc->ref.str()}};
    auto list = [&](const std::vector<std::string>& types, auto extra) {
      nlohmann::json arr = nlohmann::json::array();
      eachWithin(inv, dc->ref, types, [&](const InventoryItem& i) {
        nlohmann::json j{{"name", i.name}, {"path", inv.path(i.ref)}, {"id", i.ref.str()}};
        extra(i, j);
        arr.push_back(std::move(j));
      });
      return arr;
    };
    auto none = [](const InventoryItem&, nlohmann::json&) {};
    d["clusters"] = list({"ClusterComputeResource"}, none);
    d["hosts"] = list({"HostSystem"}, [](const InventoryItem& i, nlohmann::json& j) {
      j["connection_state"] = i.connectionState;
    });
    d["resource_pools"] = list({"ResourcePool", "VirtualApp"}, none);
    d["datastores"] = list({"Datastore"}, [](const InventoryItem& i, nlohmann::json& j) {
      j["free_bytes"] = i.freeSpace;
      j["capacity_bytes"] = i.capacity;
      j["type"] = i.datastoreType;
    });
    d["networks"] =
        list({"Network", "DistributedVirtualPortgroup", "OpaqueNetwork"},
             [&](const InventoryItem& i, nlohmann::json& j) { j["kind"] = networkKind(inv, i); });
    d["vms"] = list({"VirtualMachine"}, [](const InventoryItem& i, nlohmann::json& j) {
      j["power_state"] = i.powerState;
    });
    dcs.push_back(std::move(d));
  }
  return nlohmann::json{{"datacenters", dcs}};
}

void inventoryOptions(Poco::Util::OptionSet& o) {
  addTargetOptions(o);
  o.addOption(Poco::Util::Option("json", "", "print JSON instead of text"));
}

int runInventory(const Args& args) {
  args.expectNoPositional();
  Connection c = connect(args);
  Inventory inv = Inventory::load(*c.client);
  if (args.has("json")) {
    std::cout << toJson(inv).dump(2) << "\n";
  } else {
    printText(*c.client, inv, std::cout);
  }
  return kOk;
}

}  // namespace

Command inventoryCommand() {
  return {"inventory", "list the datacenters, compute, datastores, networks and VMs of the target",
          &inventoryOptions, &runInventory};
}

}  // namespace vic::cli
