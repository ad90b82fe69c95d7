#include "daemon/images/image_reference.h"

#include <cctype>

#include "daemon/docker_error.h"
#include "daemon/images/digest_stream.h"

namespace vic::endpoint {

namespace {

constexpr std::size_t kMaxReference = 512;

bool isLowerAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// A path component: lower-case letters and digits, separated by one '.',
// one or two '_' or any number of '-', as the distribution spec says.
bool validComponent(const std::string& s) {
  if (s.empty() || !isLowerAlnum(s.front()) || !isLowerAlnum(s.back())) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (isLowerAlnum(c) || c == '-') continue;
    if (c == '.' || c == '_') {
      if (!isLowerAlnum(s[i - 1])) {
        if (!(c == '_' && s[i - 1] == '_' && i >= 2 && isLowerAlnum(s[i - 2]))) return false;
      }
      continue;
    }
    return false;
  }
  return true;
}

bool validTag(const std::string& t) {
  if (t.empty() || t.size() > 128) return false;
  for (char c : t)
    if (!(isLowerAlnum(c) || (c >= 'A' && c <= 'Z') || c == '_' || c == '.' || c == '-'))
      return false;
  return t.front() != '.' && t.front() != '-';
}

// host, host:port or [v6]:port; the port digits only.
bool validRegistry(const std::string& r) {
  if (r.empty() || r.size() > 255) return false;
  std::string host = r, port;
  if (r.front() == '[') {
    const auto close = r.find(']');
    if (close == std::string::npos) return false;
    host = r.substr(1, close - 1);
    if (close + 1 < r.size()) {
      if (r[close + 1] != ':') return false;
      port = r.substr(close + 2);
      if (port.empty()) return false;
    }
    for (char c : host)
      if (!(std::isxdigit(static_cast<unsigned char>(c)) || c == ':' || c == '.')) return false;
  } else {
    if (const auto colon = r.find(':'); colon != std::string::npos) {
      host = r.substr(0, colon);
      port = r.substr(colon + 1);
      if (port.empty()) return false;
    }
    for (char c : host)
      if (!(isLowerAlnum(c) || (c >= 'A' && c <= 'Z') || c == '.' || c == '-')) return false;
  }
  if (host.empty() || port.size() > 5) return false;
  for (char c : port)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

ImageReference ImageReference::parse(const std::string& text) {
  return parse(text, "");
}

ImageReference ImageReference::parse(const std::string& text, const std::string& explicitTag) {
  auto bad = [&](const std::string& why) {
    return badRequest("invalid reference format: \"" + text.substr(0, 80) + "\" " + why);
  };
  if (text.empty()) throw bad("is empty");
  if (text.size() > kMaxReference) throw bad("is longer than 512 characters");
  ImageReference r;
  std::string rest = text;
  if (auto at = rest.find('@'); at != std::string::npos) {
    r.digest = rest.substr(at + 1);
    rest = rest.substr(0, at);
    if (!isSha256Digest(r.digest)) throw bad("has a digest that is not sha256: and 64 hex digits");
  }
  const auto slash = rest.find('/');
  if (slash != std::string::npos) {
    const std::string first = rest.substr(0, slash);
    if (first.find('.') != std::string::npos || first.find(':') != std::string::npos ||
        first == "localhost") {
      r.registry = first;
      rest = rest.substr(slash + 1);
    }
  }
  if (r.registry.empty()) r.registry = "docker.io";
  if (!validRegistry(r.registry)) throw bad("names a registry that is not a host[:port]");
  if (auto colon = rest.rfind(':'); colon != std::string::npos) {
    r.tag = rest.substr(colon + 1);
    rest = rest.substr(0, colon);
    if (!validTag(r.tag)) throw bad("has a tag that is not 1-128 letters, digits, '_', '.', '-'");
  }
  if (!explicitTag.empty()) {
    if (!r.tag.empty() || !r.digest.empty()) throw bad("has a tag or digest and a tag was given");
    if (isSha256Digest(explicitTag)) {
      r.digest = explicitTag;
    } else if (validTag(explicitTag)) {
      r.tag = explicitTag;
    } else {
      throw badRequest("invalid tag \"" + explicitTag.substr(0, 80) + "\"");
    }
  }
  if (r.tag.empty() && r.digest.empty()) r.tag = "latest";
  std::size_t start = 0;
  while (true) {
    const auto end = rest.find('/', start);
    if (!validComponent(rest.substr(start, end - start)))
      throw bad(
          "must be lower-case letters, digits and separators (repository names must be "
          "lowercase)");
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (r.registry == "docker.io" && rest.find('/') == std::string::npos) rest = "library/" + rest;
  r.repository = rest;
  return r;
}

std::string ImageReference::name() const {
  if (registry != "docker.io") return registry + "/" + repository;
  if (repository.rfind("library/", 0) == 0) return repository.substr(8);
  return repository;
}

std::string ImageReference::apiHost() const {
  return registry == "docker.io" ? "registry-1.docker.io" : registry;
}

}  // namespace vic::endpoint
