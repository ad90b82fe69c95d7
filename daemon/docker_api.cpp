#include "daemon/docker_api.h"

#include <charconv>
#include <optional>
#include <string_view>

#include <Poco/URI.h>
#include <nlohmann/json.hpp>

#include "daemon/backends.h"
#include "daemon/containers/container_json.h"
#include "daemon/docker_error.h"
#include "daemon/images/image_json.h"
#include "daemon/networks/network_views.h"
#include "vicapi/net/errors.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/bounded_json.h"
#include "vicapi/util/log.h"
#include "vicapi/version/version.h"

namespace vic::endpoint {

namespace {

using nlohmann::json;
using Query = std::map<std::string, std::string>;

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
  return {status,
          "application/json",
          body.dump(-1, ' ', false, json::error_handler_t::replace) + "\n",
          {}};
}

DockerReply noContent(int status = 204) {
  return {status, "text/plain; charset=utf-8", "", {}};
}

DockerReply errorReply(int status, const std::string& message) {
  if (status == 304) return noContent(304);
  return jsonReply(status, {{"message", message}});
}

bool flag(const Query& q, const std::string& name) {
  auto it = q.find(name);
  return it != q.end() && (it->second == "1" || it->second == "true" || it->second == "True");
}

std::string param(const Query& q, const std::string& name) {
  auto it = q.find(name);
  return it == q.end() ? "" : it->second;
}

json body(const DockerRequest& r) {
  if (r.body.empty()) return json::object();
  try {
    return parseJson(r.body);
  } catch (const BadJson& e) {
    throw badRequest(std::string("the request body is not JSON: ") + e.what());
  }
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

// Splits "abc/start" into "abc" and "start"; a name without an action gives "".
std::pair<std::string, std::string> idAndAction(const std::string& rest) {
  const auto slash = rest.find('/');
  if (slash == std::string::npos) return {rest, ""};
  return {rest.substr(0, slash), rest.substr(slash + 1)};
}

const std::vector<std::string> kProcessActions{"attach",  "logs",   "stats",   "exec",
                                               "top",     "resize", "export",  "changes",
                                               "archive", "pause",  "unpause", "update"};

}  // namespace

DockerReply DockerApi::handle(const DockerRequest& request) const {
  std::string path;
  Query query;
  try {
    Poco::URI uri(request.target);
    path = uri.getPath();
    for (const auto& [k, v] : uri.getQueryParameters())
      query[k] = v;
  } catch (const Poco::Exception&) {
    return errorReply(400, "the request target is not a valid URI");
  }
  if (auto v = versioned(path)) {
    if (*parseApiVersion(v->first) < *parseApiVersion(kMinApiVersion))
      return errorReply(400, "client version " + std::string(v->first) +
                                 " is too old. Minimum supported API version is " +
                                 std::string(kMinApiVersion) +
                                 ", please upgrade your client to a newer version");
    path = std::string(v->second);
  }
  try {
    return route(request.method == "HEAD" ? "GET" : request.method, path, query, request);
  } catch (const DockerError& e) {
    return errorReply(e.status(), e.what());
  } catch (const NoPermissionFault& e) {
    return errorReply(403, std::string("vCenter refused the VCH's operations user: ") + e.what());
  } catch (const ManagedObjectNotFoundFault& e) {
    return errorReply(404, std::string("it is gone from vCenter: ") + e.what());
  } catch (const TransportError& e) {
    return errorReply(503, std::string("vCenter cannot be reached: ") + e.what());
  } catch (const std::exception& e) {
    logger()->warn("{} {} failed: {}", request.method, path, e.what());
    return errorReply(500, e.what());
  }
}

DockerReply DockerApi::route(const std::string& method, const std::string& path, const Query& query,
                             const DockerRequest& request) const {
  const bool get = method == "GET";
  if (path == "/_ping" && get) return {200, "text/plain; charset=utf-8", "OK", {}};
  if (path == "/version" && get) return jsonReply(200, versionJson(config_));
  if (path == "/info" && get) return info();
  // No events are kept, and a stream that never ends would hang the client.
  if (path == "/events" && get) return {200, "application/json", "", {}};
  if (path.rfind("/swarm", 0) == 0 || path.rfind("/services", 0) == 0 ||
      path.rfind("/nodes", 0) == 0 || path.rfind("/tasks", 0) == 0 ||
      path.rfind("/secrets", 0) == 0)
    return errorReply(404, "Docker Swarm is not supported by a VCH");
  if (path.rfind("/exec/", 0) == 0) throw notAvailable("exec");
  if (path == "/build") throw notAvailable("build");

  if (path == "/networks" && get) {
    json list = json::array();
    for (auto& n : vchNetworks(config_))
      list.push_back(n);
    return jsonReply(200, list);
  }
  if (path.rfind("/networks/", 0) == 0 && get)
    return jsonReply(200, findNetwork(config_, path.substr(10)));
  if (path.rfind("/networks", 0) == 0)
    return errorReply(403,
                      "the networks of a VCH are made with vic-machine (--container-network); "
                      "they cannot be created or removed through Docker");

  const bool containers = path == "/containers" || path.rfind("/containers/", 0) == 0;
  const bool images = path.rfind("/images/", 0) == 0;
  const bool volumes = path == "/volumes" || path.rfind("/volumes/", 0) == 0;
  if (containers || images || volumes) {
    if (!backends_.containers || !backends_.images || !backends_.volumes)
      return errorReply(503, "the endpoint is not connected to vCenter yet; try again shortly");
    if (containers)
      return this->containers(method, path.substr(std::min<std::size_t>(12, path.size())), query,
                              request);
    if (images) return this->images(method, path.substr(8), query, request);
    return this->volumes(method, path.size() > 9 ? path.substr(9) : "", request);
  }
  return errorReply(404, "page not found");
}

DockerReply DockerApi::containers(const std::string& method, const std::string& rest,
                                  const Query& query, const DockerRequest& request) const {
  auto& svc = *backends_.containers;
  if (rest == "json" && method == "GET") {
    const bool all = flag(query, "all");
    int limit = -1;
    if (auto l = param(query, "limit"); !l.empty()) {
      auto [p, ec] = std::from_chars(l.data(), l.data() + l.size(), limit);
      if (ec != std::errc() || p != l.data() + l.size()) throw badRequest("limit must be a number");
    }
    const ContainerFilter filter(param(query, "filters"));
    json list = json::array();
    for (const auto& c : svc.list()) {
      if (limit >= 0 && static_cast<int>(list.size()) >= limit) break;
      if (!all && limit < 0 && !c.running()) continue;
      if (!filter.matches(c)) continue;
      list.push_back(containerSummary(c));
    }
    return jsonReply(200, list);
  }
  if (rest == "create" && method == "POST") {
    auto created = svc.create(param(query, "name"), body(request));
    return jsonReply(201, {{"Id", created.id}, {"Warnings", created.warnings}});
  }
  const auto [id, action] = idAndAction(rest);
  if (id.empty()) return errorReply(404, "page not found");
  if (action.empty() && method == "DELETE") {
    svc.remove(id, flag(query, "force"), flag(query, "v"));
    return noContent();
  }
  if (action == "json" && method == "GET")
    return jsonReply(200, containerInspect(svc.find(id), config_.vchName));
  if (method == "POST") {
    if (action == "start") return svc.start(id), noContent();
    if (action == "stop") return svc.stop(id), noContent();
    if (action == "restart") return svc.restart(id), noContent();
    if (action == "kill") return svc.kill(id), noContent();
    if (action == "wait") return jsonReply(200, {{"StatusCode", svc.wait(id)}});
    if (action == "rename") {
      const std::string name = param(query, "name");
      if (name.empty()) throw badRequest("rename needs ?name=: give the new name");
      return svc.rename(id, name), noContent();
    }
  }
  const std::string first = action.substr(0, action.find('/'));
  if (std::find(kProcessActions.begin(), kProcessActions.end(), first) != kProcessActions.end()) {
    svc.find(id);  // an unknown container is still 404
    throw notAvailable(first);
  }
  return errorReply(404, "page not found");
}

DockerReply DockerApi::images(const std::string& method, const std::string& rest,
                              const Query& query, const DockerRequest& request) const {
  auto& svc = *backends_.images;
  if (rest == "json" && method == "GET") {
    json list = json::array();
    for (const auto& i : svc.list())
      list.push_back(imageSummary(i));
    return jsonReply(200, list);
  }
  if (rest == "create" && method == "POST") {
    const std::string from = param(query, "fromImage");
    if (from.empty())
      throw badRequest("import of a tarball (fromSrc) is not available; give fromImage to pull");
    auto ref = svc.preparePull(from, param(query, "tag"));
    const auto credentials = RegistryCredentials::fromHeader(request.registryAuth);
    ImageBackend* images = backends_.images;
    DockerReply r{200, "application/json", "", {}};
    r.stream = [images, ref, credentials](std::ostream& out) {
      images->pull(ref, credentials, out);
    };
    return r;
  }
  if (rest == "search" || rest == "load" || rest == "get" || rest == "prune")
    throw notAvailable("images/" + rest);
  // The name may hold slashes: "127.0.0.1:5000/busybox:latest/json".
  auto endsWith = [&](const std::string& suffix) {
    return rest.size() > suffix.size() &&
           rest.compare(rest.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (method == "GET" && endsWith("/json"))
    return jsonReply(200, imageInspect(svc.find(rest.substr(0, rest.size() - 5))));
  if (method == "GET" && endsWith("/history"))
    return jsonReply(200, imageHistory(svc.find(rest.substr(0, rest.size() - 8))));
  if (method == "POST" && endsWith("/tag")) {
    svc.tag(rest.substr(0, rest.size() - 4), param(query, "repo"), param(query, "tag"));
    return noContent(201);
  }
  if (method == "POST" && endsWith("/push")) throw notAvailable("push");
  if (method == "DELETE") {
    auto* containers = backends_.containers;
    return jsonReply(200,
                     svc.remove(rest, flag(query, "force"), [containers](const std::string& id) {
                       return containers->usingImage(id);
                     }));
  }
  return errorReply(404, "page not found");
}

DockerReply DockerApi::volumes(const std::string& method, const std::string& rest,
                               const DockerRequest& request) const {
  auto& svc = *backends_.volumes;
  if (rest.empty() && method == "GET") {
    json list = json::array();
    for (const auto& v : svc.list())
      list.push_back(volumeJson(v));
    return jsonReply(200, {{"Volumes", list}, {"Warnings", nullptr}});
  }
  if (rest == "create" && method == "POST") {
    const json b = body(request);
    if (!b.is_object()) throw badRequest("the volume create body must be a JSON object");
    auto text = [&](const char* name) {
      auto it = b.find(name);
      if (it == b.end() || it->is_null()) return std::string();
      if (!it->is_string()) throw badRequest(std::string(name) + " must be a string");
      return it->get<std::string>().substr(0, 4096);
    };
    auto map = [&](const char* name) {
      std::map<std::string, std::string> m;
      auto it = b.find(name);
      if (it == b.end() || it->is_null()) return m;
      if (!it->is_object() || it->size() > 256)
        throw badRequest(std::string(name) + " must be an object of strings");
      for (auto e = it->begin(); e != it->end(); ++e) {
        if (!e->is_string())
          throw badRequest(std::string(name) + "." + e.key().substr(0, 64) + " must be a string");
        m[e.key().substr(0, 4096)] = e->get<std::string>().substr(0, 4096);
      }
      return m;
    };
    auto v = svc.create(text("Name"), text("Driver"), map("DriverOpts"), map("Labels"));
    return jsonReply(201, volumeJson(v));
  }
  if (rest == "prune") throw notAvailable("volume prune");
  if (method == "GET") return jsonReply(200, volumeJson(svc.inspect(rest)));
  if (method == "DELETE") {
    auto* containers = backends_.containers;
    svc.remove(rest, [containers](const std::string& n) { return containers->usingVolume(n); });
    return noContent();
  }
  return errorReply(404, "page not found");
}

DockerReply DockerApi::info() const {
  const auto& v = version::current();
  json j = {{"ID", "vSphere Integrated Containers"},
            {"Name", config_.vchName},
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
            {"IndexServerAddress", "https://index.docker.io/v1/"},
            {"Plugins",
             {{"Volume", json::array({"vsphere"})},
              {"Network", json::array({"bridge", "external"})},
              {"Log", json::array()}}},
            {"RegistryConfig",
             {{"InsecureRegistryCIDRs", json::array()},
              {"IndexConfigs", json::object()},
              {"Mirrors", json::array()}}},
            {"SystemStatus", json::array({json::array({"VCH version", config_.vchVersion})})}};
  if (backends_.containers && backends_.images) {
    int running = 0, paused = 0, stopped = 0;
    const auto all = backends_.containers->list();
    for (const auto& c : all) {
      const auto s = c.status();
      (s == "running" ? running : s == "paused" ? paused : stopped)++;
    }
    j["Containers"] = all.size();
    j["ContainersRunning"] = running;
    j["ContainersPaused"] = paused;
    j["ContainersStopped"] = stopped;
    j["Images"] = backends_.images->list().size();
  }
  if (backends_.resources) {
    for (const auto& [k, value] : backends_.resources()) {
      j["SystemStatus"].push_back(json::array({k, value}));
      if (k == "VCH CPUs") j["NCPU"] = std::stoi(value);
      if (k == "VCH memory (bytes)") j["MemTotal"] = std::stoll(value);
    }
  }
  std::string stores;
  for (const auto& s : config_.model.storage.volumeStores)
    stores += (stores.empty() ? "" : " ") + s.label;
  j["SystemStatus"].push_back(json::array({"VolumeStores", stores}));
  for (const auto& r : config_.model.registry.whitelist)
    j["SystemStatus"].push_back(json::array({"Registry whitelist", r}));
  for (const auto& r : config_.model.registry.insecure)
    j["RegistryConfig"]["IndexConfigs"][r] = {
        {"Name", r}, {"Secure", false}, {"Official", false}, {"Mirrors", json::array()}};
  return jsonReply(200, j);
}

}  // namespace vic::endpoint
