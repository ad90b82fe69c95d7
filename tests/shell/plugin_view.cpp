#include "tests/shell/plugin_view.h"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include "vicapi/base/error.h"
#include "vicapi/vim/extension_manager.h"
#include "vicapi/vim/inventory.h"

namespace vic::shell {

using nlohmann::json;

namespace {

std::string fetch(const std::string& url, const std::string& thumbprint) {
  Poco::URI uri(url);
  net::ConnectionPool pool(net::Endpoint{uri.getHost(), uri.getPort()},
                           tls::Trust::pin(tls::Thumbprint::parse(thumbprint)),
                           net::Timeouts{std::chrono::seconds(5), std::chrono::seconds(10)}, 1);
  std::string body;
  int status = 0;
  pool.run([&](Poco::Net::HTTPSClientSession& session) {
    Poco::Net::HTTPRequest req(Poco::Net::HTTPRequest::HTTP_GET, uri.getPathAndQuery(),
                               Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(req);
    Poco::Net::HTTPResponse resp;
    std::istream& in = session.receiveResponse(resp);
    body.clear();
    Poco::StreamCopier::copyToString(in, body);
    status = resp.getStatus();
  });
  if (status != 200)
    throw Error("the manifest server answered HTTP " + std::to_string(status) + " for " + url);
  return body;
}

std::string originOf(const std::string& url) {
  Poco::URI uri(url);
  return uri.getScheme() + "://" + uri.getAuthority() + "/";
}

std::string text(const json& i18n, const std::string& key) {
  if (i18n.contains(key) && i18n[key].contains("en-US")) return i18n[key]["en-US"];
  return key;
}

}  // namespace

PluginView::PluginView(vim::Client& admin, ReverseProxy& proxy, std::string origin)
    : admin_(admin), proxy_(proxy), origin_(std::move(origin)) {}

json PluginView::state() {
  json out{{"vcGuid", admin_.serviceContent().about.instanceUuid}, {"inventory", inventory()}};
  try {
    out["plugin"] = plugin();
  } catch (const std::exception& e) {
    out["plugin"] = nullptr;
    out["pluginError"] = e.what();
  }
  return out;
}

json PluginView::plugin() {
  auto x = vim::ExtensionManager(admin_).findExtension("com.vmware.vic");
  if (!x) throw Error("no com.vmware.vic plug-in is registered");
  const vim::ExtensionClientInfo* client = nullptr;
  for (const auto& c : x->clients)
    if (c.type == "vsphere-client-remote") client = &c;
  if (!client)
    throw Error(
        "com.vmware.vic is registered as a 6.7 local plug-in, which this client does not load");
  std::string manifestThumbprint;
  json backends = json::array();
  for (const auto& s : x->servers) {
    if (s.type == "MANIFEST_SERVER" && s.url == client->url)
      manifestThumbprint = s.serverThumbprint;
    if (s.type == "MANIFEST_SERVER" || s.type == "HTTPS" || s.serverThumbprint.empty()) continue;
    proxy_.route(s.type, originOf(s.url), s.serverThumbprint);
    backends.push_back({{"type", s.type}, {"proxiedBaseUrl", origin_ + "/proxy/" + s.type + "/"}});
  }
  if (manifestThumbprint.empty()) throw Error("the plug-in's manifest server is not registered");
  proxy_.route("plugin", originOf(client->url), manifestThumbprint);
  const json manifest = json::parse(fetch(client->url, manifestThumbprint));
  // Views are relative to plugin.json's folder, reached through the proxy.
  const std::string path = Poco::URI(client->url).getPath();
  const std::string base = origin_ + "/proxy/plugin" + path.substr(0, path.rfind('/') + 1);
  const json i18n = manifest["definitions"]["i18n"].value("definitions", json::object());
  json actions = json::object();
  const json objects = manifest.value("objects", json::object());
  for (auto& [type, object] : objects.items()) {
    if (!object.contains("menu")) continue;
    for (const auto& a : object["menu"]["actions"]) {
      const auto& trigger = a["trigger"];
      actions[type].push_back(
          {{"id", a["id"]},
           {"label", text(i18n, a.value("labelKey", ""))},
           {"url", base + trigger.value("uri", "")},
           {"title", text(i18n, trigger.value("titleKey", ""))},
           {"size", trigger.value("size", json{{"width", 800}, {"height", 600}})}});
    }
  }
  json vmSummary = nullptr;
  if (manifest["objects"].contains("VirtualMachine") &&
      manifest["objects"]["VirtualMachine"].contains("summary"))
    vmSummary = base + manifest["objects"]["VirtualMachine"]["summary"]["view"].value("uri", "");
  return {{"name", text(i18n, manifest["configuration"].value("nameKey", ""))},
          {"version", x->version},
          {"base", base},
          {"globalView", base + manifest["global"]["view"].value("uri", "")},
          {"vmSummary", vmSummary},
          {"actions", actions},
          {"backends", backends}};
}

json PluginView::inventory() {
  const std::string guid = admin_.serviceContent().about.instanceUuid;
  auto inv = vim::Inventory::load(admin_);
  json out = json::array();
  for (const char* type :
       {"ClusterComputeResource", "HostSystem", "ResourcePool", "VirtualMachine"})
    for (const auto* item : inv.ofType(type)) {
      if (std::string(type) == "ResourcePool" && item->name == "Resources") continue;
      out.push_back({{"id", std::string(type) + ":" + item->ref.value + ":" + guid},
                     {"type", type},
                     {"name", item->name},
                     {"path", inv.path(item->ref)}});
    }
  return out;
}

}  // namespace vic::shell
