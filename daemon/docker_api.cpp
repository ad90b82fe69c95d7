#include "daemon/docker_api.h"

#include <charconv>
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "vicapi/version/version.h"

namespace vic::endpoint {

namespace {

using nlohmann::json;

struct ApiVersion {
  unsigned major = 0;
  unsigned minor = 0;
  bool operator<(const ApiVersion& o) const {
    return major != o.major ? major < o.major : minor < o.minor;
  }
};

// "1.25" -> {1, 25}; nothing for anything else.
std::optional<ApiVersion> parseApiVersion(std::string_view text) {
  ApiVersion v;
  const char* end = text.data() + text.size();
  auto [dot, e1] = std::from_chars(text.data(), end, v.major);
  if (e1 != std::errc() || dot == end || *dot != '.') return std::nullopt;
  auto [last, e2] = std::from_chars(dot + 1, end, v.minor);
  if (e2 != std::errc() || last != end) return std::nullopt;
  return v;
}

// Splits "/v1.25/info" into the version and "/info". Written out by hand: the
// path is the caller's.
std::optional<std::pair<std::string_view, std::string_view>> versioned(std::string_view path) {
  if (path.substr(0, 2) != "/v") return std::nullopt;
  const auto slash = path.find('/', 2);
  if (slash == std::string_view::npos) return std::nullopt;
  const auto number = path.substr(2, slash - 2);
  if (number.empty() || number.front() < '0' || number.front() > '9' || !parseApiVersion(number))
    return std::nullopt;
  return std::pair{number, path.substr(slash)};
}

DockerReply jsonReply(int status, const json& body) {
  return {status, "application/json",
          body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n"};
}

DockerReply notFound() {
  return jsonReply(404, {{"message", "page not found"}});
}

json versionJson(const EndpointConfig& c) {
  const auto& v = version::current();
  return {{"Platform", {{"Name", "vSphere Integrated Containers Endpoint"}}},
          {"Components",
           {{{"Name", "vic-endpoint"},
             {"Version", v.str()},
             {"Details",
              {{"ApiVersion", kApiVersion},
               {"MinAPIVersion", kMinApiVersion},
               {"GitCommit", v.commit},
               {"VCH", c.vchName},
               {"VCHVersion", c.vchVersion}}}}}},
          {"Version", v.semver()},
          {"ApiVersion", kApiVersion},
          {"MinAPIVersion", kMinApiVersion},
          {"GitCommit", v.commit},
          {"GoVersion", "n/a"},
          {"Os", "linux"},
          {"Arch", "amd64"},
          {"KernelVersion", "-"},
          {"Experimental", false},
          {"BuildTime", ""}};
}

json infoJson(const EndpointConfig& c) {
  const auto& v = version::current();
  return {{"ID", "vSphere Integrated Containers"},
          {"Name", c.vchName},
          {"ServerVersion", v.semver()},
          {"Driver", "vSphere Integrated Containers " + v.str() + " Backend Engine"},
          {"Containers", 0},
          {"ContainersRunning", 0},
          {"ContainersPaused", 0},
          {"ContainersStopped", 0},
          {"Images", 0},
          {"OperatingSystem", "VMware Photon OS/vic-endpoint"},
          {"OSType", "linux"},
          {"Architecture", "x86_64"},
          {"NCPU", 1},
          {"MemTotal", 0},
          {"SystemStatus", json::array({{"VCH version", c.vchVersion}})}};
}

}  // namespace

DockerReply DockerApi::handle(const DockerRequest& request) const {
  std::string_view path = request.target;
  path = path.substr(0, path.find('?'));
  if (auto v = versioned(path)) {
    if (*parseApiVersion(v->first) < *parseApiVersion(kMinApiVersion))
      return jsonReply(400, {{"message", "client version " + std::string(v->first) +
                                             " is too old. Minimum supported API version is " +
                                             std::string(kMinApiVersion) +
                                             ", please upgrade your client to a newer version"}});
    path = v->second;
  }
  const bool get = request.method == "GET" || request.method == "HEAD";
  if (path == "/_ping" && get) return {200, "text/plain; charset=utf-8", "OK"};
  if (path == "/version" && get) return jsonReply(200, versionJson(config_));
  if (path == "/info" && get) return jsonReply(200, infoJson(config_));
  return notFound();
}

}  // namespace vic::endpoint
