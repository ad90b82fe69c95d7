#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/backends.h"
#include "daemon/vsphere/vch_world.h"

namespace vic::endpoint {

// Docker volumes on the VCH's volume stores: each a folder of its own
// ("[ds] path/VIC/volumes/<name>") holding a thin disk of the asked capacity
// and the volume's description (meta.json). Listing browses the folders, so
// every daemon of the VCH sees the same volumes.
class VolumeService : public VolumeBackend {
 public:
  explicit VolumeService(VchWorld& world);

  // Docker's create: an existing name answers that volume. An empty name
  // makes an anonymous one (64 hex digits).
  VolumeRecord create(std::string name, const std::string& driver,
                      const std::map<std::string, std::string>& options,
                      const std::map<std::string, std::string>& labels) override;
  std::vector<VolumeRecord> list() override;
  VolumeRecord inspect(const std::string& name) override;
  // 409 while `usedBy` names a container that mounts it.
  void remove(const std::string& name,
              const std::function<std::vector<std::string>(const std::string&)>& usedBy) override;

 private:
  struct Store {
    std::string label;
    DatastorePath path;  // "[ds] path/VIC/volumes"
    vim::Moref datastore;
  };
  const Store& storeFor(const std::string& label) const;
  std::optional<VolumeRecord> read(const Store& store, const std::string& name);

  VchWorld& world_;
  std::vector<Store> stores_;
};

// Names Docker accepts for volumes: [a-zA-Z0-9][a-zA-Z0-9_.-]+, at most 255.
bool validVolumeName(const std::string& name);
// "2GB", "512MB", "1TB" or a number of MB; -1 when it is none of these.
long long capacityMB(const std::string& text);

}  // namespace vic::endpoint
