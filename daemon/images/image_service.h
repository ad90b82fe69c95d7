#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "daemon/backends.h"
#include "daemon/images/image_reference.h"
#include "daemon/images/image_store.h"
#include "daemon/images/registry_policy.h"

namespace vic::endpoint {

// Images of a VCH: pulled from registries into its image store, listed,
// tagged and removed. Docker's rules for names, tags and digests.
class ImageService : public ImageBackend {
 public:
  ImageService(VchWorld& world, RegistryPolicy policy);

  // Checks what can be checked before any progress is sent (the reference,
  // the whitelist) and throws DockerError for it.
  ImageReference preparePull(const std::string& fromImage, const std::string& tag) const override;
  // Pulls, writing Docker's progress objects to `progress` one per line; a
  // failure after the first line is written there as an error object.
  void pull(const ImageReference& ref, const RegistryCredentials& credentials,
            std::ostream& progress) override;

  std::vector<ImageRecord> list() override;
  // By id (or a unique prefix of its hex), "name[:tag]" or "name@digest";
  // DockerError 404 "No such image" otherwise.
  ImageRecord find(const std::string& ref) override;
  void tag(const std::string& source, const std::string& repository,
           const std::string& tag) override;
  // Docker's answer: [{"Untagged": ...}, {"Deleted": ...}]. `inUse` says
  // which containers use an image id (running ones block even a forced rm).
  nlohmann::json remove(
      const std::string& ref, bool force,
      const std::function<std::vector<std::string>(const std::string&)>& usedBy) override;

 private:
  struct Resolved;
  Resolved resolveManifest(class RegistryClient& client, const ImageReference& ref);
  static const ImageRecord* lookup(const ImageStore::Index& index, const std::string& ref);

  VchWorld& world_;
  RegistryPolicy policy_;
  ImageStore store_;
};

}  // namespace vic::endpoint
