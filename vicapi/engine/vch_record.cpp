#include "vicapi/engine/vch_record.h"

#include <sstream>

#include "vicapi/base/error.h"
#include "vicapi/engine/guestinfo/sealing.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/datastore_files.h"
#include "vicapi/vim/option_values.h"
#include "vicapi/vim/property_collector.h"

namespace vic::engine {

namespace gi = guestinfo;

VchRecord loadVch(vim::Client& client, const std::string& id) {
  const vim::Moref vm = id.rfind("VirtualMachine:", 0) == 0 ? vim::Moref::parse(id)
                                                            : vim::Moref{"VirtualMachine", id};
  // The VM and its pool in one round trip: a traversal from the VM to its pool.
  vim::ObjectSpec spec{
      vm, false, {vim::TraversalSpec{"pool", "VirtualMachine", "resourcePool", false, {}}}};
  std::vector<vim::ObjectContent> objects;
  try {
    objects = vim::PropertyCollector(client).retrieve(
        {{"VirtualMachine",
          {"name", "config.extraConfig", "config.hardware.numCPU", "config.hardware.memoryMB",
           "runtime.powerState", "resourcePool", "guest.ipAddress", "datastore"}},
         {"ResourcePool", {"name", "config.cpuAllocation", "config.memoryAllocation"}}},
        {spec});
  } catch (const ManagedObjectNotFoundFault&) {
    throw NotFoundError("unable to find VCH " + vm.value + ": no such virtual machine");
  }
  VchRecord r;
  r.vm = vm;
  for (const auto& o : objects) {
    if (o.obj == vm) {
      r.name = o.text("name");
      if (const auto* ec = o.prop("config.extraConfig")) r.extraConfig = vim::fromOptionValues(*ec);
      r.powerState = o.text("runtime.powerState");
      r.numCpus = std::stoi(o.text("config.hardware.numCPU", "0"));
      r.memoryMB = std::stoll(o.text("config.hardware.memoryMB", "0"));
      r.guestIp = o.text("guest.ipAddress");
      if (const auto* p = o.prop("resourcePool")) r.pool = vim::Moref::from(*p);
      if (const auto* ds = o.prop("datastore"); ds && !ds->children.empty())
        r.datastore = vim::Moref::from(ds->children.front());
    } else {
      r.poolName = o.text("name");
      vim::ResourceConfigSpec cfg;
      if (const auto* cpu = o.prop("config.cpuAllocation"))
        cfg.cpu = vim::ResourceAllocation::from(*cpu);
      if (const auto* mem = o.prop("config.memoryAllocation"))
        cfg.memory = vim::ResourceAllocation::from(*mem);
      r.poolConfig = cfg;
    }
  }
  if (r.name.empty() && r.extraConfig.empty())
    throw NotFoundError("unable to find VCH " + vm.value);
  if (!gi::isVch(r.extraConfig, vm.str()))
    throw NotFoundError("unable to find VCH " + vm.value + ": not a VCH");
  r.stored = gi::decode(r.extraConfig);
  return r;
}

namespace {
// A .vmx file is a few KiB; one far larger is not a VM's.
constexpr std::uint64_t kMaxVmxBytes = 1u << 20;
}  // namespace

Secret sealingKey(vim::Client& client, const VchRecord& r) {
  if (auto it = r.extraConfig.find(gi::kSealingKeyKey);
      it != r.extraConfig.end() && !it->second.empty())
    return Secret(it->second);
  const auto& p = r.stored.placement;
  const auto close = p.imagePath.find("] ");
  if (close == std::string::npos) throw Error("VCH " + r.name + " records no datastore folder");
  std::ostringstream vmx;
  vim::DatastoreFiles(client, p.datacenterPath, p.datastore)
      .download(p.imagePath.substr(close + 2) + "/" + r.name + ".vmx", vmx, kMaxVmxBytes);
  std::istringstream lines(vmx.str());
  const std::string prefix = std::string(gi::kSealingKeyKey) + " = \"";
  for (std::string line; std::getline(lines, line);)
    if (line.rfind(prefix, 0) == 0)
      return Secret(line.substr(prefix.size(), line.rfind('"') - prefix.size()));
  throw Error("the sealing key of VCH " + r.name + " cannot be read");
}

Vch modelWithSecrets(vim::Client& client, const VchRecord& r) {
  Vch m = r.stored.model;
  auto sealedKey = r.extraConfig.find(gi::kServerKeyKey);
  auto sealedPassword = r.extraConfig.find(gi::kOpsPasswordKey);
  if (sealedKey == r.extraConfig.end() && sealedPassword == r.extraConfig.end()) return m;
  const Secret key = sealingKey(client, r);
  if (sealedKey != r.extraConfig.end())
    m.auth.serverPrivateKey = gi::unseal(key, sealedKey->second);
  if (sealedPassword != r.extraConfig.end() && m.endpoint.operationsCredentials)
    m.endpoint.operationsCredentials->password = gi::unseal(key, sealedPassword->second);
  return m;
}

std::string endpointAddress(const VchRecord& r) {
  const auto& client = r.stored.model.network.client;
  if (client && !client->staticAddress.empty())
    return client->staticAddress.substr(0, client->staticAddress.find('/'));
  if (!r.stored.clientIp.empty() && r.stored.clientIp != "0.0.0.0") return r.stored.clientIp;
  return r.guestIp;
}

std::string dockerHost(const Vch& model, const std::string& address) {
  if (address.empty()) return "";
  return address + (model.auth.noTls ? ":2375" : ":2376");
}

std::string adminPortal(const std::string& address) {
  return address.empty() ? "" : "https://" + address + ":2378";
}

}  // namespace vic::engine
