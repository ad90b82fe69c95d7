#include "plugin-server/auth/target_policy.h"

#include <Poco/String.h>

#include "vicapi/base/error.h"

namespace vic::server {

bool sameTarget(const net::Endpoint& a, const net::Endpoint& b) {
  return a.port == b.port && Poco::icompare(a.host, b.host) == 0;
}

TargetPolicy::TargetPolicy(const std::string& setting, VcenterRegistrations& registered)
    : registered_(registered) {
  std::size_t start = 0;
  while (start <= setting.size()) {
    auto comma = setting.find(',', start);
    if (comma == std::string::npos) comma = setting.size();
    const std::string entry = Poco::trim(setting.substr(start, comma - start));
    start = comma + 1;
    if (entry.empty()) continue;
    if (entry == "*") {
      any_ = true;
      continue;
    }
    try {
      listed_.push_back(net::Endpoint::parse(entry));
    } catch (const UsageError& e) {
      throw UsageError("allowed targets: \"" + entry +
                       "\" is not a vCenter host[:port]: " + e.what());
    }
  }
}

bool TargetPolicy::allows(const net::Endpoint& target) const {
  if (any_) return true;
  for (const auto& e : listed_)
    if (sameTarget(e, target)) return true;
  for (const auto& r : registered_.all()) {
    try {
      if (sameTarget(net::Endpoint::parse(r.target), target)) return true;
    } catch (const UsageError&) {
    }
  }
  return false;
}

std::string TargetPolicy::refusal(const net::Endpoint& target) const {
  return target.hostPort() +
         " is not a vCenter this appliance manages: register the appliance with it (its "
         "/register page, or vic-machine-server register), or list it in --allowed-targets "
         "(VIC_ALLOWED_TARGETS, allowed.targets in the configuration file), where \"*\" allows "
         "any target";
}

}  // namespace vic::server
