#include "vicapi/cli/vch_flags.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

#include <Poco/Util/Option.h>

#include "vicapi/base/error.h"

namespace vic::cli {

using nlohmann::json;
using Poco::Util::Option;

namespace {

Option arg(const char* name, const char* help, const char* argName = "value") {
  return Option(name, "", help).argument(argName);
}
Option many(const char* name, const char* help, const char* argName = "value") {
  return arg(name, help, argName).repeatable(true);
}
Option flag(const char* name, const char* help) {
  return Option(name, "", help);
}

// What configure may change too; volume stores and container networks only added.
void addMutable(Poco::Util::OptionSet& o) {
  o.addOption(
      many("volume-store", "datastore/folder:label or nfs://host/path:label (repeat)", "store"));
  o.addOption(
      many("container-network", "port group:alias of a container network (repeat)", "pg:alias"));
  o.addOption(many("container-network-gateway", "port group:gateway/prefix", "pg:gw/prefix"));
  o.addOption(many("container-network-ip-range", "port group:range", "pg:range"));
  o.addOption(many("container-network-dns", "port group:DNS server", "pg:ip"));
  o.addOption(many("container-network-firewall", "port group:closed|outbound|peers|published|open",
                   "pg:policy"));
  o.addOption(arg("cpu", "VCH CPU limit in MHz (0 for unlimited)", "MHz"));
  o.addOption(arg("cpu-reservation", "VCH CPU reservation in MHz", "MHz"));
  o.addOption(arg("cpu-shares", "VCH CPU shares: low, normal, high or a number", "shares"));
  o.addOption(arg("memory", "VCH memory limit in MB (0 for unlimited)", "MB"));
  o.addOption(arg("memory-reservation", "VCH memory reservation in MB", "MB"));
  o.addOption(arg("memory-shares", "VCH memory shares: low, normal, high or a number", "shares"));
  o.addOption(many("dns-server", "DNS server of the VCH (repeat for more)", "ip"));
  o.addOption(many("insecure-registry", "registry reached without TLS verification (repeat)",
                   "host[:port]"));
  o.addOption(many("whitelist-registry", "the only registries allowed (repeat)", "host[:port]"));
  o.addOption(many("registry-ca", "PEM file of a registry CA (repeat)", "file"));
  o.addOption(arg("http-proxy", "proxy for image pulls over HTTP", "http://host:port"));
  o.addOption(arg("https-proxy", "proxy for image pulls over HTTPS", "https://host:port"));
  o.addOption(many("no-proxy", "host or domain the proxies do not apply to (repeat)", "host"));
  o.addOption(arg("syslog-address", "remote syslog, tcp:// or udp://host[:port]", "url"));
  o.addOption(arg("debug", "VCH debug level, 0 to 3", "level"));
  o.addOption(arg("ops-user", "vSphere user the VCH acts as (default: --user)", "name"));
  o.addOption(arg("ops-password", "its password (default: --password)", "password"));
  o.addOption(flag("ops-grant-perms", "grant the operations user the permissions the VCH needs"));
  o.addOption(many("tls-ca", "PEM file of a CA for client certificates (repeat)", "file"));
  o.addOption(arg("tls-server-cert", "PEM file of an existing server certificate", "file"));
  o.addOption(arg("tls-server-key", "PEM file of its unencrypted private key", "file"));
}

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw UsageError("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

long long number(const std::string& flag, const std::string& text) {
  try {
    std::size_t used = 0;
    long long v = std::stoll(text, &used);
    if (used == text.size()) return v;
  } catch (const std::exception&) {
  }
  throw UsageError("--" + flag + " needs a whole number, not \"" + text + "\"");
}

json shares(const std::string& flag, const std::string& text) {
  if (text == "low" || text == "normal" || text == "high") return {{"level", text}};
  return {{"number", number(flag, text)}};
}

// "8GB", "512MiB", "2048" (MB) -> {value, units}
json size(const std::string& flag, const std::string& text, const char* defaultUnits) {
  long long value = 0;
  const char* end = text.data() + text.size();
  auto [p, ec] = std::from_chars(text.data(), end, value);
  const bool digitFirst = !text.empty() && std::isdigit(static_cast<unsigned char>(text[0]));
  while (ec == std::errc() && p != end && std::isspace(static_cast<unsigned char>(*p)))
    ++p;
  const std::string units(p, end);
  if (!digitFirst || ec != std::errc() ||
      !std::all_of(units.begin(), units.end(), [](unsigned char c) { return std::isalpha(c); }))
    throw UsageError("--" + flag + " needs a size such as 8GB, not \"" + text + "\"");
  return {{"value", value}, {"units", units.empty() ? std::string(defaultUnits) : units}};
}

// "dest1,dest2:gateway" -> {address, routing_destinations}
json gateway(const std::string& text) {
  auto colon = text.rfind(':');
  json g{{"address", colon == std::string::npos ? text : text.substr(colon + 1)}};
  if (colon != std::string::npos) {
    std::stringstream dests(text.substr(0, colon));
    for (std::string d; std::getline(dests, d, ',');)
      if (!d.empty()) g["routing_destinations"].push_back(d);
  }
  return g;
}

std::pair<std::string, std::string> splitLast(const std::string& flag, const std::string& text) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
    throw UsageError("--" + flag + " needs the form <port group>:<value>, not \"" + text + "\"");
  return {text.substr(0, colon), text.substr(colon + 1)};
}

json& containerNetwork(json& body, const std::string& portGroup) {
  for (auto& n : body["network"]["container"])
    if (n["port_group"]["name"] == portGroup) return n;
  body["network"]["container"].push_back({{"port_group", {{"name", portGroup}}}});
  return body["network"]["container"].back();
}

void role(const Args& a, json& body, const std::string& name) {
  const std::string base = name + "-network";
  if (a.has(base)) body["network"][name]["port_group"] = {{"name", a.get(base)}};
  if (a.has(base + "-ip")) body["network"][name]["static"] = a.get(base + "-ip");
  if (a.has(base + "-gateway"))
    body["network"][name]["gateway"] = gateway(a.get(base + "-gateway"));
}

}  // namespace

void addCreateFlags(Poco::Util::OptionSet& o) {
  o.addOption(arg("name", "VCH name (default virtual-container-host)", "name"));
  o.addOption(arg("compute-resource",
                  "cluster, host or resource pool: name, inventory path or Type:id", "path"));
  o.addOption(flag("affinity-vm-group", "put the VCH's VMs in a DRS VM group"));
  o.addOption(arg("image-store", "datastore[/folder] for images", "datastore"));
  o.addOption(arg("base-image-size", "size of container VMs' base image, such as 8GB", "size"));
  o.addOption(arg("bridge-network", "port group for container traffic, used by nothing else",
                  "port group"));
  o.addOption(
      arg("bridge-network-range", "IP range of bridge networks (default 172.16.0.0/12)", "cidr"));
  o.addOption(
      arg("bridge-network-width", "prefix length of each bridge network (default 16)", "bits"));
  for (const char* r : {"public", "client", "management"}) {
    const std::string n = r;
    o.addOption(
        Option(n + "-network", "", "port group of the " + n + " network").argument("port group"));
    o.addOption(Option(n + "-network-ip", "", "static address of the " + n + " network")
                    .argument("ip/prefix"));
    o.addOption(
        Option(n + "-network-gateway", "",
               "gateway, with routing destinations dest1,dest2:gw for client and management")
            .argument("gateway"));
  }
  o.addOption(arg("tls-cname", "common name of the generated server certificate", "name"));
  o.addOption(many("organization", "organization of the generated certificates (repeat)", "org"));
  o.addOption(
      arg("certificate-key-size", "RSA key size of generated certificates (default 2048)", "bits"));
  o.addOption(
      arg("key-algorithm", "rsa (default) or ecdsa for generated certificates", "algorithm"));
  o.addOption(Option("no-tlsverify", "K", "do not require client certificates"));
  o.addOption(flag("no-tls", "serve the Docker API without TLS (not recommended)"));
  o.addOption(arg("endpoint-cpu", "vCPUs of the endpoint VM (default 1)", "count"));
  o.addOption(arg("endpoint-memory", "memory of the endpoint VM in MB (default 2048)", "MB"));
  o.addOption(
      arg("container-name-convention", "name of container VMs, with {id} or {name}", "pattern"));
  o.addOption(
      arg("cert-path", "where to write the generated certificates (default ./<name>)", "dir"));
  addMutable(o);
}

void addConfigureFlags(Poco::Util::OptionSet& o) {
  addMutable(o);
}

void applyFlags(const Args& a, json& body) {
  if (a.has("name")) body["name"] = a.get("name");
  if (a.has("compute-resource"))
    body["compute"]["resource"] = {{"name", a.get("compute-resource")}};
  if (a.has("affinity-vm-group")) body["compute"]["affinity"]["use_vm_group"] = true;
  for (const char* kind : {"cpu", "memory"}) {
    const std::string k = kind;
    const char* units = k == "cpu" ? "MHz" : "MiB";
    if (a.has(k)) body["compute"][k]["limit"] = {{"value", number(k, a.get(k))}, {"units", units}};
    if (a.has(k + "-reservation"))
      body["compute"][k]["reservation"] = {
          {"value", number(k + "-reservation", a.get(k + "-reservation"))}, {"units", units}};
    if (a.has(k + "-shares"))
      body["compute"][k]["shares"] = shares(k + "-shares", a.get(k + "-shares"));
  }
  if (a.has("image-store")) body["storage"]["image_stores"] = {a.get("image-store")};
  for (const auto& v : a.all("volume-store")) {
    auto [store, label] = splitLast("volume-store", v);
    body["storage"]["volume_stores"].push_back({{"datastore", store}, {"label", label}});
  }
  if (a.has("base-image-size"))
    body["storage"]["base_image_size"] = size("base-image-size", a.get("base-image-size"), "MB");

  if (a.has("bridge-network"))
    body["network"]["bridge"]["port_group"] = {{"name", a.get("bridge-network")}};
  if (a.has("bridge-network-range"))
    body["network"]["bridge"]["ip_range"] = a.get("bridge-network-range");
  if (a.has("bridge-network-width"))
    body["network"]["bridge"]["network_width"] =
        number("bridge-network-width", a.get("bridge-network-width"));
  for (const char* r : {"public", "client", "management"})
    role(a, body, r);
  if (!a.all("dns-server").empty()) body["network"]["public"]["nameservers"] = a.all("dns-server");
  for (const auto& v : a.all("container-network")) {
    auto [pg, alias] = splitLast("container-network", v);
    containerNetwork(body, pg)["alias"] = alias;
  }
  for (const auto& v : a.all("container-network-gateway")) {
    auto [pg, cidr] = splitLast("container-network-gateway", v);
    containerNetwork(body, pg)["gateway"] = {{"address", cidr.substr(0, cidr.find('/'))},
                                             {"routing_destinations", {cidr}}};
  }
  for (const auto& v : a.all("container-network-ip-range")) {
    auto [pg, range] = splitLast("container-network-ip-range", v);
    containerNetwork(body, pg)["ip_ranges"].push_back(range);
  }
  for (const auto& v : a.all("container-network-dns")) {
    auto [pg, dns] = splitLast("container-network-dns", v);
    containerNetwork(body, pg)["nameservers"].push_back(dns);
  }
  for (const auto& v : a.all("container-network-firewall")) {
    auto [pg, policy] = splitLast("container-network-firewall", v);
    containerNetwork(body, pg)["firewall"] = policy;
  }

  if (a.has("no-tls")) body["auth"]["no_tls"] = true;
  if (a.has("no-tlsverify")) body["auth"]["client"]["no_tls_verify"] = true;
  for (const auto& f : a.all("tls-ca"))
    body["auth"]["client"]["certificate_authorities"].push_back({{"pem", readFile(f)}});
  if (a.has("tls-server-cert")) {
    body["auth"]["server"] = {{"certificate", {{"pem", readFile(a.get("tls-server-cert"))}}}};
    if (a.has("tls-server-key"))
      body["auth"]["server"]["private_key"] = {{"pem", readFile(a.get("tls-server-key"))}};
  } else if (a.has("tls-cname") || a.has("organization") || a.has("certificate-key-size") ||
             a.has("key-algorithm")) {
    json& g = body["auth"]["server"]["generate"];
    if (a.has("tls-cname")) g["cname"] = a.get("tls-cname");
    if (!a.all("organization").empty()) g["organization"] = a.all("organization");
    if (a.has("certificate-key-size"))
      g["size"] = {{"value", number("certificate-key-size", a.get("certificate-key-size"))},
                   {"units", "bit"}};
    if (a.has("key-algorithm")) g["algorithm"] = a.get("key-algorithm");
  }
  if (a.has("endpoint-cpu"))
    body["endpoint"]["cpu"]["sockets"] = number("endpoint-cpu", a.get("endpoint-cpu"));
  if (a.has("endpoint-memory"))
    body["endpoint"]["memory"] = {{"value", number("endpoint-memory", a.get("endpoint-memory"))},
                                  {"units", "MiB"}};
  if (a.has("ops-user") || a.has("ops-password") || a.has("ops-grant-perms")) {
    json& o = body["endpoint"]["operations_credentials"];
    if (a.has("ops-user")) o["user"] = a.get("ops-user");
    if (a.has("ops-password")) o["password"] = a.get("ops-password");
    if (a.has("ops-grant-perms")) o["grant_permissions"] = true;
  }
  if (!a.all("insecure-registry").empty())
    body["registry"]["insecure"] = a.all("insecure-registry");
  if (!a.all("whitelist-registry").empty())
    body["registry"]["whitelist"] = a.all("whitelist-registry");
  for (const auto& f : a.all("registry-ca"))
    body["registry"]["certificate_authorities"].push_back({{"pem", readFile(f)}});
  if (a.has("http-proxy")) body["registry"]["image_fetch_proxy"]["http"] = a.get("http-proxy");
  if (a.has("https-proxy")) body["registry"]["image_fetch_proxy"]["https"] = a.get("https-proxy");
  if (!a.all("no-proxy").empty())
    body["registry"]["image_fetch_proxy"]["no_proxy"] = a.all("no-proxy");
  if (a.has("syslog-address")) body["syslog_addr"] = a.get("syslog-address");
  if (a.has("debug")) body["debug"] = number("debug", a.get("debug"));
  if (a.has("container-name-convention"))
    body["container"]["name_convention"] = a.get("container-name-convention");
}

}  // namespace vic::cli
