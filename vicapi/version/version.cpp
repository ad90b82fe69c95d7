#include "vicapi/version/version.h"

#include <regex>

namespace vic::version {

std::string Version::semver() const {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::string Version::str() const {
  return "v" + semver() + "-" + std::to_string(build) + "-" + commit;
}

std::optional<Version> Version::parse(const std::string& text) {
  // The commit part is optional because older VCHs sometimes carry "v1.5.0-0-".
  static const std::regex form(R"(^v?(\d+)\.(\d+)\.(\d+)(?:-[a-z]+[0-9.]*)?-(\d+)-([0-9a-f]*)$)");
  std::smatch m;
  if (!std::regex_match(text, m, form)) return std::nullopt;
  Version v;
  v.major = std::stoi(m[1]);
  v.minor = std::stoi(m[2]);
  v.patch = std::stoi(m[3]);
  v.build = std::stoul(m[4]);
  v.commit = m[5];
  return v;
}

const Version& current() {
  static const Version v = [] {
    Version parsed = *Version::parse(std::string(detail::kSemver) + "-0-");
    parsed.build = detail::kBuildNumber;
    parsed.commit = detail::kCommit;
    return parsed;
  }();
  return v;
}

std::string userAgent() {
  return "vic-machine/" + current().str().substr(1);
}

}  // namespace vic::version
