#include "daemon/containers/container_spec.h"

#include <set>

#include "daemon/docker_error.h"

namespace vic::endpoint {

namespace {

using nlohmann::json;

constexpr std::size_t kMaxString = 4096;
constexpr std::size_t kMaxItems = 256;
constexpr long long kMinMemoryMB = 64;

std::string typeName(const json& j) {
  return j.type_name();
}

DockerError wrongType(const std::string& field, const std::string& want, const json& got) {
  return badRequest("json: cannot unmarshal " + typeName(got) + " into " + field + " of type " +
                    want);
}

void checkString(const std::string& field, const json& j) {
  if (!j.is_string()) throw wrongType(field, "string", j);
  if (j.get_ref<const std::string&>().size() > kMaxString)
    throw badRequest(field + " is longer than 4096 characters");
}

// A list of strings, or (for Cmd and Entrypoint) one string, as Docker takes them.
json strings(const std::string& field, const json& j, bool oneStringAllowed) {
  if (j.is_null()) return json();
  if (oneStringAllowed && j.is_string()) {
    checkString(field, j);
    return json::array({j});
  }
  if (!j.is_array()) throw wrongType(field, "[]string", j);
  if (j.size() > kMaxItems) throw badRequest(field + " has more than 256 entries");
  for (const auto& s : j)
    checkString(field, s);
  return j;
}

json stringMap(const std::string& field, const json& j) {
  if (j.is_null()) return json::object();
  if (!j.is_object()) throw wrongType(field, "map[string]string", j);
  if (j.size() > kMaxItems) throw badRequest(field + " has more than 256 entries");
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key().size() > kMaxString) throw badRequest(field + " has a key longer than 4096");
    checkString(field + "." + it.key().substr(0, 64), *it);
  }
  return j;
}

json emptyObjects(const std::string& field, const json& j) {
  if (j.is_null()) return json::object();
  if (!j.is_object()) throw wrongType(field, "map[string]struct {}", j);
  if (j.size() > kMaxItems) throw badRequest(field + " has more than 256 entries");
  json out = json::object();
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (it.key().empty() || it.key().size() > kMaxString)
      throw badRequest(field + " has an empty or over-long key");
    out[it.key()] = json::object();
  }
  return out;
}

// "8080/tcp" or "8080" (tcp); 400 otherwise.
std::string portKey(const std::string& field, const std::string& key) {
  const auto slash = key.find('/');
  const std::string port = key.substr(0, slash);
  const std::string proto = slash == std::string::npos ? "tcp" : key.substr(slash + 1);
  bool digits = !port.empty() && port.size() <= 5;
  for (char c : port)
    digits = digits && c >= '0' && c <= '9';
  if (!digits || std::stoi(port) == 0 || std::stoi(port) > 65535 ||
      (proto != "tcp" && proto != "udp" && proto != "sctp"))
    throw badRequest(field + ": invalid port \"" + key.substr(0, 32) +
                     "\"; give port/tcp or port/udp, 1-65535");
  return port + "/" + proto;
}

json portBindings(const json& j) {
  if (j.is_null()) return json::object();
  if (!j.is_object()) throw wrongType("HostConfig.PortBindings", "nat.PortMap", j);
  if (j.size() > kMaxItems) throw badRequest("HostConfig.PortBindings has more than 256 ports");
  json out = json::object();
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string key = portKey("HostConfig.PortBindings", it.key());
    json list = json::array();
    if (!it->is_null()) {
      if (!it->is_array()) throw wrongType("HostConfig.PortBindings", "[]nat.PortBinding", *it);
      for (const auto& b : *it) {
        if (!b.is_object()) throw wrongType("HostConfig.PortBindings", "nat.PortBinding", b);
        std::string hostIp =
            b.contains("HostIp") && b["HostIp"].is_string() ? b["HostIp"].get<std::string>() : "";
        std::string hostPort = b.contains("HostPort") && b["HostPort"].is_string()
                                   ? b["HostPort"].get<std::string>()
                                   : "";
        if (!hostPort.empty()) portKey("HostConfig.PortBindings", hostPort);
        list.push_back({{"HostIp", hostIp.substr(0, 64)}, {"HostPort", hostPort}});
      }
    }
    out[key] = list;
  }
  return out;
}

const std::set<std::string> kRestartPolicies{"", "no", "always", "on-failure", "unless-stopped"};

std::vector<MountRecord> binds(const json& list) {
  std::vector<MountRecord> out;
  for (const auto& b : list) {
    const std::string text = b.get<std::string>();
    std::vector<std::string> parts;
    for (std::size_t start = 0;;) {
      auto colon = text.find(':', start);
      parts.push_back(text.substr(start, colon == std::string::npos ? colon : colon - start));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    if (parts.size() < 2 || parts.size() > 3 || parts[1].empty() || parts[1].front() != '/')
      throw badRequest("invalid volume specification: '" + text.substr(0, 128) +
                       "'; give volume-name:/path[:ro]");
    if (!parts[0].empty() && parts[0].front() == '/')
      throw badRequest("bind mounts of host paths (" + parts[0].substr(0, 128) +
                       ") are not available on a VCH: containers are VMs with no host "
                       "filesystem; use a named volume instead");
    MountRecord m;
    m.name = parts[0];
    m.destination = parts[1];
    m.readOnly = parts.size() == 3 && parts[2] == "ro";
    if (parts.size() == 3 && parts[2] != "ro" && parts[2] != "rw")
      throw badRequest("invalid mode \"" + parts[2].substr(0, 16) + "\" in '" +
                       text.substr(0, 128) + "'; give ro or rw");
    out.push_back(m);
  }
  return out;
}

}  // namespace

ContainerSpec readCreateBody(const json& body) {
  if (!body.is_object())
    throw badRequest("the create body must be a JSON object (Docker's ContainerConfig)");
  ContainerSpec s;
  auto member = [&](const char* name) -> const json& {
    static const json null;
    auto it = body.find(name);
    return it == body.end() ? null : *it;
  };
  const json& image = member("Image");
  if (image.is_null() || (image.is_string() && image.get<std::string>().empty()))
    throw badRequest("Config.Image is required: name the image to create the container from");
  checkString("Config.Image", image);
  s.image = image.get<std::string>();

  json& c = s.config;
  if (auto v = strings("Config.Cmd", member("Cmd"), true); !v.is_null()) c["Cmd"] = v;
  if (auto v = strings("Config.Entrypoint", member("Entrypoint"), true); !v.is_null())
    c["Entrypoint"] = v;
  if (auto v = strings("Config.Env", member("Env"), false); !v.is_null()) c["Env"] = v;
  c["Labels"] = stringMap("Config.Labels", member("Labels"));
  c["Volumes"] = emptyObjects("Config.Volumes", member("Volumes"));
  json exposed = json::object();
  const json declared = emptyObjects("Config.ExposedPorts", member("ExposedPorts"));
  for (auto it = declared.begin(); it != declared.end(); ++it)
    exposed[portKey("Config.ExposedPorts", it.key())] = json::object();
  c["ExposedPorts"] = exposed;
  for (const char* name : {"WorkingDir", "User", "Hostname", "Domainname", "StopSignal"}) {
    const json& v = member(name);
    if (v.is_null()) continue;
    checkString(std::string("Config.") + name, v);
    c[name] = v;
  }
  for (const char* name : {"Tty", "OpenStdin", "AttachStdin", "AttachStdout", "AttachStderr"}) {
    const json& v = member(name);
    if (v.is_null()) continue;
    if (!v.is_boolean()) throw wrongType(std::string("Config.") + name, "bool", v);
    c[name] = v;
  }

  const json& host = member("HostConfig");
  if (!host.is_null() && !host.is_object())
    throw wrongType("HostConfig", "container.HostConfig", host);
  auto hostMember = [&](const char* name) -> const json& {
    static const json null;
    if (!host.is_object()) return null;
    auto it = host.find(name);
    return it == host.end() ? null : *it;
  };
  json& h = s.hostConfig;
  h["PortBindings"] = portBindings(hostMember("PortBindings"));
  for (auto it = h["PortBindings"].begin(); it != h["PortBindings"].end(); ++it)
    c["ExposedPorts"][it.key()] = json::object();
  const json& restart = hostMember("RestartPolicy");
  json policy = {{"Name", ""}, {"MaximumRetryCount", 0}};
  if (!restart.is_null()) {
    if (!restart.is_object())
      throw wrongType("HostConfig.RestartPolicy", "container.RestartPolicy", restart);
    if (restart.contains("Name")) {
      checkString("HostConfig.RestartPolicy.Name", restart["Name"]);
      policy["Name"] = restart["Name"];
    }
    if (restart.contains("MaximumRetryCount")) {
      if (!restart["MaximumRetryCount"].is_number_integer())
        throw wrongType("HostConfig.RestartPolicy.MaximumRetryCount", "int",
                        restart["MaximumRetryCount"]);
      policy["MaximumRetryCount"] = restart["MaximumRetryCount"];
    }
  }
  if (!kRestartPolicies.count(policy["Name"].get<std::string>()))
    throw badRequest("invalid restart policy \"" + policy["Name"].get<std::string>().substr(0, 32) +
                     "\"; give no, always, on-failure or unless-stopped");
  h["RestartPolicy"] = policy;
  const json bindList = strings("HostConfig.Binds", hostMember("Binds"), false);
  if (!bindList.is_null()) {
    h["Binds"] = bindList;
    s.mounts = binds(bindList);
  }
  for (auto it = c["Volumes"].begin(); it != c["Volumes"].end(); ++it) {
    if (std::none_of(s.mounts.begin(), s.mounts.end(),
                     [&](const auto& m) { return m.destination == it.key(); }))
      s.mounts.push_back({"", it.key(), true, false});
  }
  if (const json& memory = hostMember("Memory"); !memory.is_null()) {
    if (!memory.is_number_integer()) throw wrongType("HostConfig.Memory", "int64", memory);
    const long long bytes = memory.get<long long>();
    if (bytes < 0) throw badRequest("HostConfig.Memory must not be negative");
    if (bytes != 0) {  // 0 is "no limit": the VM's default size
      const long long mb = bytes / (1024 * 1024);
      if (mb < kMinMemoryMB) throw badRequest("Minimum memory limit allowed is 64MB");
      s.memoryMB = std::min(mb, 4LL * 1024 * 1024);
    }
    h["Memory"] = memory;
  }
  if (const json& count = hostMember("CpuCount"); !count.is_null()) {
    if (!count.is_number_integer() || count.get<long long>() < 0 || count.get<long long>() > 128)
      throw badRequest("HostConfig.CpuCount must be a number of CPUs, 0 to 128");
    if (count.get<int>() > 0) s.cpus = count.get<int>();
    h["CpuCount"] = count;
  }
  if (const json& autoRemove = hostMember("AutoRemove"); !autoRemove.is_null()) {
    if (!autoRemove.is_boolean()) throw wrongType("HostConfig.AutoRemove", "bool", autoRemove);
    h["AutoRemove"] = autoRemove;
  }
  return s;
}

nlohmann::json mergedConfig(const ContainerSpec& spec, const nlohmann::json& image) {
  const json defaults = image.is_object() && image.contains("config") && image["config"].is_object()
                            ? image["config"]
                            : json::object();
  json c = spec.config;
  c["Image"] = spec.image;
  if (!c.contains("Entrypoint") && defaults.contains("Entrypoint"))
    c["Entrypoint"] = defaults["Entrypoint"];
  if (!c.contains("Cmd") && !spec.config.contains("Entrypoint") && defaults.contains("Cmd"))
    c["Cmd"] = defaults["Cmd"];
  if (!c.contains("WorkingDir") && defaults.contains("WorkingDir"))
    c["WorkingDir"] = defaults["WorkingDir"];
  // Env: the image's, with create's values replacing those of the same name.
  json env = json::array();
  std::set<std::string> given;
  if (c.contains("Env"))
    for (const auto& e : c["Env"])
      given.insert(e.get<std::string>().substr(0, e.get<std::string>().find('=')));
  if (defaults.contains("Env") && defaults["Env"].is_array())
    for (const auto& e : defaults["Env"])
      if (e.is_string() &&
          !given.count(e.get<std::string>().substr(0, e.get<std::string>().find('='))))
        env.push_back(e);
  if (c.contains("Env"))
    for (const auto& e : c["Env"])
      env.push_back(e);
  c["Env"] = env;
  for (const char* name : {"Labels", "ExposedPorts", "Volumes"}) {
    json merged =
        defaults.contains(name) && defaults[name].is_object() ? defaults[name] : json::object();
    for (auto it = c[name].begin(); it != c[name].end(); ++it)
      merged[it.key()] = *it;
    c[name] = merged;
  }
  return c;
}

std::vector<std::string> imageVolumes(const nlohmann::json& image) {
  std::vector<std::string> out;
  if (!image.is_object() || !image.contains("config") || !image["config"].is_object()) return out;
  const auto& v = image["config"].value("Volumes", json::object());
  if (v.is_object())
    for (auto it = v.begin(); it != v.end() && out.size() < kMaxItems; ++it)
      out.push_back(it.key());
  return out;
}

std::string generatedName(const std::string& id,
                          const std::function<bool(const std::string&)>& isFree) {
  static const char* adjectives[] = {"brave",  "calm",   "eager", "fervent", "gifted", "happy",
                                     "jolly",  "keen",   "lucid", "modest",  "nifty",  "quirky",
                                     "serene", "tender", "vivid", "witty"};
  static const char* nouns[] = {"babbage", "curie",  "darwin",   "euler",   "fermat", "galois",
                                "hopper",  "kepler", "lovelace", "noether", "pascal", "ramanujan",
                                "shannon", "turing", "volta",    "wiles"};
  auto nibble = [&](std::size_t i) {
    const char c = id[i];
    return c >= 'a' ? c - 'a' + 10 : c - '0';
  };
  std::string name = std::string(adjectives[nibble(0)]) + "_" + nouns[nibble(1)];
  if (isFree(name)) return name;
  return name + "_" + id.substr(0, 6);
}

}  // namespace vic::endpoint
