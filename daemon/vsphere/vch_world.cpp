#include "daemon/vsphere/vch_world.h"

#include "vicapi/base/error.h"
#include "vicapi/tls/thumbprint.h"
#include "vicapi/tls/trust.h"
#include "vicapi/util/log.h"
#include "vicapi/version/version.h"
#include "vicapi/vim/devices.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/view.h"
#include "vicapi/vim/virtual_machine.h"

namespace vic::endpoint {

DatastorePath DatastorePath::parse(const std::string& text) {
  const auto close = text.find(']');
  if (text.empty() || text.front() != '[' || close == std::string::npos)
    throw Error("\"" + text + "\" is not a datastore path like \"[datastore] folder\"");
  DatastorePath p;
  p.datastore = text.substr(1, close - 1);
  p.path = text.substr(close + 1);
  while (!p.path.empty() && p.path.front() == ' ')
    p.path.erase(0, 1);
  while (!p.path.empty() && p.path.back() == '/')
    p.path.pop_back();
  return p;
}

DatastorePath DatastorePath::child(const std::string& name) const {
  return {datastore, path.empty() ? name : path + "/" + name};
}

namespace {

std::unique_ptr<vim::Client> connect(const EndpointConfig& c) {
  const auto& target = c.placement.target;
  if (target.empty()) throw Error("the guestinfo does not say which vCenter the VCH is in");
  if (c.operationsUser.empty())
    throw Error("the guestinfo has no operations user for the endpoint to work as");
  const tls::Trust trust =
      c.placement.targetThumbprint.empty()
          ? tls::Trust::systemRoots()
          : tls::Trust::pin(tls::Thumbprint::parse(c.placement.targetThumbprint));
  auto client = std::make_unique<vim::Client>(net::Endpoint::parse(target), trust);
  client->login(c.operationsUser, c.operationsPassword);
  return client;
}

}  // namespace

VchWorld::VchWorld(const EndpointConfig& config) : config_(config), client_(connect(config)) {
  const auto& p = config_.placement;
  if (p.pool.empty() || p.datacenter.empty() || p.imagePath.empty())
    throw Error("the guestinfo does not record the VCH's pool, datacenter and image store");
  pool_ = vim::Moref::parse(p.pool);
  datacenter_ = vim::Moref::parse(p.datacenter);
  datacenterPath_ = p.datacenterPath;
  while (!datacenterPath_.empty() && datacenterPath_.front() == '/')
    datacenterPath_.erase(0, 1);
  imageStore_ = DatastorePath::parse(p.imagePath);

  vim::PropertyCollector pc(*client_);
  if (!p.folder.empty()) {
    vmFolder_ = vim::Moref::parse(p.folder);
  } else {
    auto dc = pc.retrieveOne(datacenter_, {"vmFolder"});
    const auto* folder = dc.prop("vmFolder");
    if (!folder) throw Error("the VCH's datacenter has no VM folder");
    vmFolder_ = vim::Moref::from(*folder);
  }
  for (auto& o : vim::retrieveFromContainer(*client_, datacenter_, {{"Datastore", {"name"}}}))
    datastores_[o.text("name")] = o.obj;
  if (auto bridge = p.networks.find("bridge"); bridge != p.networks.end()) {
    const auto net = vim::Moref::parse(bridge->second);
    if (net.type == "DistributedVirtualPortgroup") {
      auto pg = pc.retrieveOne(net, {"key", "config.distributedVirtualSwitch"});
      const auto* dvs = pg.prop("config.distributedVirtualSwitch");
      if (!dvs) throw Error("the bridge port group " + net.str() + " has no switch");
      auto sw = pc.retrieveOne(vim::Moref::from(*dvs), {"uuid"});
      bridgeNic_ = vim::devices::vmxnet3OnPortgroup(-100, sw.text("uuid"), pg.text("key"));
    } else {
      auto n = pc.retrieveOne(net, {"name"});
      bridgeNic_ = vim::devices::vmxnet3OnNetwork(-100, n.text("name"));
    }
  }
  logger()->info("connected to {} as {} for VCH {}", p.target, config_.operationsUser,
                 config_.vchName);
}

VchWorld::~VchWorld() = default;

void VchWorld::publishDaemonVersion() {
  vim::VmConfigSpec spec;
  spec.extraConfig.emplace_back(engine::guestinfo::kDaemonVersionKey, version::current().str());
  vim::VirtualMachine(*client_, config_.vchVm).reconfigure(spec).poll();
}

vim::ObjectSpec VchWorld::poolVms() const {
  vim::ObjectSpec spec{pool_, true, {}};
  spec.selectSet.push_back({"poolVms", "ResourcePool", "vm", false, {}});
  spec.selectSet.push_back(
      {"poolPools", "ResourcePool", "resourcePool", false, {"poolVms", "poolPools"}});
  return spec;
}

vim::DatastoreFiles VchWorld::files(const std::string& datastore) {
  return vim::DatastoreFiles(*client_, datacenterPath_, datastore);
}

}  // namespace vic::endpoint
