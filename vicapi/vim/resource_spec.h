#pragma once

#include <optional>
#include <string>

#include "vicapi/soap/node.h"

namespace vic::vim {

// ResourceAllocationInfo: CPU in MHz, memory in MB; limit -1 is unlimited.
// Shares are a level (low, normal, high) or "custom" with a count.
struct ResourceAllocation {
  long long reservation = 0;
  bool expandableReservation = true;
  long long limit = -1;
  std::string sharesLevel = "normal";
  int shares = 0;  // only for sharesLevel == "custom"

  soap::Node node(std::string elementName) const;
  static ResourceAllocation from(const soap::Node& n);
  bool operator==(const ResourceAllocation&) const = default;
};

struct ResourceConfigSpec {
  ResourceAllocation cpu;
  ResourceAllocation memory;

  soap::Node node(std::string elementName) const;
  bool operator==(const ResourceConfigSpec&) const = default;
};

}  // namespace vic::vim
