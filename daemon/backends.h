#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/containers/container_record.h"
#include "daemon/images/image_record.h"
#include "daemon/images/image_reference.h"
#include "daemon/images/registry_credentials.h"
#include "daemon/volumes/volume_record.h"

namespace vic::endpoint {

// What the Docker API asks of the VCH's world, so that the routes (and the
// fuzzer that drives them) do not depend on how it is done in vCenter.
class ContainerBackend {
 public:
  virtual ~ContainerBackend() = default;
  struct Created {
    std::string id;
    std::vector<std::string> warnings;
  };
  virtual Created create(const std::string& name, const nlohmann::json& body) = 0;
  virtual void start(const std::string& ref) = 0;
  virtual void stop(const std::string& ref) = 0;
  virtual void kill(const std::string& ref) = 0;
  virtual void restart(const std::string& ref) = 0;
  virtual int wait(const std::string& ref) = 0;
  virtual void remove(const std::string& ref, bool force, bool volumes) = 0;
  virtual void rename(const std::string& ref, const std::string& newName) = 0;
  virtual std::vector<ContainerRecord> list() = 0;
  virtual ContainerRecord find(const std::string& ref) = 0;
  virtual std::vector<std::string> usingImage(const std::string& imageId) = 0;
  virtual std::vector<std::string> usingVolume(const std::string& name) = 0;
};

class ImageBackend {
 public:
  virtual ~ImageBackend() = default;
  virtual ImageReference preparePull(const std::string& fromImage,
                                     const std::string& tag) const = 0;
  virtual void pull(const ImageReference& ref, const RegistryCredentials& credentials,
                    std::ostream& progress) = 0;
  virtual std::vector<ImageRecord> list() = 0;
  virtual ImageRecord find(const std::string& ref) = 0;
  virtual void tag(const std::string& source, const std::string& repository,
                   const std::string& tag) = 0;
  virtual nlohmann::json remove(
      const std::string& ref, bool force,
      const std::function<std::vector<std::string>(const std::string&)>& usedBy) = 0;
};

class VolumeBackend {
 public:
  virtual ~VolumeBackend() = default;
  virtual VolumeRecord create(std::string name, const std::string& driver,
                              const std::map<std::string, std::string>& options,
                              const std::map<std::string, std::string>& labels) = 0;
  virtual std::vector<VolumeRecord> list() = 0;
  virtual VolumeRecord inspect(const std::string& name) = 0;
  virtual void remove(
      const std::string& name,
      const std::function<std::vector<std::string>(const std::string&)>& usedBy) = 0;
};

}  // namespace vic::endpoint
