#include "plugin-server/config/server_config.h"

#include <algorithm>
#include <cstdlib>
#include <optional>

#include <Poco/AutoPtr.h>
#include <Poco/String.h>
#include <Poco/Util/PropertyFileConfiguration.h>

#include "vicapi/base/error.h"
#include "vicapi/net/endpoint.h"

namespace vic::server {

namespace {

struct Source {
  const std::map<std::string, std::string>& flags;
  Poco::AutoPtr<Poco::Util::PropertyFileConfiguration> file;

  // flag, then environment, then file.
  std::optional<std::pair<std::string, std::string>> get(const char* flag, const char* env,
                                                         const char* key) const {
    if (auto it = flags.find(flag); it != flags.end())
      return std::pair{it->second, std::string("--") + flag};
    if (const char* v = std::getenv(env); v && *v)
      return std::pair{std::string(v), std::string(env)};
    if (file && file->hasProperty(key))
      return std::pair{file->getString(key), std::string("the configuration file's ") + key};
    return std::nullopt;
  }
};

}  // namespace

ServerConfig resolveConfig(const std::map<std::string, std::string>& flags,
                           const std::filesystem::path& configFile) {
  Source src{flags, nullptr};
  if (!configFile.empty()) {
    if (!std::filesystem::exists(configFile))
      throw UsageError("the configuration file " + configFile.string() + " does not exist");
    src.file = new Poco::Util::PropertyFileConfiguration(configFile.string());
  }
  ServerConfig c;
  if (auto v = src.get("listen", "VIC_LISTEN", "listen")) c.listen = v->first;
  if (auto v = src.get("data-dir", "VIC_DATA_DIR", "data.dir")) c.dataDir = v->first;
  if (auto v = src.get("tls-cert", "VIC_TLS_CERT", "tls.cert")) c.certificate = v->first;
  if (auto v = src.get("tls-key", "VIC_TLS_KEY", "tls.key")) c.privateKey = v->first;
  if (auto v = src.get("ui-dir", "VIC_UI_DIR", "ui.dir")) c.uiDir = v->first;
  if (auto v = src.get("public-address", "VIC_PUBLIC_ADDRESS", "public.address"))
    c.publicAddress = v->first;
  if (auto v = src.get("allowed-targets", "VIC_ALLOWED_TARGETS", "allowed.targets")) {
    c.allowedTargets = v->first;
    for (std::size_t start = 0; start <= c.allowedTargets.size();) {
      auto comma = c.allowedTargets.find(',', start);
      if (comma == std::string::npos) comma = c.allowedTargets.size();
      const std::string entry = Poco::trim(c.allowedTargets.substr(start, comma - start));
      start = comma + 1;
      if (entry.empty() || entry == "*") continue;
      try {
        net::Endpoint::parse(entry);
      } catch (const UsageError& e) {
        throw UsageError(v->second + ": \"" + entry + "\" is not a vCenter host[:port] (" +
                         e.what() + "); separate several with commas, or give * for any");
      }
    }
  }
  if (auto v = src.get("log-level", "VIC_LOG_LEVEL", "log.level")) {
    c.logLevel = v->first;
    static const char* const kLevels[] = {"trace", "debug", "info", "warn", "error"};
    if (std::find(std::begin(kLevels), std::end(kLevels), c.logLevel) == std::end(kLevels))
      throw UsageError(v->second + " must be trace, debug, info, warn or error, not \"" +
                       c.logLevel + "\"");
  }
  if (auto v = src.get("log-format", "VIC_LOG_FORMAT", "log.format")) {
    c.logFormat = v->first;
    if (c.logFormat != "text" && c.logFormat != "json")
      throw UsageError(v->second + " must be text or json, not \"" + c.logFormat + "\"");
  }
  auto seconds = [&](const char* flag, const char* env, const char* key, int& into) {
    if (auto v = src.get(flag, env, key)) {
      try {
        into = std::stoi(v->first);
      } catch (const std::exception&) {
        into = 0;
      }
      if (into < 1 || into > 86400)
        throw UsageError(v->second + " must be a number of seconds from 1 to 86400");
    }
  };
  seconds("session-idle", "VIC_SESSION_IDLE", "sessions.idle", c.sessionIdle);
  seconds("token-idle", "VIC_TOKEN_IDLE", "sessions.token_idle", c.tokenIdle);
  if (auto v = src.get("threads", "VIC_THREADS", "threads")) {
    try {
      c.threads = std::stoi(v->first);
    } catch (const std::exception&) {
      c.threads = 0;
    }
    if (c.threads < 1 || c.threads > 1024)
      throw UsageError(v->second + " must be a number of threads from 1 to 1024");
  }
  if (c.certificate.empty() != c.privateKey.empty())
    throw UsageError(
        "give both a TLS certificate and its key, or neither (one is then made and kept)");
  if (c.certificate.empty()) {
    c.certificate = c.dataDir / "server.crt";
    c.privateKey = c.dataDir / "server.key";
  }
  return c;
}

}  // namespace vic::server
