// registry.*: registries, their CAs and the image fetch proxy.
#include <regex>

#include "vicapi/crypto/certificates.h"
#include "vicapi/engine/validate/context.h"
#include "vicapi/engine/validate/ipv4.h"

namespace vic::engine {

namespace {

// A registry entry: a CIDR, a URL, host[:port], or a wildcard domain.
bool validRegistry(const std::string& s) {
  static const std::regex host(
      R"(^(\*\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*(:\d{1,5})?(/.*)?$)");
  static const std::regex v6(R"(^\[[0-9A-Fa-f:.]+\](:\d{1,5})?(/.*)?$)");
  if (parseCidr(s)) return true;
  std::string rest = s;
  if (rest.rfind("http://", 0) == 0)
    rest = rest.substr(7);
  else if (rest.rfind("https://", 0) == 0)
    rest = rest.substr(8);
  return !rest.empty() && (std::regex_match(rest, host) || std::regex_match(rest, v6));
}

bool validProxy(const std::string& s) {
  static const std::regex proxy(R"(^https?://[A-Za-z0-9.\-\[\]:]+(:\d{1,5})?/?$)");
  return std::regex_match(s, proxy);
}

}  // namespace

void checkRegistry(ValidationContext& c) {
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
