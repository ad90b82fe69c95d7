#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "vicapi/version/version.h"

namespace vic::engine {

// The two ISO images every VCH gets: appliance.iso boots the endpoint VM and
// holds vic-endpoint; bootstrap.iso is for container VMs. Their version is
// read from the ISO 9660 publisher field, where the build writes it.
struct ApplianceImages {
  std::filesystem::path applianceIso;
  std::filesystem::path bootstrapIso;
  version::Version version;  // of appliance.iso

  // $VIC_ISO_DIR, else the build's isos/ directory, else ../share/vic/isos
  // beside the running program. Throws NotFoundError naming where it looked.
  static ApplianceImages locate();
  static ApplianceImages in(const std::filesystem::path& dir);

  // "v1.6.0-7-abcdef0-appliance.iso": names are versioned on the datastore so
  // that an upgrade can upload new images beside the old ones.
  std::string applianceName() const { return version.str() + "-appliance.iso"; }
  std::string bootstrapName() const { return version.str() + "-bootstrap.iso"; }
};

// The version in an ISO's primary volume descriptor publisher field (sector
// 16, offset 318): its last word, e.g. "v1.6.0-7-abcdef0". nullopt when the
// file is not an ISO or the word is not a version.
std::optional<version::Version> isoVersion(const std::filesystem::path& iso);

}  // namespace vic::engine
