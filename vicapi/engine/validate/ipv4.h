#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace vic::engine {

// IPv4 arithmetic for the network rules.
struct Ipv4Range {
  std::uint32_t first = 0;
  std::uint32_t last = 0;
  bool contains(std::uint32_t ip) const { return ip >= first && ip <= last; }
  bool contains(const Ipv4Range& r) const { return r.first >= first && r.last <= last; }
  bool overlaps(const Ipv4Range& r) const { return first <= r.last && r.first <= last; }
};

struct Cidr {
  std::uint32_t address = 0;  // as written (the host part may be set)
  int prefix = 0;
  std::uint32_t mask() const { return prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - prefix); }
  std::uint32_t network() const { return address & mask(); }
  std::uint32_t broadcast() const { return network() | ~mask(); }
  Ipv4Range range() const { return {network(), broadcast()}; }
};

std::optional<std::uint32_t> parseIpv4(const std::string& text);
std::optional<Cidr> parseCidr(const std::string& text);  // "10.0.0.5/24"
// "10.0.0.10-10.0.0.20" or a CIDR.
std::optional<Ipv4Range> parseIpRange(const std::string& text);
std::string formatIpv4(std::uint32_t ip);

}  // namespace vic::engine
