// registry.*: registries, their CAs and the image fetch proxy.
#include <algorithm>
#include <cctype>
#include <string_view>

#include "vicapi/crypto/certificates.h"
#include "vicapi/engine/validate/context.h"
#include "vicapi/engine/validate/ipv4.h"

namespace vic::engine {

namespace {

// Matchers written out by hand: a registry list comes from the caller, and
// std::regex recurses once per character.

bool isDigits(std::string_view s, std::size_t maxLength) {
  return !s.empty() && s.size() <= maxLength &&
         std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

// A DNS label: letters, digits and inner hyphens, 1 to 63 of them.
bool isLabel(std::string_view s) {
  if (s.empty() || s.size() > 63 || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '-'; });
}

// host[:port] with an optional "*." before the host, or [v6][:port].
bool isHostPort(std::string_view s) {
  std::string_view host = s, port;
  if (!s.empty() && s.front() == '[') {
    const auto close = s.find(']');
    if (close == std::string_view::npos || close == 1) return false;
    host = s.substr(1, close - 1);
    if (!std::all_of(host.begin(), host.end(),
                     [](unsigned char c) { return std::isxdigit(c) || c == ':' || c == '.'; }))
      return false;
    const auto rest = s.substr(close + 1);
    return rest.empty() || (rest.front() == ':' && isDigits(rest.substr(1), 5));
  }
  if (const auto colon = s.find(':'); colon != std::string_view::npos) {
    host = s.substr(0, colon);
    port = s.substr(colon + 1);
    if (!isDigits(port, 5)) return false;
  }
  if (host.substr(0, 2) == "*.") host.remove_prefix(2);
  for (std::size_t start = 0;;) {
    const auto dot = host.find('.', start);
    if (!isLabel(host.substr(start, dot - start))) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

std::string_view withoutScheme(std::string_view s) {
  for (std::string_view scheme : {"http://", "https://"})
    if (s.substr(0, scheme.size()) == scheme) return s.substr(scheme.size());
  return s;
}

// A registry entry: a CIDR, a URL, host[:port], or a wildcard domain; a path
// may follow.
bool validRegistry(const std::string& s) {
  if (parseCidr(s)) return true;
  const std::string_view rest = withoutScheme(s);
  return !rest.empty() && isHostPort(rest.substr(0, rest.find('/')));
}

// http(s)://host[:port][/]
bool validProxy(const std::string& s) {
  std::string_view rest = withoutScheme(s);
  if (rest.size() == s.size()) return false;
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  return !rest.empty() && std::all_of(rest.begin(), rest.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '-' || c == '[' || c == ']' || c == ':';
  });
}

}  // namespace

void checkRegistry(RuleContext& c) {
  auto& r = c.vch().registry;
  auto entries = [&](const char* name, const std::vector<std::string>& list) {
    for (std::size_t i = 0; i < list.size(); ++i)
      if (!validRegistry(list[i]))
        c.issues.add(std::string("registry.") + name + "[" + std::to_string(i) + "]",
                     "\"" + list[i] +
                         "\" is not a registry address, CIDR or wildcard domain such as "
                         "registry.example.com:5000, 10.0.0.0/24 or *.example.com");
  };
  entries("insecure", r.insecure);
  entries("whitelist", r.whitelist);
  for (std::size_t i = 0; i < r.certificateAuthorities.size(); ++i)
    if (auto e = crypto::checkCertificates(r.certificateAuthorities[i]); !e.empty())
      c.issues.add("registry.certificate_authorities[" + std::to_string(i) + "]", e);
  if (r.imageFetchProxy) {
    const auto& p = *r.imageFetchProxy;
    if (!p.http.empty() && !validProxy(p.http))
      c.issues.add("registry.image_fetch_proxy.http",
                   "\"" + p.http + "\" is not of the form http(s)://host[:port]");
    if (!p.https.empty() && !validProxy(p.https))
      c.issues.add("registry.image_fetch_proxy.https",
                   "\"" + p.https + "\" is not of the form http(s)://host[:port]");
    for (std::size_t i = 0; i < p.noProxy.size(); ++i)
      if (p.noProxy[i].empty() || p.noProxy[i].find_first_of(" ,") != std::string::npos)
        c.issues.add("registry.image_fetch_proxy.no_proxy[" + std::to_string(i) + "]",
                     "must be one host, domain or CIDR per entry");
  }
}

}  // namespace vic::engine
