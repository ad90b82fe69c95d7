#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vicapi/vim/moref.h"

namespace vic::vim {
class Client;
}

namespace vic::engine {

// Whether each host lets container VMs reach a VCH (outbound TCP 2377), and
// the switch the original's "update firewall" turned: the "vic-engine"
// ruleset where the host has it (vSphere 6.7 and later), else "vSPC".
struct HostFirewall {
  vim::Moref host;
  std::string name;
  bool allowsVch = false;
};

// Hosts of `computeResource` (a cluster, host or pool), or of every
// datacenter when none is given.
std::vector<HostFirewall> firewallStatus(vim::Client& client,
                                         const std::optional<vim::Moref>& computeResource);
void setFirewall(vim::Client& client, const std::optional<vim::Moref>& computeResource, bool allow);

}  // namespace vic::engine
