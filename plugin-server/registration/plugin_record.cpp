#include "plugin-server/registration/plugin_record.h"

#include <nlohmann/json.hpp>

#include "vicapi/net/errors.h"
#include "vicapi/soap/fault.h"
#include "vicapi/util/bounded_json.h"
#include "vicapi/vim/client.h"

namespace vic::server {

namespace {

using nlohmann::json;

// Each appliance's own type, so that the vSphere Client's list of proxied
// back ends (getPluginBackendInfo) tells the UI which one is which.
const std::string kApplianceType = "VIC_APPLIANCE-";
constexpr const char* kManifestType = "MANIFEST_SERVER";
constexpr const char* kPackageType = "HTTPS";
constexpr const char* kCompany = "VMware";
constexpr const char* kName = "vSphere Integrated Containers";
constexpr const char* kSummary =
    "Create and manage Virtual Container Hosts from the vSphere Client";

std::string manifestUrl(const ApplianceEntry& a) {
  return a.url + "ui/plugin.json";
}
std::string packageUrl(const ApplianceEntry& a) {
  return a.url + "files/com.vmware.vic-" + a.pluginVersion + ".zip";
}

// Another appliance's summary; whatever vCenter holds there is only believed
// as far as it is an object of strings.
json parsedSummary(const std::string& summary) {
  try {
    auto j = parseJson(summary);
    if (j.is_object()) return j;
  } catch (const json::exception&) {
  } catch (const BadJson&) {
  }
  return json::object();
}

std::string text(const json& j, const char* key, const std::string& fallback = {}) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : fallback;
}

}  // namespace

std::string ApplianceEntry::address() const {
  std::string a = url;
  if (a.rfind("https://", 0) == 0) a = a.substr(8);
  if (!a.empty() && a.back() == '/') a.pop_back();
  return a;
}

ApplianceEntry ApplianceEntry::of(const ApplianceIdentity& a, const std::string& when) {
  return {a.id, a.baseUrl(), a.version, a.pluginVersion, a.sha1, a.sha256, when};
}

const ApplianceEntry* PluginRecord::find(const std::string& id) const {
  for (const auto& a : appliances)
    if (!id.empty() && a.id == id) return &a;
  return nullptr;
}

PluginRecord PluginRecord::from(const vim::Extension& x) {
  if (x.servers.size() > kMaxAppliances + 2)
    throw ProtocolError("vCenter's " + std::string(kExtensionKey) + " record lists " +
                        std::to_string(x.servers.size()) +
                        " servers; VIC appliances write one "
                        "per appliance, at most " +
                        std::to_string(kMaxAppliances) +
                        ", and two for the plug-in. Remove the record (UnregisterExtension) and "
                        "register the appliances again");
  PluginRecord r;
  r.version = x.version;
  r.lastHeartbeat = x.lastHeartbeatTime;
  if (!x.clients.empty()) r.clientType = x.clients.front().type;
  for (const auto& s : x.servers) {
    if (r.adminEmail.empty() && !s.adminEmail.empty()) r.adminEmail = s.adminEmail.front();
    const json j = parsedSummary(s.description.summary);
    if (s.type.rfind(kApplianceType, 0) == 0) {
      ApplianceEntry a;
      a.id = text(j, "id");
      a.url = s.url;
      a.version = text(j, "version");
      a.pluginVersion = text(j, "plugin_version");
      a.sha1 = text(j, "sha1");
      a.sha256 = text(j, "sha256", s.serverThumbprint);
      a.registered = text(j, "registered");
      if (!a.id.empty()) r.appliances.push_back(std::move(a));
    } else if (s.type == kManifestType || s.type == kPackageType) {
      if (r.hostId.empty()) r.hostId = text(j, "host");
      if (r.preferredId.empty()) r.preferredId = text(j, "preferred");
    }
  }
  return r;
}

vim::Extension PluginRecord::toExtension(const std::string& adminEmail,
                                         const std::string& heartbeat) const {
  const ApplianceEntry* h = host();
  if (!h) throw Error("the plug-in record names no serving appliance");
  vim::Extension x;
  x.key = kExtensionKey;
  x.description = {kName, kSummary};
  x.company = kCompany;
  x.type = "VicApplianceVM";
  x.version = version;
  x.lastHeartbeatTime = heartbeat;
  x.shownInSolutionManager = true;
  const std::string pointer = json{{"host", hostId}, {"preferred", preferredId}}.dump();
  const std::vector<std::string> mail{adminEmail};
  const bool remote = clientType == kRemoteClient;
  x.clients.push_back({version,
                       {kName, kSummary},
                       kCompany,
                       clientType,
                       remote ? manifestUrl(*h) : packageUrl(*h)});
  // vSphere 7 and 8 fetch the manifest (SHA-256 pinned); 6.7 downloads the
  // package, trusting its host by SHA-1.
  if (remote)
    x.servers.push_back({manifestUrl(*h),
                         {kName + std::string(" plug-in manifest"), pointer},
                         kCompany,
                         kManifestType,
                         mail,
                         h->sha256});
  x.servers.push_back({packageUrl(*h),
                       {kName + std::string(" plug-in package"), pointer},
                       kCompany,
                       kPackageType,
                       mail,
                       h->sha1});
  for (const auto& a : appliances) {
    const json summary{
        {"id", a.id},     {"version", a.version}, {"plugin_version", a.pluginVersion},
        {"sha1", a.sha1}, {"sha256", a.sha256},   {"registered", a.registered}};
    x.servers.push_back({a.url,
                         {"VIC appliance " + a.address(), summary.dump()},
                         kCompany,
                         kApplianceType + a.id,
                         mail,
                         a.sha256});
  }
  return x;
}

std::optional<PluginRecord> readRecord(vim::Client& client) {
  auto x = vim::ExtensionManager(client).findExtension(kExtensionKey);
  if (!x) return std::nullopt;
  return PluginRecord::from(*x);
}

}  // namespace vic::server
