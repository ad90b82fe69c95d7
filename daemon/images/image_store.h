#pragma once

#include <cstdint>
#include <istream>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/images/image_record.h"
#include "daemon/vsphere/vch_world.h"

namespace vic::endpoint {

// What is in the VCH's image store, on its datastore: the layer blobs, each
// once ("[ds] vch/VIC/images/layers/<hex>"), and an index of images and
// layers ("[ds] vch/VIC/images/index.json"), read fresh for every request so
// that any daemon of the VCH sees the same. Changes of the index take turns
// within this daemon.
class ImageStore {
 public:
  explicit ImageStore(VchWorld& world);

  struct Index {
    std::vector<ImageRecord> images;
    std::map<std::string, std::uint64_t> layers;  // digest -> bytes
  };
  Index load();
  void save(const Index& index);
  // Held while an index is loaded, changed and saved.
  std::mutex& writeLock() { return writeLock_; }

  // Makes the store's folders; the first pull does, before any layer.
  void prepare();
  // Copies `length` bytes of `in` into the layer file, checking that they
  // are `digest`; a blob that does not match is removed and refused.
  void putLayer(const std::string& digest, std::istream& in, std::uint64_t length);
  void deleteLayer(const std::string& digest);

  static constexpr std::uint64_t kMaxIndexBytes = 32 << 20;

 private:
  std::string layerPath(const std::string& digest) const;

  VchWorld& world_;
  DatastorePath root_;  // "[ds] vch/VIC/images"
  std::mutex writeLock_;
};

// The index's JSON form and back; a record that does not read is skipped.
nlohmann::json indexToJson(const ImageStore::Index& index);
ImageStore::Index indexFromJson(const nlohmann::json& j);

}  // namespace vic::endpoint
