#include "daemon/endpoint_runtime.h"

#include <set>

#include "daemon/containers/container_service.h"
#include "daemon/images/image_service.h"
#include "daemon/volumes/volume_service.h"
#include "daemon/vsphere/vch_world.h"
#include "vicapi/util/log.h"
#include "vicapi/vim/property_collector.h"

namespace vic::endpoint {

EndpointRuntime::EndpointRuntime(EndpointConfig config)
    : config_(std::move(config)), api_(std::make_shared<const DockerApi>(config_)) {}

EndpointRuntime::~EndpointRuntime() {
  stopping_ = true;
  if (connector_.joinable()) connector_.join();
}

void EndpointRuntime::start() {
  connector_ = std::thread([this] { connectLoop(); });
}

std::shared_ptr<const DockerApi> EndpointRuntime::api() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return api_;
}

std::string EndpointRuntime::lastError() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return lastError_;
}

void EndpointRuntime::connectLoop() {
  auto pause = std::chrono::milliseconds(500);
  while (!stopping_) {
    try {
      auto world = std::make_unique<VchWorld>(config_);
      world->publishDaemonVersion();
      auto images = std::make_unique<ImageService>(*world, RegistryPolicy(config_.model.registry));
      auto volumes = std::make_unique<VolumeService>(*world);
      auto containers = std::make_unique<ContainerService>(*world, *images, *volumes);
      DockerBackends b{containers.get(), images.get(), volumes.get(),
                       [this] { return resources(); }};
      auto api = std::make_shared<const DockerApi>(config_, b);
      std::lock_guard<std::mutex> lock(mutex_);
      world_ = std::move(world);
      images_ = std::move(images);
      volumes_ = std::move(volumes);
      containers_ = std::move(containers);
      api_ = api;
      lastError_.clear();
      connected_ = true;
      return;
    } catch (const std::exception& e) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        lastError_ = e.what();
      }
      logger()->warn("cannot work in vCenter yet: {}; trying again in {} ms", e.what(),
                     pause.count());
    }
    for (auto waited = std::chrono::milliseconds(0); waited < pause && !stopping_;
         waited += std::chrono::milliseconds(100))
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    pause = std::min(pause * 2, std::chrono::milliseconds(30'000));
  }
}

std::vector<std::pair<std::string, std::string>> EndpointRuntime::resources() {
  std::vector<std::pair<std::string, std::string>> rows;
  if (!connected_) return rows;
  // How much this daemon has asked of vCenter: for benchmarks and support.
  rows.emplace_back("vCenter SOAP calls", std::to_string(world_->client().transport().soapCalls()));
  vim::PropertyCollector pc(world_->client());
  auto pool = pc.retrieveOne(world_->pool(),
                             {"name", "config.cpuAllocation.limit", "config.memoryAllocation.limit",
                              "runtime.cpu.maxUsage", "runtime.memory.maxUsage"});
  auto limit = [](const std::string& v, const char* unit) {
    return v.empty() || v == "-1" ? std::string("unlimited") : v + " " + unit;
  };
  rows.emplace_back("VCH resource pool", pool.text("name"));
  rows.emplace_back("VCH CPU limit", limit(pool.text("config.cpuAllocation.limit"), "MHz"));
  rows.emplace_back("VCH memory limit", limit(pool.text("config.memoryAllocation.limit"), "MB"));
  if (auto mem = pool.text("runtime.memory.maxUsage"); !mem.empty())
    rows.emplace_back("VCH memory (bytes)", mem);
  for (const auto& ds : datastores())
    rows.emplace_back("Datastore " + ds.name + " free (bytes)", std::to_string(ds.freeBytes));
  return rows;
}

std::vector<DatastoreSpace> EndpointRuntime::datastores() {
  std::vector<DatastoreSpace> out;
  if (!connected_) return out;
  std::set<std::string> wanted{world_->imageStore().datastore};
  for (const auto& [label, where] : config_.placement.volumeStores)
    if (where.rfind("[", 0) == 0) wanted.insert(DatastorePath::parse(where).datastore);
  // The VCH's datastores by reference, read in one call.
  std::vector<vim::ObjectSpec> objects;
  for (const auto& name : wanted)
    if (auto ds = world_->datastores().find(name); ds != world_->datastores().end())
      objects.push_back(vim::ObjectSpec{ds->second});
  if (objects.empty()) return out;
  vim::PropertyCollector pc(world_->client());
  for (auto& o :
       pc.retrieve({{"Datastore", {"name", "summary.freeSpace", "summary.capacity"}}}, objects)) {
    DatastoreSpace s;
    s.name = o.text("name");
    s.freeBytes = std::stoll(o.text("summary.freeSpace", "0"));
    s.capacityBytes = std::stoll(o.text("summary.capacity", "0"));
    out.push_back(s);
  }
  return out;
}

bool EndpointRuntime::vcenterHealthy() {
  if (!connected_) return false;
  try {
    world_->client().currentTime();
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace vic::endpoint
