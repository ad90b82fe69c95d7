#include "vicapi/version/version.h"

#include <algorithm>
#include <regex>
#include <vector>

namespace vic::version {

std::string Version::semver() const {
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

std::string Version::str() const {
  return "v" + semver() + "-" + std::to_string(build) + "-" + commit;
}

std::string Version::pluginVersion() const {
  return semver() + "." + std::to_string(build);
}

int compareDotted(const std::string& a, const std::string& b) {
  auto parts = [](const std::string& s) {
    std::vector<unsigned long> out;
    std::size_t start = 0;
    while (start <= s.size()) {
      auto dot = s.find('.', start);
      if (dot == std::string::npos) dot = s.size();
      try {
        out.push_back(std::stoul(s.substr(start, dot - start)));
      } catch (const std::exception&) {
        out.push_back(0);
      }
      start = dot + 1;
    }
    return out;
  };
  auto pa = parts(a), pb = parts(b);
  pa.resize(std::max(pa.size(), pb.size()));
  pb.resize(pa.size());
  for (std::size_t i = 0; i < pa.size(); ++i)
    if (pa[i] != pb[i]) return pa[i] < pb[i] ? -1 : 1;
  return 0;
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
