#include "daemon/images/registry_policy.h"

#include <arpa/inet.h>

#include "daemon/docker_error.h"

namespace vic::endpoint {

namespace {

std::string lower(std::string s) {
  for (auto& c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// "host:port" -> host, port ("" when none); brackets of IPv6 kept off.
std::pair<std::string, std::string> splitHostPort(const std::string& hp) {
  if (!hp.empty() && hp.front() == '[') {
    auto close = hp.find(']');
    std::string host = hp.substr(1, close == std::string::npos ? std::string::npos : close - 1);
    std::string port = close != std::string::npos && close + 1 < hp.size() && hp[close + 1] == ':'
                           ? hp.substr(close + 2)
                           : "";
    return {host, port};
  }
  auto colon = hp.rfind(':');
  if (colon == std::string::npos || hp.find(':') != colon) return {hp, ""};
  return {hp.substr(0, colon), hp.substr(colon + 1)};
}

bool inCidr(const std::string& cidr, const std::string& host) {
  const auto slash = cidr.find('/');
  in_addr net{}, addr{};
  if (inet_pton(AF_INET, cidr.substr(0, slash).c_str(), &net) != 1 ||
      inet_pton(AF_INET, host.c_str(), &addr) != 1)
    return false;
  int bits = 0;
  try {
    bits = std::stoi(cidr.substr(slash + 1));
  } catch (const std::exception&) {
    return false;
  }
  if (bits < 0 || bits > 32) return false;
  const uint32_t mask = bits == 0 ? 0 : htonl(~uint32_t{0} << (32 - bits));
  return (net.s_addr & mask) == (addr.s_addr & mask);
}

}  // namespace

bool registryMatches(const std::string& rawEntry, const std::string& registry) {
  std::string entry = lower(rawEntry);
  for (const char* scheme : {"https://", "http://"})
    if (entry.rfind(scheme, 0) == 0) entry = entry.substr(std::string(scheme).size());
  while (!entry.empty() && entry.back() == '/')
    entry.pop_back();
  if (entry.empty()) return false;
  const auto [host, port] = splitHostPort(lower(registry));
  if (entry.find('/') != std::string::npos) return inCidr(entry, host);
  const auto [entryHost, entryPort] = splitHostPort(entry);
  if (!entryPort.empty() && entryPort != port) return false;
  if (entryHost.rfind("*.", 0) == 0) {
    const std::string suffix = entryHost.substr(1);
    return host.size() > suffix.size() &&
           host.compare(host.size() - suffix.size(), suffix.size(), suffix) == 0;
  }
  return entryHost == host;
}

void RegistryPolicy::checkAllowed(const std::string& registry) const {
  if (settings_.whitelist.empty()) return;
  for (const auto& list : {settings_.whitelist, settings_.insecure})
    for (const auto& e : list)
      if (registryMatches(e, registry)) return;
  std::string names;
  for (const auto& e : settings_.whitelist)
    names += (names.empty() ? "" : ", ") + e;
  throw DockerError(403, "Access denied to unauthorized registry (" + registry +
                             ") while VCH is in whitelist mode; the VCH's registry whitelist is: " +
                             names + ". Ask its administrator to add " + registry + " to it.");
}

bool RegistryPolicy::insecure(const std::string& registry) const {
  for (const auto& e : settings_.insecure)
    if (registryMatches(e, registry)) return true;
  return false;
}

}  // namespace vic::endpoint
