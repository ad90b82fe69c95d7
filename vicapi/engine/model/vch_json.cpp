#include "vicapi/engine/model/vch_json.h"

#include "vicapi/engine/model/json_reader.h"
#include "vicapi/engine/validate/ipv4.h"

namespace vic::engine {

using nlohmann::json;

namespace {

// ---- reading

// A value of the right type that breaks a pattern, an enum or a format.
void shouldMatch(Issues& issues, const std::string& path, const std::string& advice,
                 const std::string& what) {
  issues.add(path, advice, {}, what);
}

void checkIpv4(Issues& issues, const std::string& path, const std::string& value) {
  if (!value.empty() && !parseIpv4(value))
    shouldMatch(issues, path, "\"" + value + "\" is not an IPv4 address", "format ipv4");
}

void checkCidr(Issues& issues, const std::string& path, const std::string& value) {
  if (!value.empty() && !parseCidr(value))
    shouldMatch(issues, path,
                "\"" + value + "\" is not an address with its prefix length, such as 10.0.0.0/16",
                "format cidr");
}

void checkEach(Issues& issues, const JsonReader& parent, const std::string& key,
               const std::vector<std::string>& values,
               void (*check)(Issues&, const std::string&, const std::string&)) {
  for (std::size_t i = 0; i < values.size(); ++i)
    check(issues, parent.pathOf(key) + "[" + std::to_string(i) + "]", values[i]);
}

std::optional<Quantity> readQuantity(const JsonReader& parent, const std::string& key,
                                     Dimension d) {
  auto r = parent.object(key);
  if (!r) return std::nullopt;
  auto value = r->integer("value");
  auto units = r->string("units");
  if (!r->has("value")) r->issues().add(r->pathOf("value"), "is required");
  if (!units) {
    if (!r->has("units")) r->issues().add(r->pathOf("units"), "is required (" + unitsList(d) + ")");
    return std::nullopt;
  }
  if (!knownUnits(d, *units)) {
    shouldMatch(r->issues(), r->pathOf("units"),
                "\"" + *units + "\" is not a unit here; use " + unitsList(d),
                "one of [" + unitsList(d) + "]");
    return std::nullopt;
  }
  if (!value) return std::nullopt;
  return Quantity{*value, *units};
}

ObjectRef readRef(const JsonReader& parent, const std::string& key) {
  ObjectRef ref;
  auto r = parent.object(key);
  if (!r) return ref;
  ref.id = r->string("id").value_or("");
  ref.name = r->string("name").value_or("");
  // Both may be given, as inspect returns them; validation checks that they agree.
  return ref;
}

std::optional<Shares> readShares(const JsonReader& parent, const std::string& key) {
  auto r = parent.object(key);
  if (!r) return std::nullopt;
  Shares s;
  s.level = r->string("level").value_or("");
  if (auto n = r->integer("number")) s.number = static_cast<int>(*n);
  if (!s.level.empty() && s.number)
    r->issues().add(r->path(), "give either level or number, not both");
  if (!s.level.empty() && s.level != "low" && s.level != "normal" && s.level != "high")
    shouldMatch(r->issues(), r->pathOf("level"), "must be low, normal or high",
                "one of [high normal low]");
  return s;
}

ResourceSettings readResources(const JsonReader& parent, const std::string& key, Dimension d) {
  ResourceSettings out;
  auto r = parent.object(key);
  if (!r) return out;
  out.limit = readQuantity(*r, "limit", d);
  out.reservation = readQuantity(*r, "reservation", d);
  out.shares = readShares(*r, "shares");
  return out;
}

std::vector<std::string> readStrings(const JsonReader& parent, const std::string& key) {
  std::vector<std::string> out;
  parent.each(key, [&](const JsonReader& e) {
    if (auto s = e.asString()) out.push_back(*s);
  });
  return out;
}

// X509_Data: {pem}
std::optional<std::string> readPem(const JsonReader& r) {
  if (!r.isObject()) {
    r.issues().add(r.path(), "must be an object with a pem member", IssueCode::WrongType);
    return std::nullopt;
  }
  auto pem = r.string("pem", JsonReader::kMaxPemLength);
  if (!pem) {
    r.issues().add(r.pathOf("pem"), "is required");
  } else if (const auto begin = pem->find("-----BEGIN ");
             begin == std::string::npos || pem->find("-----END ", begin) == std::string::npos) {
    shouldMatch(r.issues(), r.pathOf("pem"),
                "is not PEM: paste the text from -----BEGIN ...----- to -----END ...-----",
                "'-----BEGIN [A-Z ]+-----...-----END [A-Z ]+-----'");
  }
  return pem;
}

std::vector<std::string> readPems(const JsonReader& parent, const std::string& key) {
  std::vector<std::string> out;
  parent.each(key, [&](const JsonReader& e) {
    if (auto p = readPem(e)) out.push_back(*p);
  });
  return out;
}

std::optional<Gateway> readGateway(const JsonReader& parent) {
  auto r = parent.object("gateway");
  if (!r) return std::nullopt;
  Gateway g;
  g.address = r->string("address").value_or("");
  checkIpv4(r->issues(), r->pathOf("address"), g.address);
  g.routingDestinations = readStrings(*r, "routing_destinations");
  checkEach(r->issues(), *r, "routing_destinations", g.routingDestinations, checkCidr);
  return g;
}

std::optional<RoleNetwork> readRole(const JsonReader& parent, const std::string& key) {
  auto r = parent.object(key);
  if (!r) return std::nullopt;
  RoleNetwork n;
  n.portGroup = readRef(*r, "port_group");
  // The 1.5.0 wizard sent {"ip": "..."}; later ones a CIDR string. Take both.
  if (r->hasObject("static"))
    n.staticAddress = r->object("static")->string("ip").value_or("");
  else
    n.staticAddress = r->string("static").value_or("");
  checkCidr(r->issues(), r->pathOf("static"), n.staticAddress);
  n.gateway = readGateway(*r);
  n.nameservers = readStrings(*r, "nameservers");
  checkEach(r->issues(), *r, "nameservers", n.nameservers, checkIpv4);
  return n;
}

bool startsWith(const std::string& s, std::string_view prefix) {
  return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

Vch vchFromJson(const json& body, Issues& issues) {
  Vch v;
  JsonReader root(body, "", issues);
  if (!body.is_object()) {
    issues.add("", "the body must be a JSON object describing the VCH", IssueCode::WrongType);
    return v;
  }
  v.version = root.string("version").value_or("");
  v.name = root.string("name").value_or("");
  if (auto d = root.integer("debug")) v.debug = static_cast<int>(*d);
  v.syslogAddr = root.string("syslog_addr").value_or("");
  if (!v.syslogAddr.empty() && !startsWith(v.syslogAddr, "tcp://") &&
      !startsWith(v.syslogAddr, "udp://"))
    shouldMatch(issues, "syslog_addr",
                "give tcp:// or udp:// and the host, such as tcp://logs.example.com:514",
                "'^(tc|ud)p://.*'");

  if (auto c = root.object("compute")) {
    v.compute.resource = readRef(*c, "resource");
    v.compute.cpu = readResources(*c, "cpu", Dimension::Hertz);
    v.compute.memory = readResources(*c, "memory", Dimension::Bytes);
    if (auto a = c->object("affinity"))
      v.compute.useVmGroup = a->boolean("use_vm_group").value_or(false);
    v.compute.vapp = c->boolean("vapp").value_or(false);
  }

  if (auto n = root.object("network")) {
    if (auto b = n->object("bridge")) {
      BridgeNetwork bridge;
      bridge.portGroup = readRef(*b, "port_group");
      bridge.ipRange = b->string("ip_range").value_or("");
      if (!bridge.ipRange.empty() && !parseCidr(bridge.ipRange))
        shouldMatch(issues, b->pathOf("ip_range"),
                    "Error parsing bridge network ip range \"" + bridge.ipRange +
                        "\": give a network with its prefix length, such as 172.16.0.0/12",
                    "format cidr");
      if (auto w = b->integer("network_width")) bridge.networkWidth = static_cast<int>(*w);
      v.network.bridge = bridge;
    }
    v.network.publicNet = readRole(*n, "public");
    v.network.client = readRole(*n, "client");
    v.network.management = readRole(*n, "management");
    n->each("container", [&](const JsonReader& e) {
      ContainerNetwork cn;
      cn.alias = e.string("alias").value_or("");
      cn.portGroup = readRef(e, "port_group");
      cn.gateway = readGateway(e);
      cn.ipRanges = readStrings(e, "ip_ranges");
      cn.nameservers = readStrings(e, "nameservers");
      checkEach(issues, e, "nameservers", cn.nameservers, checkIpv4);
      cn.firewall = e.string("firewall").value_or("");
      static const char* const kPolicies[] = {"closed", "outbound", "peers", "published", "open"};
      if (!cn.firewall.empty() &&
          std::find(std::begin(kPolicies), std::end(kPolicies), cn.firewall) == std::end(kPolicies))
        shouldMatch(issues, e.pathOf("firewall"),
                    "must be closed, outbound, peers, published or open",
                    "one of [closed outbound peers published open]");
      v.network.container.push_back(std::move(cn));
    });
  }

  if (auto s = root.object("storage")) {
    v.storage.imageStores = readStrings(*s, "image_stores");
    s->each("volume_stores", [&](const JsonReader& e) {
      v.storage.volumeStores.push_back(
          {e.string("datastore").value_or(""), e.string("label").value_or("")});
    });
    v.storage.baseImageSize = readQuantity(*s, "base_image_size", Dimension::Bytes);
  }

  if (auto a = root.object("auth")) {
    v.auth.noTls = a->boolean("no_tls").value_or(false);
    if (auto c = a->object("client")) {
      v.auth.noTlsVerify = c->boolean("no_tls_verify").value_or(false);
      v.auth.clientCas = readPems(*c, "certificate_authorities");
    }
    if (auto s = a->object("server")) {
      if (auto g = s->object("generate")) {
        GenerateCertificate gen;
        gen.size = readQuantity(*g, "size", Dimension::Bits);
        gen.organization = readStrings(*g, "organization");
        gen.cname = g->string("cname").value_or("");
        gen.algorithm = g->string("algorithm").value_or("");
        if (!gen.algorithm.empty() && gen.algorithm != "rsa" && gen.algorithm != "ecdsa")
          shouldMatch(issues, g->pathOf("algorithm"), "must be rsa or ecdsa", "one of [rsa ecdsa]");
        v.auth.generate = gen;
      }
      if (auto c = s->object("certificate")) v.auth.serverCertificate = readPem(*c).value_or("");
      if (auto k = s->object("private_key"))
        v.auth.serverPrivateKey = Secret(readPem(*k).value_or(""));
    }
  }

  if (auto e = root.object("endpoint")) {
    v.endpoint.memory = readQuantity(*e, "memory", Dimension::Bytes);
    if (auto cpu = e->object("cpu"))
      if (auto sockets = cpu->integer("sockets"))
        v.endpoint.cpuSockets = static_cast<int>(*sockets);
    if (auto o = e->object("operations_credentials")) {
      OperationsCredentials creds;
      creds.user = o->string("user").value_or("");
      creds.password = Secret(o->string("password").value_or(""));
      creds.grantPermissions = o->boolean("grant_permissions").value_or(false);
      v.endpoint.operationsCredentials = std::move(creds);
    }
  }

  if (auto r = root.object("registry")) {
    v.registry.insecure = readStrings(*r, "insecure");
    v.registry.whitelist = readStrings(*r, "whitelist");
    v.registry.certificateAuthorities = readPems(*r, "certificate_authorities");
    if (auto p = r->object("image_fetch_proxy")) {
      ImageFetchProxy proxy;
      proxy.http = p->string("http").value_or("");
      proxy.https = p->string("https").value_or("");
      proxy.noProxy = readStrings(*p, "no_proxy");
      v.registry.imageFetchProxy = proxy;
    }
  }

  if (auto c = root.object("container")) {
    v.nameConvention = c->string("name_convention").value_or("");
    if (!v.nameConvention.empty() && v.nameConvention.find("{id}") == std::string::npos &&
        v.nameConvention.find("{name}") == std::string::npos)
      shouldMatch(issues, "container.name_convention",
                  "must contain {id} or {name}, such as \"vch-{name}\"",
                  "'^.*(\\{id\\}|\\{name\\}).*'");
  }
  return v;
}

// ---- writing

namespace {

json quantity(const Quantity& q) {
  return json{{"value", q.value}, {"units", q.units}};
}

json ref(const ObjectRef& r) {
  json j = json::object();
  if (!r.id.empty()) j["id"] = r.id;
  if (!r.name.empty()) j["name"] = r.name;
  return j;
}

json resources(const ResourceSettings& r) {
  json j = json::object();
  if (r.limit) j["limit"] = quantity(*r.limit);
  if (r.reservation) j["reservation"] = quantity(*r.reservation);
  if (r.shares) {
    json s = json::object();
    if (!r.shares->level.empty()) s["level"] = r.shares->level;
    if (r.shares->number) s["number"] = *r.shares->number;
    j["shares"] = s;
  }
  return j;
}

json gateway(const Gateway& g) {
  json j{{"address", g.address}};
  if (!g.routingDestinations.empty()) j["routing_destinations"] = g.routingDestinations;
  return j;
}

json role(const RoleNetwork& n) {
  json j{{"port_group", ref(n.portGroup)}};
  if (!n.staticAddress.empty()) j["static"] = n.staticAddress;
  if (n.gateway) j["gateway"] = gateway(*n.gateway);
  if (!n.nameservers.empty()) j["nameservers"] = n.nameservers;
  return j;
}

json pems(const std::vector<std::string>& list) {
  json a = json::array();
  for (const auto& p : list)
    a.push_back(json{{"pem", p}});
  return a;
}

void putIfNotEmpty(json& j, const char* key, const json& value) {
  if (!value.empty()) j[key] = value;
}

}  // namespace

json vchToJson(const Vch& v, bool withRuntime) {
  json j = json::object();
  if (!v.version.empty()) j["version"] = v.version;
  j["name"] = v.name;
  if (v.debug) j["debug"] = *v.debug;

  json compute{{"resource", ref(v.compute.resource)}};
  putIfNotEmpty(compute, "cpu", resources(v.compute.cpu));
  putIfNotEmpty(compute, "memory", resources(v.compute.memory));
  if (v.compute.useVmGroup) compute["affinity"] = json{{"use_vm_group", true}};
  if (v.compute.vapp) compute["vapp"] = true;
  j["compute"] = compute;

  json network = json::object();
  if (v.network.bridge) {
    json b{{"port_group", ref(v.network.bridge->portGroup)},
           {"ip_range", v.network.bridge->ipRange}};
    if (v.network.bridge->networkWidth) b["network_width"] = *v.network.bridge->networkWidth;
    network["bridge"] = b;
  }
  if (v.network.publicNet) network["public"] = role(*v.network.publicNet);
  if (v.network.client) network["client"] = role(*v.network.client);
  if (v.network.management) network["management"] = role(*v.network.management);
  for (const auto& c : v.network.container) {
    json cj{{"alias", c.alias}, {"port_group", ref(c.portGroup)}};
    if (c.gateway) cj["gateway"] = gateway(*c.gateway);
    if (!c.ipRanges.empty()) cj["ip_ranges"] = c.ipRanges;
    if (!c.nameservers.empty()) cj["nameservers"] = c.nameservers;
    if (!c.firewall.empty()) cj["firewall"] = c.firewall;
    network["container"].push_back(cj);
  }
  putIfNotEmpty(j, "network", network);

  json storage = json::object();
  if (!v.storage.imageStores.empty()) storage["image_stores"] = v.storage.imageStores;
  for (const auto& s : v.storage.volumeStores)
    storage["volume_stores"].push_back(json{{"datastore", s.datastore}, {"label", s.label}});
  if (v.storage.baseImageSize) storage["base_image_size"] = quantity(*v.storage.baseImageSize);
  putIfNotEmpty(j, "storage", storage);

  json auth = json::object();
  if (v.auth.noTls) auth["no_tls"] = true;
  json client = json::object();
  if (v.auth.noTlsVerify) client["no_tls_verify"] = true;
  if (!v.auth.clientCas.empty()) client["certificate_authorities"] = pems(v.auth.clientCas);
  putIfNotEmpty(auth, "client", client);
  json server = json::object();
  if (v.auth.generate) {
    json g = json::object();
    if (v.auth.generate->size) g["size"] = quantity(*v.auth.generate->size);
    if (!v.auth.generate->organization.empty()) g["organization"] = v.auth.generate->organization;
    if (!v.auth.generate->cname.empty()) g["cname"] = v.auth.generate->cname;
    if (!v.auth.generate->algorithm.empty()) g["algorithm"] = v.auth.generate->algorithm;
    server["generate"] = g;
  }
  if (!v.auth.serverCertificate.empty())
    server["certificate"] = json{{"pem", v.auth.serverCertificate}};
  putIfNotEmpty(auth, "server", server);
  putIfNotEmpty(j, "auth", auth);

  json endpoint = json::object();
  if (v.endpoint.memory) endpoint["memory"] = quantity(*v.endpoint.memory);
  if (v.endpoint.cpuSockets) endpoint["cpu"] = json{{"sockets", *v.endpoint.cpuSockets}};
  if (v.endpoint.operationsCredentials) {
    json o{{"user", v.endpoint.operationsCredentials->user}};
    if (v.endpoint.operationsCredentials->grantPermissions) o["grant_permissions"] = true;
    endpoint["operations_credentials"] = o;
  }
  putIfNotEmpty(j, "endpoint", endpoint);

  json registry = json::object();
  if (!v.registry.insecure.empty()) registry["insecure"] = v.registry.insecure;
  if (!v.registry.whitelist.empty()) registry["whitelist"] = v.registry.whitelist;
  if (!v.registry.certificateAuthorities.empty())
    registry["certificate_authorities"] = pems(v.registry.certificateAuthorities);
  if (v.registry.imageFetchProxy) {
    json p = json::object();
    if (!v.registry.imageFetchProxy->http.empty()) p["http"] = v.registry.imageFetchProxy->http;
    if (!v.registry.imageFetchProxy->https.empty()) p["https"] = v.registry.imageFetchProxy->https;
    if (!v.registry.imageFetchProxy->noProxy.empty())
      p["no_proxy"] = v.registry.imageFetchProxy->noProxy;
    registry["image_fetch_proxy"] = p;
  }
  putIfNotEmpty(j, "registry", registry);

  if (!v.syslogAddr.empty()) j["syslog_addr"] = v.syslogAddr;
  if (!v.nameConvention.empty()) j["container"] = json{{"name_convention", v.nameConvention}};

  if (withRuntime) {
    json rt = json::object();
    if (!v.runtime.powerState.empty()) rt["power_state"] = v.runtime.powerState;
    if (!v.runtime.upgradeStatus.empty()) rt["upgrade_status"] = v.runtime.upgradeStatus;
    if (!v.runtime.adminPortal.empty()) rt["admin_portal"] = v.runtime.adminPortal;
    if (!v.runtime.dockerHost.empty()) rt["docker_host"] = v.runtime.dockerHost;
    j["runtime"] = rt;
  }
  return j;
}

nlohmann::json issuesToJson(const Issues& issues) {
  nlohmann::json a = nlohmann::json::array();
  for (const auto& i : issues.list())
    a.push_back({{"path", i.path}, {"message", i.message}});
  for (std::size_t n = 0; n < issues.list().size(); ++n) {
    const auto& i = issues.list()[n];
    if (!i.expected.empty()) a[n]["expected"] = i.expected;
    if (i.code != IssueCode::None) a[n]["code"] = issueCodeName(i.code);
  }
  if (issues.unlisted())
    a.push_back({{"path", ""},
                 {"message", std::to_string(issues.unlisted()) + " more problems, not listed"}});
  return a;
}

}  // namespace vic::engine
