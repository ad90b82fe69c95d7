#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace vic::server {

// The server's settings. Each comes from, in order of precedence: a flag,
// an environment variable, the configuration file, the default.
struct ServerConfig {
  std::string listen = "0.0.0.0:8443";  // --listen, VIC_LISTEN, listen
  std::filesystem::path
      certificate;  // --tls-cert, VIC_TLS_CERT, tls.cert (default <data>/server.crt)
  std::filesystem::path privateKey;  // --tls-key, VIC_TLS_KEY, tls.key (default <data>/server.key)
  std::filesystem::path dataDir = "vic-data";  // --data-dir, VIC_DATA_DIR, data.dir
  std::string logLevel = "info";               // --log-level, VIC_LOG_LEVEL, log.level
  std::string logFormat = "text";  // --log-format, VIC_LOG_FORMAT, log.format (text or json)
  std::filesystem::path uiDir;     // --ui-dir, VIC_UI_DIR, ui.dir: the plug-in's files
  int threads = 32;                // --threads, VIC_THREADS, threads
  std::string publicAddress;       // --public-address, VIC_PUBLIC_ADDRESS: how vCenter reaches us
  int sessionIdle = 900;           // --session-idle, VIC_SESSION_IDLE, sessions.idle (seconds)
  int tokenIdle = 600;             // --token-idle, VIC_TOKEN_IDLE, sessions.token_idle (seconds)
  // --allowed-targets, VIC_ALLOWED_TARGETS, allowed.targets: the vCenters a
  // request may name (host[:port], comma-separated; "*" for any); empty for
  // those this appliance is registered with (TargetPolicy).
  std::string allowedTargets;
};

// `flags` holds the flags given (by their long names). Throws UsageError
// naming the setting and the source of a bad value.
ServerConfig resolveConfig(const std::map<std::string, std::string>& flags,
                           const std::filesystem::path& configFile);

}  // namespace vic::server
