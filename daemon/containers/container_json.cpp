#include "daemon/containers/container_json.h"

#include <algorithm>

#include "daemon/docker_error.h"
#include "daemon/time_text.h"
#include "vicapi/util/bounded_json.h"

namespace vic::endpoint {

namespace {

using nlohmann::json;

json commandParts(const ContainerRecord& c) {
  json parts = json::array();
  for (const char* k : {"Entrypoint", "Cmd"})
    if (c.config.contains(k) && c.config[k].is_array())
      for (const auto& p : c.config[k])
        parts.push_back(p);
  return parts;
}

std::string commandText(const ContainerRecord& c) {
  std::string out;
  for (const auto& p : commandParts(c))
    out += (out.empty() ? "" : " ") + p.get<std::string>();
  return out;
}

std::string statusText(const ContainerRecord& c) {
  const long long now = epochOf(nowRfc3339());
  if (c.running()) {
    const long long started = epochOf(c.startedAt);
    return "Up " + humanDuration(started ? now - started : 0);
  }
  if (c.status() == "created") return "Created";
  const long long finished = epochOf(c.finishedAt);
  return "Exited (" + std::to_string(c.exitCode) + ") " +
         humanDuration(finished ? now - finished : 0) + " ago";
}

json ports(const ContainerRecord& c) {
  json out = json::array();
  const auto bindings = c.hostConfig.value("PortBindings", json::object());
  if (!bindings.is_object()) return out;
  for (auto it = bindings.begin(); it != bindings.end(); ++it) {
    // What create wrote reads; a value edited by hand in vCenter is skipped.
    try {
      const auto slash = it.key().find('/');
      const int priv = std::stoi(it.key().substr(0, slash));
      const std::string proto = slash == std::string::npos ? "tcp" : it.key().substr(slash + 1);
      for (const auto& b : *it) {
        json p = {{"PrivatePort", priv}, {"Type", proto}};
        const std::string hostPort = b.value("HostPort", "");
        if (!hostPort.empty()) {
          p["PublicPort"] = std::stoi(hostPort);
          p["IP"] = b.value("HostIp", "").empty() ? "0.0.0.0" : b.value("HostIp", "");
        }
        out.push_back(p);
      }
    } catch (const std::exception&) {
    }
  }
  return out;
}

json mounts(const ContainerRecord& c) {
  json out = json::array();
  for (const auto& m : c.mounts)
    out.push_back({{"Type", "volume"},
                   {"Name", m.name},
                   {"Source", ""},
                   {"Destination", m.destination},
                   {"Driver", "vsphere"},
                   {"Mode", m.readOnly ? "ro" : ""},
                   {"RW", !m.readOnly},
                   {"Propagation", ""}});
  return out;
}

json networks(const ContainerRecord&) {
  return {{"bridge",
           {{"NetworkID", ""},
            {"EndpointID", ""},
            {"Gateway", ""},
            {"IPAddress", ""},
            {"IPPrefixLen", 0},
            {"MacAddress", ""}}}};
}

}  // namespace

json containerSummary(const ContainerRecord& c) {
  return {{"Id", c.id},
          {"Names", json::array({"/" + c.name})},
          {"Image", c.image},
          {"ImageID", c.imageId},
          {"Command", commandText(c)},
          {"Created", epochOf(c.created)},
          {"Ports", ports(c)},
          {"Labels", c.config.value("Labels", json::object())},
          {"State", c.status()},
          {"Status", statusText(c)},
          {"HostConfig", {{"NetworkMode", "default"}}},
          {"NetworkSettings", {{"Networks", networks(c)}}},
          {"Mounts", mounts(c)}};
}

json containerInspect(const ContainerRecord& c, const std::string& vchName) {
  const auto parts = commandParts(c);
  json config = c.config;
  config["Hostname"] = c.config.value("Hostname", c.id.substr(0, 12));
  const std::string status = c.status();
  json portMap = json::object();
  const auto bindings = c.hostConfig.value("PortBindings", json::object());
  for (auto it = bindings.begin(); it != bindings.end(); ++it)
    portMap[it.key()] = *it;
  return {{"Id", c.id},
          {"Created", c.created},
          {"Path", parts.empty() ? "" : parts[0].get<std::string>()},
          {"Args", parts.size() > 1 ? json(std::vector<json>(parts.begin() + 1, parts.end()))
                                    : json::array()},
          {"State",
           {{"Status", status},
            {"Running", c.running()},
            {"Paused", status == "paused"},
            {"Restarting", false},
            {"OOMKilled", false},
            {"Dead", false},
            {"Pid", 0},
            {"ExitCode", c.running() ? 0 : c.exitCode},
            {"Error", ""},
            {"StartedAt", c.startedAt.empty() ? "0001-01-01T00:00:00Z" : c.startedAt},
            {"FinishedAt", c.finishedAt.empty() ? "0001-01-01T00:00:00Z" : c.finishedAt}}},
          {"Image", c.imageId},
          {"Name", "/" + c.name},
          {"RestartCount", 0},
          {"Driver", "vsphere"},
          {"Platform", "linux"},
          {"MountLabel", ""},
          {"ProcessLabel", ""},
          {"AppArmorProfile", ""},
          {"HostConfig", c.hostConfig},
          {"Mounts", mounts(c)},
          {"Config", config},
          {"NetworkSettings",
           {{"Bridge", ""},
            {"Ports", portMap},
            {"Networks", networks(c)},
            {"IPAddress", ""},
            {"Gateway", ""}}},
          {"Node", {{"Name", vchName}}},
          {"VirtualMachine",
           {{"Name", c.vmName}, {"Moref", c.vm.value}, {"PowerState", c.powerState}}}};
}

ContainerFilter::ContainerFilter(const std::string& text) {
  if (text.empty()) return;
  json j;
  try {
    j = parseJson(text);
  } catch (const BadJson& e) {
    throw badRequest(std::string("invalid filter: ") + e.what());
  }
  if (!j.is_object()) throw badRequest("invalid filter: give a JSON object");
  static const std::vector<std::string> known{"name", "id", "label", "status", "ancestor"};
  for (auto it = j.begin(); it != j.end(); ++it) {
    if (std::find(known.begin(), known.end(), it.key()) == known.end())
      throw badRequest("Invalid filter '" + it.key().substr(0, 32) + "'");
    auto& values = terms_[it.key()];
    if (it->is_object()) {
      for (auto v = it->begin(); v != it->end(); ++v)
        values.push_back(v.key());
    } else if (it->is_array()) {
      for (const auto& v : *it)
        if (v.is_string()) values.push_back(v.get<std::string>());
    } else {
      throw badRequest("invalid filter '" + it.key() + "': give a list of values");
    }
    if (it.key() == "status")
      for (const auto& s : values)
        if (s != "created" && s != "running" && s != "exited" && s != "paused" &&
            s != "restarting" && s != "removing" && s != "dead")
          throw badRequest("Unrecognised filter value for status: " + s.substr(0, 32));
  }
}

bool ContainerFilter::matches(const ContainerRecord& c) const {
  auto any = [](const std::vector<std::string>& values, const auto& test) {
    return std::any_of(values.begin(), values.end(), test);
  };
  for (const auto& [key, values] : terms_) {
    bool ok = true;
    if (key == "name") {
      ok = any(values, [&](const std::string& v) {
        const std::string n = !v.empty() && v.front() == '/' ? v.substr(1) : v;
        return c.name.find(n) != std::string::npos;
      });
    } else if (key == "id") {
      ok = any(values, [&](const std::string& v) { return c.id.rfind(v, 0) == 0; });
    } else if (key == "status") {
      ok = any(values, [&](const std::string& v) { return c.status() == v; });
    } else if (key == "ancestor") {
      ok = any(values, [&](const std::string& v) {
        return c.image == v || c.image == v + ":latest" || c.imageId == v ||
               (v.size() >= 4 && c.imageId.size() > 7 && c.imageId.compare(7, v.size(), v) == 0);
      });
    } else if (key == "label") {
      const auto labels = c.config.value("Labels", json::object());
      ok = std::all_of(values.begin(), values.end(), [&](const std::string& v) {
        const auto eq = v.find('=');
        const std::string k = v.substr(0, eq);
        if (!labels.contains(k)) return false;
        return eq == std::string::npos || labels[k] == v.substr(eq + 1);
      });
    }
    if (!ok) return false;
  }
  return true;
}

}  // namespace vic::endpoint
