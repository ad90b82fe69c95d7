#pragma once

#include "plugin-server/config/server_config.h"

namespace vic::server {

// The server's log on stderr at the configured level, as text lines or as
// one JSON object per line (time, level, message) for log collectors.
void setUpLogging(const ServerConfig& config);

}  // namespace vic::server
