#include "vicapi/version/version.h"

#include <algorithm>
#include <charconv>
#include <string_view>
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
      unsigned long n = 0;  // a part that is not a number counts as 0
      std::from_chars(s.data() + start, s.data() + dot, n);
      out.push_back(n);
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

namespace {

// Reads the text in order, each step consuming what it matched. Written out
// by hand because versions come from vCenter and from callers, and
// std::regex recurses once per character.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : rest_(text) {}

  bool done() const { return rest_.empty(); }
  bool skip(char c) {
    if (rest_.empty() || rest_.front() != c) return false;
    rest_.remove_prefix(1);
    return true;
  }
  bool peekLower() const { return !rest_.empty() && rest_.front() >= 'a' && rest_.front() <= 'z'; }
  // One or more decimal digits that fit in T.
  template <class T>
  bool number(T& out) {
    if (rest_.empty() || rest_.front() < '0' || rest_.front() > '9') return false;
    auto [end, ec] = std::from_chars(rest_.data(), rest_.data() + rest_.size(), out);
    if (ec != std::errc() || end == rest_.data()) return false;
    rest_.remove_prefix(static_cast<std::size_t>(end - rest_.data()));
    return true;
  }
  // The longest run of characters that `accept` takes.
  template <class F>
  std::string_view run(F accept) {
    std::size_t n = 0;
    while (n < rest_.size() && accept(rest_[n]))
      ++n;
    auto taken = rest_.substr(0, n);
    rest_.remove_prefix(n);
    return taken;
  }

 private:
  std::string_view rest_;
};

// Longer than any version written by str() (a commit is at most a SHA-256 in hex).
constexpr std::size_t kMaxVersionLength = 128;
constexpr std::size_t kMaxCommitLength = 64;

}  // namespace

// vX.Y.Z[-prerelease]-<build>-<commit>, where a prerelease is lower-case
// letters then digits and dots ("-rc1", "-dev"). The commit part may be
// empty because older VCHs sometimes carry "v1.5.0-0-".
std::optional<Version> Version::parse(const std::string& text) {
  if (text.size() > kMaxVersionLength) return std::nullopt;
  Scanner s(text);
  Version v;
  s.skip('v');
  if (!s.number(v.major) || !s.skip('.') || !s.number(v.minor) || !s.skip('.') ||
      !s.number(v.patch) || !s.skip('-'))
    return std::nullopt;
  if (s.peekLower()) {
    s.run([](char c) { return c >= 'a' && c <= 'z'; });
    s.run([](char c) { return (c >= '0' && c <= '9') || c == '.'; });
    if (!s.skip('-')) return std::nullopt;
  }
  if (!s.number(v.build) || !s.skip('-')) return std::nullopt;
  v.commit =
      std::string(s.run([](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }));
  if (!s.done() || v.commit.size() > kMaxCommitLength) return std::nullopt;
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
