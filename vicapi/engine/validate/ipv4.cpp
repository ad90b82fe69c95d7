#include "vicapi/engine/validate/ipv4.h"

#include <arpa/inet.h>

#include <charconv>

namespace vic::engine {

std::optional<std::uint32_t> parseIpv4(const std::string& text) {
  in_addr a{};
  if (inet_pton(AF_INET, text.c_str(), &a) != 1) return std::nullopt;
  return ntohl(a.s_addr);
}

std::optional<Cidr> parseCidr(const std::string& text) {
  auto slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  auto ip = parseIpv4(text.substr(0, slash));
  int prefix = -1;
  const std::string p = text.substr(slash + 1);
  auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), prefix);
  if (!ip || ec != std::errc() || end != p.data() + p.size() || prefix < 0 || prefix > 32)
    return std::nullopt;
  return Cidr{*ip, prefix};
}

std::optional<Ipv4Range> parseIpRange(const std::string& text) {
  if (auto dash = text.find('-'); dash != std::string::npos) {
    auto a = parseIpv4(text.substr(0, dash));
    auto b = parseIpv4(text.substr(dash + 1));
    if (!a || !b || *a > *b) return std::nullopt;
    return Ipv4Range{*a, *b};
  }
  if (auto c = parseCidr(text)) return c->range();
  return std::nullopt;
}

std::string formatIpv4(std::uint32_t ip) {
  in_addr a{htonl(ip)};
  char buf[INET_ADDRSTRLEN];
  inet_ntop(AF_INET, &a, buf, sizeof buf);
  return buf;
}

}  // namespace vic::engine
