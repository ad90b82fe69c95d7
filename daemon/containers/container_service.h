#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/backends.h"
#include "daemon/containers/container_record.h"
#include "daemon/images/image_service.h"
#include "daemon/volumes/volume_service.h"
#include "daemon/vsphere/vch_world.h"

namespace vic::endpoint {

// Containers of a VCH as VMs in its resource pool and folder. Every answer is
// read from vCenter; the only thing kept is which VM a container id is, which
// never changes, so that a container made here is started without a search.
class ContainerService : public ContainerBackend {
 public:
  ContainerService(VchWorld& world, ImageService& images, VolumeService& volumes);

  // `body` is Docker's create body; `name` the ?name= query (may be empty).
  Created create(const std::string& name, const nlohmann::json& body) override;
  void start(const std::string& ref) override;
  void stop(const std::string& ref) override;
  void kill(const std::string& ref) override;
  void restart(const std::string& ref) override;
  int wait(const std::string& ref) override;
  void remove(const std::string& ref, bool force, bool volumes) override;
  void rename(const std::string& ref, const std::string& newName) override;

  // Every container of the VCH in one read of the pool's view.
  std::vector<ContainerRecord> list() override;
  // By id, unique id prefix or name; 404 "No such container" otherwise.
  ContainerRecord find(const std::string& ref) override;

  std::vector<std::string> usingImage(const std::string& imageId) override;
  std::vector<std::string> usingVolume(const std::string& name) override;

  // The VM name a container gets from the VCH's container name convention.
  std::string vmName(const ContainerRecord& c) const;

 private:
  void rememberVm(const std::string& id, const vim::Moref& vm);
  void forgetVm(const std::string& id);
  std::optional<vim::Moref> knownVm(const std::string& id);
  void powerOff(const ContainerRecord& c, int exitCode);
  void checkNameFree(const std::vector<ContainerRecord>& all, const std::string& name,
                     const std::string& exceptId = "");

  VchWorld& world_;
  ImageService& images_;
  VolumeService& volumes_;
  std::mutex vmsMutex_;
  std::map<std::string, vim::Moref> vms_;  // container id -> its VM
};

// Docker's container names: [a-zA-Z0-9][a-zA-Z0-9_.-]+ with an optional '/'.
bool validContainerName(const std::string& name);

}  // namespace vic::endpoint
