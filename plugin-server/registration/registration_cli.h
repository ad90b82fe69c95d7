#pragma once

#include <iosfwd>
#include <map>
#include <string>

#include "plugin-server/config/server_config.h"

namespace vic::server {

// `vic-machine-server register|unregister|status --target ... --user ...
// [--password ...] [--thumbprint ...] [--force] [--client remote|local]`:
// the same registration the appliance's page does, from a shell. The
// password comes from --password, else $VIC_PASSWORD, else the terminal.
// Returns the exit code: 0 done, 1 failed, 2 bad usage.
int runRegistrationCommand(const std::string& action,
                           const std::map<std::string, std::string>& flags,
                           const ServerConfig& config, std::ostream& out, std::ostream& err);

}  // namespace vic::server
