#pragma once

#include <string>
#include <vector>

#include "plugin-server/store/vcenter_registrations.h"
#include "vicapi/net/endpoint.h"

namespace vic::server {

// Which vCenters a request may name as its {target}. The server logs in to
// the target as the caller and reads its answers, so a target of the
// caller's own choosing would let anyone aim the server at a server of
// theirs. The administrator chooses: the vCenters this appliance is
// registered with, those listed in --allowed-targets, or any ("*", as 1.5).
class TargetPolicy {
 public:
  // `setting` is the comma-separated list of host[:port] (443 when left
  // out), "*" for any, or empty for only the registered vCenters. Throws
  // UsageError naming an entry that is not host[:port].
  TargetPolicy(const std::string& setting, VcenterRegistrations& registered);

  bool allows(const net::Endpoint& target) const;
  // Why `target` is refused, and how to allow it.
  std::string refusal(const net::Endpoint& target) const;

 private:
  bool any_ = false;
  std::vector<net::Endpoint> listed_;
  VcenterRegistrations& registered_;
};

// The same vCenter: host names compared without case, ports as numbers.
bool sameTarget(const net::Endpoint& a, const net::Endpoint& b);

}  // namespace vic::server
