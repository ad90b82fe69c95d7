#pragma once

#include <optional>
#include <string>

namespace vic::version {

namespace detail {
extern const char* const kSemver;
extern const unsigned long kBuildNumber;
extern const char* const kCommit;
}  // namespace detail

// A version in the original's form: vX.Y.Z-<build>-<commit7>.
struct Version {
  int major = 0;
  int minor = 0;
  int patch = 0;
  unsigned long build = 0;
  std::string commit;

  std::string str() const;     // "v1.6.0-42-abcdef0"
  std::string semver() const;  // "1.6.0"
  // The vSphere Client plug-in's version, numeric as plug-in packages must be
  // ("1.6.0.42"): new with every build number, so vCenter redeploys.
  std::string pluginVersion() const;
  static std::optional<Version> parse(const std::string& text);
};

// The version this binary was built as.
const Version& current();

// Compares numeric dotted versions ("1.6.0.42" < "1.6.0.100"); missing parts
// count as 0. Negative, zero or positive like strcmp.
int compareDotted(const std::string& a, const std::string& b);

// The user agent sent to vSphere, like the original's "vic-machine/<version>".
std::string userAgent();

}  // namespace vic::version
