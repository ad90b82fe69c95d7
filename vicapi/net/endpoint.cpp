#include "vicapi/net/endpoint.h"

#include <charconv>

#include "vicapi/base/error.h"

namespace vic::net {

Endpoint Endpoint::parse(const std::string& target) {
  std::string rest = target;
  if (auto scheme = rest.find("://"); scheme != std::string::npos) {
    if (rest.compare(0, scheme, "https") != 0)
      throw UsageError("the target \"" + target + "\" must use https");
    rest = rest.substr(scheme + 3);
  }
  if (auto at = rest.rfind('@'); at != std::string::npos) rest = rest.substr(at + 1);
  if (auto slash = rest.find('/'); slash != std::string::npos) rest.resize(slash);

  Endpoint e;
  std::string portText;
  if (!rest.empty() && rest.front() == '[') {
    auto close = rest.find(']');
    if (close == std::string::npos)
      throw UsageError("the target \"" + target + "\" has an unclosed IPv6 bracket");
    e.host = rest.substr(1, close - 1);
    if (close + 1 < rest.size() && rest[close + 1] == ':') portText = rest.substr(close + 2);
  } else if (auto colon = rest.find(':');
             colon != std::string::npos && rest.find(':', colon + 1) == std::string::npos) {
    e.host = rest.substr(0, colon);
    portText = rest.substr(colon + 1);
  } else {
    e.host = rest;
  }
  if (e.host.empty()) throw UsageError("the target \"" + target + "\" names no host");
  if (!portText.empty()) {
    unsigned port = 0;
    auto [end, ec] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (ec != std::errc() || end != portText.data() + portText.size() || port == 0 || port > 65535)
      throw UsageError("the target \"" + target + "\" has an invalid port \"" + portText + "\"");
    e.port = static_cast<unsigned short>(port);
  }
  return e;
}

std::string Endpoint::hostPort() const {
  std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return h + ":" + std::to_string(port);
}

}  // namespace vic::net
