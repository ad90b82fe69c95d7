#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "daemon/docker_api.h"
#include "daemon/endpoint_config.h"

namespace vic::endpoint {

class VchWorld;
class ImageService;
class VolumeService;
class ContainerService;

// Free and total bytes of one datastore the VCH uses.
struct DatastoreSpace {
  std::string name;
  long long freeBytes = 0;
  long long capacityBytes = 0;
};

// The daemon's connection to vCenter and what is built on it. It connects in
// the background, again after a failure, so that the Docker API answers
// /_ping and /version from the start and the rest once vCenter is there.
class EndpointRuntime {
 public:
  explicit EndpointRuntime(EndpointConfig config);
  ~EndpointRuntime();

  void start();
  std::shared_ptr<const DockerApi> api() const;
  bool connected() const { return connected_; }
  std::string lastError() const;
  std::chrono::steady_clock::time_point startedAt() const { return started_; }
  const EndpointConfig& config() const { return config_; }

  // For /info and the admin portal: the pool's limits, the datastores' space.
  std::vector<std::pair<std::string, std::string>> resources();
  std::vector<DatastoreSpace> datastores();
  // Whether vCenter answers now (one light call).
  bool vcenterHealthy();

 private:
  void connectLoop();

  EndpointConfig config_;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  mutable std::mutex mutex_;
  std::shared_ptr<const DockerApi> api_;
  std::string lastError_;
  std::unique_ptr<VchWorld> world_;
  std::unique_ptr<ImageService> images_;
  std::unique_ptr<VolumeService> volumes_;
  std::unique_ptr<ContainerService> containers_;
  std::atomic<bool> connected_{false};
  std::atomic<bool> stopping_{false};
  std::thread connector_;
};

}  // namespace vic::endpoint
