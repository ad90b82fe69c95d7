#include "vicapi/engine/appliance_images.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <vector>

#include "vicapi/base/error.h"
#include "vicapi/util/data_dirs.h"

#ifndef VIC_DEFAULT_ISO_DIR
#define VIC_DEFAULT_ISO_DIR ""
#endif

namespace vic::engine {

namespace fs = std::filesystem;

std::optional<version::Version> isoVersion(const fs::path& iso) {
  std::ifstream in(iso, std::ios::binary);
  if (!in) return std::nullopt;
  constexpr std::streamoff kSector = 2048;
  char pvd[kSector];
  in.seekg(16 * kSector);
  if (!in.read(pvd, kSector)) return std::nullopt;
  if (pvd[0] != 1 || std::string(pvd + 1, 5) != "CD001") return std::nullopt;
  std::string publisher(pvd + 318, 128);
  while (!publisher.empty() && (publisher.back() == ' ' || publisher.back() == '\0'))
    publisher.pop_back();
  std::string word =
      publisher.substr(publisher.rfind(' ') == std::string::npos ? 0 : publisher.rfind(' ') + 1);
  // ISO 9660 stores this field in upper case.
  std::transform(word.begin(), word.end(), word.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return version::Version::parse(word);
}

ApplianceImages ApplianceImages::in(const fs::path& dir) {
  ApplianceImages images;
  images.applianceIso = dir / "appliance.iso";
  images.bootstrapIso = dir / "bootstrap.iso";
  for (const auto& p : {images.applianceIso, images.bootstrapIso})
    if (!fs::exists(p)) throw NotFoundError("the VCH image " + p.string() + " does not exist");
  auto v = isoVersion(images.applianceIso);
  if (!v) throw Error(images.applianceIso.string() + " carries no version in its publisher field");
  images.version = *v;
  return images;
}

ApplianceImages ApplianceImages::locate() {
  const auto candidates = dataDirCandidates("VIC_ISO_DIR", VIC_DEFAULT_ISO_DIR, "isos");
  std::string looked;
  for (const auto& dir : candidates) {
    if (fs::exists(dir / "appliance.iso")) return in(dir);
    looked += (looked.empty() ? "" : ", ") + dir.string();
  }
  throw NotFoundError("appliance.iso was not found (looked in " + looked +
                      "); build it with the project's build or set VIC_ISO_DIR");
}

}  // namespace vic::engine
