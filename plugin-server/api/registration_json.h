#pragma once

#include <map>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "plugin-server/registration/appliance_prober.h"
#include "plugin-server/registration/plugin_record.h"
#include "plugin-server/registration/registrar.h"

namespace vic::server {

// Which appliance the plug-in's UI should talk to: the administrator's
// choice while it answers, else the answering one of the newest version
// (the one serving the plug-in first among equals, then this one), else none.
std::string chosenAppliance(const PluginRecord& record,
                            const std::map<std::string, Reachability>& probes,
                            const std::string& selfId);

// {"registered", "plugin_version", "client_type", "host", "preferred",
//  "chosen", "appliances": [{id, address, url, version, plugin_version,
//  reachable, error, this, serves_plugin, preferred, chosen, registered}]}
nlohmann::json registrationJson(const std::optional<PluginRecord>& record,
                                const std::map<std::string, Reachability>& probes,
                                const std::string& selfId);

nlohmann::json outcomeJson(const RegistrationOutcome& outcome,
                           const std::map<std::string, Reachability>& probes,
                           const std::string& selfId);

}  // namespace vic::server
