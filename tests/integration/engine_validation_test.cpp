// Every validation rule, each checked for its JSON path and its message.
#include <boost/test/unit_test.hpp>

#include <functional>

#include "tests/support/engine_world.h"
#include "tests/support/simulator_fixture.h"
#include "vicapi/crypto/certificates.h"
#include "vicapi/engine/firewall.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/vim/property_collector.h"
#include "vicapi/vim/resource_spec.h"
#include "vicapi/vim/search_index.h"
#include "vicapi/vim/task.h"

using namespace vic;
using nlohmann::json;

namespace {

vim::Moref at(vim::Client& c, const std::string& path) {
  auto r = vim::SearchIndex(c).findByInventoryPath(path);
  if (!r) throw std::runtime_error("nothing at " + path);
  return *r;
}

vim::Moref propRef(vim::Client& c, const vim::Moref& obj, const std::string& prop) {
  return vim::Moref::from(*vim::PropertyCollector(c).retrieveOne(obj, {prop}).prop(prop));
}

soap::Node runTask(vim::Client& c, const vim::Moref& self, const std::string& method,
                   std::vector<soap::Node> args) {
  auto r = c.invoke(method, self, std::move(args));
  return vim::Task(c, vim::Moref::from(r.at("returnval")), method).wait();
}

// Objects the rules need that vcsim's default inventory lacks; made once.
void prepareWorld(vim::Client& c) {
  static bool done = false;
  if (done) return;
  done = true;
  test::allowVchFirewall(c);
  auto dir = test::SimulatorFixture::current().datastoreRoot() / "extra";
  std::filesystem::create_directories(dir / "lonely");
  std::filesystem::create_directories(dir / "h0");
  std::filesystem::create_directories(dir / "h1");
  auto addLocal = [&](const std::string& hostPath, const std::string& name,
                      const std::string& path) {
    auto ds = propRef(c, at(c, hostPath), "configManager.datastoreSystem");
    c.invoke("CreateLocalDatastore", ds, {soap::el("name", name), soap::el("path", path)});
  };
  addLocal("/DC0/host/DC0_H0/DC0_H0", "LonelyDS", (dir / "lonely").string());
  addLocal("/DC0/host/DC0_C0/DC0_C0_H0", "OnlyH0DS", (dir / "h0").string());
  addLocal("/DC0/host/DC0_C0/DC0_C0_H1", "OnlyH1DS", (dir / "h1").string());
  c.invoke("CreateResourcePool", at(c, "/DC0/host/DC0_C0/Resources"),
           {soap::el("name", "taken-pool"), vim::ResourceConfigSpec{}.node("spec")});
  c.invoke("CreateDatacenter", c.serviceContent().rootFolder, {soap::el("name", "DC-empty")});
  soap::Node spec = soap::typed("ClusterConfigSpecEx", soap::Node("spec"));
  spec.add(soap::el("drsConfig", {soap::boolEl("enabled", false)}));
  c.invoke("CreateClusterEx", at(c, "/DC0/host"), {soap::el("name", "NoDrsCluster"), spec});
  soap::Node group = soap::typed("ClusterConfigSpecEx", soap::Node("spec"));
  soap::Node info =
      soap::typed("ClusterVmGroup", soap::el("info", {soap::el("name", "taken-group")}));
  group.add(soap::el("groupSpec", {soap::el("operation", "add"), info}));
  runTask(c, at(c, "/DC0/host/DC0_C0"), "ReconfigureComputeResource_Task",
          {group, soap::boolEl("modify", true)});
  // A switch without hosts, and one that names DVS0's uplink port group as its uplink.
  auto network = at(c, "/DC0/network");
  auto dvsSpec = [](const std::string& name, std::vector<soap::Node> extra) {
    soap::Node cfg =
        soap::typed("VMwareDVSConfigSpec", soap::el("configSpec", {soap::el("name", name)}));
    for (auto& e : extra)
      cfg.add(std::move(e));
    return soap::el("spec", {cfg});
  };
  auto orphan =
      vim::Moref::from(runTask(c, network, "CreateDVS_Task", {dvsSpec("DVS-orphan", {})}));
  runTask(c, orphan, "AddDVPortgroup_Task",
          {soap::el("spec", {soap::el("name", "OrphanPG"), soap::el("type", "earlyBinding")})});
  runTask(
      c, network, "CreateDVS_Task",
      {dvsSpec("DVS-uplinks", {at(c, "/DC0/network/DVS0-DVUplinks-9").node("uplinkPortgroup")})});
}

std::string expiredCertificate(Secret& key) {
  crypto::CertificateRequest r;
  r.commonName = "old.example.com";
  r.validDays = -1;
  auto kc = crypto::selfSigned(r);
  key = kc.privateKeyPem;
  return kc.certificatePem;
}

struct Case {
  const char* rule;
  std::function<void(json&)> mutate;
  std::string path;
  std::string text;
  std::function<void(engine::ValidationOptions&)> options = {};
};

// Text in PEM's frame that is not what the frame says: past the schema, for the rules.
std::string framed(const std::string& label, const std::string& body) {
  return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
}

engine::Issues validate(vim::Client& c, const json& body, const engine::ValidationOptions& o) {
  engine::Issues schema;
  auto vch = engine::vchFromJson(body, schema);
  // A malformed address or range is refused by the schema, before any rule runs.
  if (!schema.empty()) return schema;
  engine::ResolvedVch out;
  return engine::validateVch(c, vch, o, out);
}

json byName(const std::string& name) {
  return {{"name", name}};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(engine_validation, *boost::unit_test::fixture<test::VcsimWithPassword>())

BOOST_AUTO_TEST_CASE(the_minimal_body_is_valid) {
  auto c = test::loggedInClient();
  prepareWorld(*c);
  auto issues = validate(*c, test::minimalVchBody("vch-valid"), test::validationOptions());
  BOOST_TEST(issues.empty(), issues.summary());
}

BOOST_AUTO_TEST_CASE(every_rule_reports_its_path_and_what_to_fix) {
  auto c = test::loggedInClient();
  prepareWorld(*c);
  Secret oldKey;
  const std::string oldCert = expiredCertificate(oldKey);
  crypto::CertificateRequest r1, r2;
  r1.commonName = "one";
  r2.commonName = "two";
  auto pair1 = crypto::selfSigned(r1);
  auto pair2 = crypto::selfSigned(r2);
  const std::string dcEmpty = at(*c, "/DC-empty").str();
  const std::string cluster = at(*c, "/DC0/host/DC0_C0").value;

  const std::vector<Case> cases = {
      // name and basics
      {"name required", [](json& b) { b["name"] = ""; }, "name", "is required"},
      {"name characters", [](json& b) { b["name"] = "vch/one"; }, "name",
       "contains the unsupported character '/'"},
      {"name length", [](json& b) { b["name"] = std::string(40, 'v'); }, "name",
       "length exceeds 31 characters"},
      {"name spaces", [](json& b) { b["name"] = "vch "; }, "name",
       "must not begin or end with a space"},
      {"name taken by a VM", [](json& b) { b["name"] = "DC0_H0_VM0"; }, "name",
       "a virtual machine named"},
      {"name taken by a pool", [](json& b) { b["name"] = "taken-pool"; }, "name",
       "resource pool /DC0/host/DC0_C0/Resources/taken-pool already exists"},
      {"version is the appliance's", [](json& b) { b["version"] = "v0.0.1-1-abcdef0"; }, "version",
       "invalid version: it is set by the appliance"},
      {"debug range", [](json& b) { b["debug"] = 7; }, "debug", "must be 0 (off) to 3"},
      {"syslog host", [](json& b) { b["syslog_addr"] = "udp://:514"; }, "syslog_addr",
       "names no host"},
      {"syslog port", [](json& b) { b["syslog_addr"] = "tcp://logs:99999"; }, "syslog_addr",
       "invalid port"},
      {"name convention length",
       [](json& b) {
         b["container"] = {{"name_convention", std::string(80, 'x') + "{id}"}};
       },
       "container.name_convention", "is too long"},
      // compute
      {"compute required", [](json& b) { b["compute"].erase("resource"); }, "compute.resource",
       "resource pool must be specified (by name or id)"},
      {"compute id unknown",
       [](json& b) {
         b["compute"]["resource"] = {{"id", "domain-c404"}};
       },
       "compute.resource.id", "no cluster, host or resource pool has the id"},
      {"compute name unknown", [](json& b) { b["compute"]["resource"] = byName("NoSuchCluster"); },
       "compute.resource.name", "was not found"},
      {"host inside a cluster", [](json& b) { b["compute"]["resource"] = byName("DC0_C0_H0"); },
       "compute.resource", "is in cluster DC0_C0"},
      {"compute outside the request's datacenter",
       [cluster](json& b) {
         b["compute"]["resource"] = {{"id", cluster}};
       },
       "compute.resource", "is not in the datacenter /DC-empty",
       [dcEmpty](engine::ValidationOptions& o) { o.datacenter = vim::Moref::parse(dcEmpty); }},
      {"compute without hosts", [](json& b) { b["compute"]["resource"] = byName("NoDrsCluster"); },
       "compute.resource", "has no hosts"},
      {"reservation above limit",
       [](json& b) {
         b["compute"]["cpu"] = {{"limit", {{"value", 1}, {"units", "GHz"}}},
                                {"reservation", {{"value", 2000}, {"units", "MHz"}}}};
       },
       "compute.cpu.reservation", "more than the limit of 1000 MHz"},
      {"negative limit",
       [](json& b) {
         b["compute"]["memory"] = {{"limit", {{"value", -5}, {"units", "MiB"}}}};
       },
       "compute.memory.limit", "must not be negative"},
      {"shares number",
       [](json& b) {
         b["compute"]["cpu"] = {{"shares", {{"number", 0}}}};
       },
       "compute.cpu.shares.number", "positive"},
      {"endpoint memory",
       [](json& b) {
         b["endpoint"] = {{"memory", {{"value", 256}, {"units", "MiB"}}}};
       },
       "endpoint.memory", "at least 512 MiB"},
      {"endpoint cpus",
       [](json& b) {
         b["endpoint"] = {{"cpu", {{"sockets", 0}}}};
       },
       "endpoint.cpu.sockets", "1 to 128"},
      {"vm group needs a cluster",
       [](json& b) {
         b["compute"]["resource"] = byName("DC0_H0");
         b["compute"]["affinity"] = {{"use_vm_group", true}};
       },
       "compute.affinity.use_vm_group", "need a cluster"},
      {"vm group name taken",
       [](json& b) {
         b["name"] = "taken-group";
         b["compute"]["affinity"] = {{"use_vm_group", true}};
       },
       "compute.affinity.use_vm_group", "already has a DRS group named \"taken-group\""},
      // storage
      {"image store required", [](json& b) { b["storage"]["image_stores"] = json::array(); },
       "storage.image_stores", "is required (datastore empty)"},
      {"one image store",
       [](json& b) { b["storage"]["image_stores"].push_back("ds://LocalDS_0/other"); },
       "storage.image_stores[1]", "only one image store"},
      {"image store unknown", [](json& b) { b["storage"]["image_stores"] = {"ds://NoSuchDS"}; },
       "storage.image_stores[0]", "was not found"},
      {"image store form", [](json& b) { b["storage"]["image_stores"] = {"nfs://host/path"}; },
       "storage.image_stores[0]", "is not a datastore"},
      {"image folder exists",
       [](json& b) { b["storage"]["image_stores"] = {"ds://LocalDS_0/DC0_H0_VM0"}; },
       "storage.image_stores[0]", "already exists"},
      {"datastore out of reach", [](json& b) { b["storage"]["image_stores"] = {"ds://LonelyDS"}; },
       "storage.image_stores[0]",
       "Datastore \"LonelyDS\" is not accessible by the compute resource"},
      {"no common host",
       [](json& b) {
         b["storage"]["image_stores"] = {"ds://OnlyH0DS"};
         b["storage"]["volume_stores"] = {
             {{"datastore", "ds://OnlyH1DS/vols"}, {"label", "default"}}};
       },
       "storage",
       "No single host can access all of the requested datastores. Installation cannot continue"},
      {"volume label required",
       [](json& b) {
         b["storage"]["volume_stores"] = {{{"datastore", "ds://LocalDS_0/v"}, {"label", ""}}};
       },
       "storage.volume_stores[0].label", "is required"},
      {"volume label characters",
       [](json& b) {
         b["storage"]["volume_stores"] = {{{"datastore", "ds://LocalDS_0/v"}, {"label", "a:b"}}};
       },
       "storage.volume_stores[0].label", "contains ':'"},
      {"volume labels unique",
       [](json& b) {
         b["storage"]["volume_stores"] = {{{"datastore", "ds://LocalDS_0/a"}, {"label", "x"}},
                                          {{"datastore", "ds://LocalDS_0/b"}, {"label", "x"}}};
       },
       "storage.volume_stores[1].label", "must be unique"},
      {"nfs volume path",
       [](json& b) {
         b["storage"]["volume_stores"] = {{{"datastore", "nfs://filer"}, {"label", "n"}}};
       },
       "storage.volume_stores[0].datastore", "needs a host and a path"},
      {"volume datastore unknown",
       [](json& b) {
         b["storage"]["volume_stores"] = {{{"datastore", "ds://Nope/v"}, {"label", "n"}}};
       },
       "storage.volume_stores[0].datastore", "was not found"},
      {"volumes outside the VCH folder",
       [](json& b) {
         b["storage"]["volume_stores"] = {
             {{"datastore", "ds://LocalDS_0/vch-rules/vols"}, {"label", "v"}}};
       },
       "storage.volume_stores[0].datastore", "is inside the VCH's folder"},
      {"base image size",
       [](json& b) {
         b["storage"]["base_image_size"] = {{"value", 0}, {"units", "GB"}};
       },
       "storage.base_image_size", "must be larger than zero"},
      // bridge
      {"bridge required", [](json& b) { b["network"].erase("bridge"); }, "network.bridge",
       "is required"},
      {"bridge port group required", [](json& b) { b["network"]["bridge"].erase("port_group"); },
       "network.bridge.port_group", "is required"},
      {"bridge distributed on vCenter",
       [](json& b) { b["network"]["bridge"]["port_group"] = byName("VM Network"); },
       "network.bridge.port_group", "is a standard port group"},
      {"bridge hosts", [](json& b) { b["network"]["bridge"]["port_group"] = byName("OrphanPG"); },
       "network.bridge.port_group", "are not members of \"OrphanPG\""},
      {"uplink port groups",
       [](json& b) { b["network"]["bridge"]["port_group"] = byName("DVS0-DVUplinks-9"); },
       "network.bridge.port_group", "is an uplink port group"},
      {"bridge range form", [](json& b) { b["network"]["bridge"]["ip_range"] = "172.16.0.0"; },
       "network.bridge.ip_range", "Error parsing bridge network ip range"},
      {"bridge range size", [](json& b) { b["network"]["bridge"]["ip_range"] = "172.16.0.0/24"; },
       "network.bridge.ip_range", "must be /16 or larger"},
      {"bridge width range", [](json& b) { b["network"]["bridge"]["network_width"] = 31; },
       "network.bridge.network_width", "must be 1 to 30"},
      {"bridge width fits", [](json& b) { b["network"]["bridge"]["network_width"] = 8; },
       "network.bridge.network_width", "do not fit in 172.16.0.0/12"},
      {"bridge is exclusive",
       [](json& b) {
         b["network"]["client"] = {{"port_group", byName("DC0_DVPG0")}};
       },
       "network.client.port_group", "is the bridge network"},
      // public, client, management
      {"public required", [](json& b) { b["network"].erase("public"); }, "network.public",
       "is required"},
      {"public port group unknown",
       [](json& b) { b["network"]["public"]["port_group"] = byName("NoNet"); },
       "network.public.port_group.name", "was not found"},
      {"static form", [](json& b) { b["network"]["public"]["static"] = "10.0.0.5"; },
       "network.public.static", "prefix length"},
      {"static host address",
       [](json& b) {
         b["network"]["public"]["static"] = "10.0.0.0/24";
         b["network"]["public"]["gateway"] = {{"address", "10.0.0.1"}};
       },
       "network.public.static", "is the network address"},
      {"public static needs gateway",
       [](json& b) { b["network"]["public"]["static"] = "10.0.0.5/24"; }, "network.public.gateway",
       "is required with a static public address"},
      {"gateway needs static",
       [](json& b) {
         b["network"]["client"] = {
             {"port_group", byName("DC0_DVPG1")},
             {"gateway", {{"address", "10.1.0.1"}, {"routing_destinations", {"10.9.0.0/16"}}}}};
       },
       "network.client.gateway", "Gateway provided without static IP for client network"},
      {"gateway address",
       [](json& b) {
         b["network"]["public"]["static"] = "10.0.0.5/24";
         b["network"]["public"]["gateway"] = {{"address", "10.0.0.x"}};
       },
       "network.public.gateway.address", "is not an IPv4 address"},
      {"gateway in subnet",
       [](json& b) {
         b["network"]["public"]["static"] = "10.0.0.5/24";
         b["network"]["public"]["gateway"] = {{"address", "10.0.1.1"}};
       },
       "network.public.gateway.address", "is outside 10.0.0.5/24"},
      {"public has the default route",
       [](json& b) {
         b["network"]["public"]["static"] = "10.0.0.5/24";
         b["network"]["public"]["gateway"] = {{"address", "10.0.0.1"},
                                              {"routing_destinations", {"10.8.0.0/16"}}};
       },
       "network.public.gateway.routing_destinations", "carries the default route"},
      {"client gateway needs destinations",
       [](json& b) {
         b["network"]["client"] = {{"port_group", byName("DC0_DVPG1")},
                                   {"static", "10.1.0.5/24"},
                                   {"gateway", {{"address", "10.1.0.1"}}}};
       },
       "network.client.gateway.routing_destinations",
       "give the networks reached through this gateway"},
      {"routing destination form",
       [](json& b) {
         b["network"]["client"] = {
             {"port_group", byName("DC0_DVPG1")},
             {"static", "10.1.0.5/24"},
             {"gateway", {{"address", "10.1.0.1"}, {"routing_destinations", {"10.9.0.0"}}}}};
       },
       "network.client.gateway.routing_destinations[0]", "should match format cidr"},
      {"shared port group shares the address",
       [](json& b) {
         b["network"]["client"] = {{"port_group", byName("VM Network")}, {"static", "10.2.0.5/24"}};
       },
       "network.client.static", "uses the public port group"},
      {"nameserver form", [](json& b) { b["network"]["public"]["nameservers"] = {"8.8.8.x"}; },
       "network.public.nameservers[0]", "is not an IPv4 address"},
      {"nameserver count",
       [](json& b) {
         b["network"]["public"]["nameservers"] = {"1.1.1.1", "1.0.0.1", "8.8.8.8", "8.8.4.4"};
       },
       "network.public.nameservers", "at most 3"},
      {"networks must not overlap",
       [](json& b) {
         b["network"]["client"] = {
             {"port_group", byName("DC0_DVPG1")},
             {"static", "172.16.5.10/16"},
             {"gateway", {{"address", "172.16.0.1"}, {"routing_destinations", {"10.9.0.0/16"}}}}};
       },
       "network.client.static", "overlaps network.bridge.ip_range"},
      // container networks
      {"container port group required",
       [](json& b) {
         b["network"]["container"] = {{{"alias", "c1"}}};
       },
       "network.container[0].port_group", "is required"},
      {"container off the bridge",
       [](json& b) {
         b["network"]["container"] = {{{"port_group", byName("DC0_DVPG0")}}};
       },
       "network.container[0].port_group", "is the bridge network"},
      {"container distributed on vCenter",
       [](json& b) {
         b["network"]["container"] = {{{"port_group", byName("VM Network")}}};
       },
       "network.container[0].port_group", "is a standard port group"},
      {"alias bridge reserved",
       [](json& b) {
         b["network"]["container"] = {{{"port_group", byName("DC0_DVPG1")}, {"alias", "bridge"}}};
       },
       "network.container[0].alias", "is reserved"},
      {"aliases unique",
       [](json& b) {
         b["network"]["container"] = {{{"port_group", byName("DC0_DVPG1")}, {"alias", "x"}},
                                      {{"port_group", byName("DC0_DVPG1")}, {"alias", "x"}}};
       },
       "network.container[1].alias", "must be unique"},
      {"container gateway destination count",
       [](json& b) {
         b["network"]["container"] = {
             {{"port_group", byName("DC0_DVPG1")},
              {"gateway",
               {{"address", "10.3.0.1"},
                {"routing_destinations", {"10.3.0.0/16", "10.4.0.0/16"}}}}}};
       },
       "network.container[0].gateway.routing_destinations", "exactly one network"},
      {"container gateway in subnet",
       [](json& b) {
         b["network"]["container"] = {
             {{"port_group", byName("DC0_DVPG1")},
              {"gateway", {{"address", "10.5.0.1"}, {"routing_destinations", {"10.3.0.0/16"}}}}}};
       },
       "network.container[0].gateway.address", "is outside 10.3.0.0/16"},
      {"container gateway routable",
       [](json& b) {
         b["network"]["container"] = {
             {{"port_group", byName("DC0_DVPG1")},
              {"gateway", {{"address", "10.3.0.0"}, {"routing_destinations", {"10.3.0.0/16"}}}}}};
       },
       "network.container[0].gateway.address", "not a routable gateway"},
      {"ip range form",
       [](json& b) {
         b["network"]["container"] = {
             {{"port_group", byName("DC0_DVPG1")},
              {"ip_ranges", {"10.3.0.9-"}},
              {"gateway", {{"address", "10.3.0.1"}, {"routing_destinations", {"10.3.0.0/16"}}}}}};
       },
       "network.container[0].ip_ranges[0]", "is not a range"},
      {"ip range needs gateway",
       [](json& b) {
         b["network"]["container"] = {
             {{"port_group", byName("DC0_DVPG1")}, {"ip_ranges", {"10.3.0.10-10.3.0.20"}}}};
       },
       "network.container[0].ip_ranges[0]", "needs a gateway"},
      {"ip range in subnet",
       [](json& b) {
         b["network"]["container"] = {
             {{"port_group", byName("DC0_DVPG1")},
              {"ip_ranges", {"10.4.0.10-10.4.0.20"}},
              {"gateway", {{"address", "10.3.0.1"}, {"routing_destinations", {"10.3.0.0/16"}}}}}};
       },
       "network.container[0].ip_ranges[0]", "is not inside the gateway's subnet"},
      {"ip ranges disjoint",
       [](json& b) {
         b["network"]["container"] = {
             {{"port_group", byName("DC0_DVPG1")},
              {"ip_ranges", {"10.3.0.10-10.3.0.20", "10.3.0.15/32"}},
              {"gateway", {{"address", "10.3.0.1"}, {"routing_destinations", {"10.3.0.0/16"}}}}}};
       },
       "network.container[0].ip_ranges[1]", "overlaps another range"},
      {"container subnets disjoint",
       [](json& b) {
         json gw = {{"address", "10.3.0.1"}, {"routing_destinations", {"10.3.0.0/16"}}};
         b["network"]["container"] = {
             {{"port_group", byName("DC0_DVPG1")}, {"alias", "a"}, {"gateway", gw}},
             {{"port_group", byName("DC0_DVPG1")}, {"alias", "b"}, {"gateway", gw}}};
       },
       "network.container[1].gateway", "overlaps network.container[0].gateway"},
      // security
      {"no TLS with a certificate", [](json& b) { b["auth"]["no_tls"] = true; }, "auth.no_tls",
       "TLS is off"},
      {"no TLS with client CAs",
       [&](json& b) {
         b["auth"] = {{"no_tls", true},
                      {"client", {{"certificate_authorities", {{{"pem", pair1.certificatePem}}}}}}};
       },
       "auth.client.certificate_authorities", "need TLS"},
      {"generate or supply",
       [&](json& b) {
         b["auth"]["server"]["certificate"] = {{"pem", pair1.certificatePem}};
         b["auth"]["server"]["private_key"] = {{"pem", pair1.privateKeyPem.reveal()}};
       },
       "auth.server.generate", "not both"},
      {"key needed",
       [&](json& b) {
         b["auth"]["server"] = {{"certificate", {{"pem", pair1.certificatePem}}}};
       },
       "auth.server.private_key", "is required with a certificate"},
      {"certificate needed",
       [&](json& b) {
         b["auth"]["server"] = {{"private_key", {{"pem", pair1.privateKeyPem.reveal()}}}};
       },
       "auth.server.certificate", "is required with a private key"},
      {"certificate form",
       [&](json& b) {
         b["auth"]["server"] = {{"certificate", {{"pem", framed("CERTIFICATE", "hello")}}},
                                {"private_key", {{"pem", pair1.privateKeyPem.reveal()}}}};
       },
       "auth.server.certificate", "block that does not parse"},
      {"key form",
       [&](json& b) {
         b["auth"]["server"] = {{"certificate", {{"pem", pair1.certificatePem}}},
                                {"private_key", {{"pem", framed("PRIVATE KEY", "nope")}}}};
       },
       "auth.server.private_key", "is not an unencrypted PEM key"},
      {"key pair",
       [&](json& b) {
         b["auth"]["server"] = {{"certificate", {{"pem", pair1.certificatePem}}},
                                {"private_key", {{"pem", pair2.privateKeyPem.reveal()}}}};
       },
       "auth.server.private_key", "does not belong to the certificate"},
      {"expired certificate",
       [&](json& b) {
         b["auth"]["server"] = {{"certificate", {{"pem", oldCert}}},
                                {"private_key", {{"pem", oldKey.reveal()}}}};
       },
       "auth.server.certificate", "expired on"},
      {"key size",
       [](json& b) {
         b["auth"]["server"]["generate"]["size"] = {{"value", 1024}, {"units", "bit"}};
       },
       "auth.server.generate.size", "is not a usable RSA key size"},
      {"unverified clients need no CA",
       [&](json& b) {
         b["auth"]["client"]["certificate_authorities"] = {{{"pem", pair1.certificatePem}}};
       },
       "auth.client.certificate_authorities", "would be ignored"},
      {"client CA form",
       [](json& b) {
         b["auth"]["client"] = {
             {"certificate_authorities",
              {{{"pem", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"}}}}};
       },
       "auth.client.certificate_authorities[0]", "does not parse"},
      // registries and proxies
      {"insecure registry",
       [](json& b) {
         b["registry"] = {{"insecure", {"bad registry"}}};
       },
       "registry.insecure[0]", "is not a registry address"},
      {"whitelist registry",
       [](json& b) {
         b["registry"] = {{"whitelist", {"*.*"}}};
       },
       "registry.whitelist[0]", "is not a registry address"},
      {"registry CA",
       [](json& b) {
         b["registry"] = {{"certificate_authorities", {{{"pem", framed("CERTIFICATE", "x")}}}}};
       },
       "registry.certificate_authorities[0]", "block that does not parse"},
      {"http proxy",
       [](json& b) {
         b["registry"] = {{"image_fetch_proxy", {{"http", "proxy:3128"}}}};
       },
       "registry.image_fetch_proxy.http", "http(s)://host[:port]"},
      {"https proxy",
       [](json& b) {
         b["registry"] = {{"image_fetch_proxy", {{"https", "ftp://proxy"}}}};
       },
       "registry.image_fetch_proxy.https", "http(s)://host[:port]"},
      {"no proxy entries",
       [](json& b) {
         b["registry"] = {{"image_fetch_proxy", {{"no_proxy", {"a.com, b.com"}}}}};
       },
       "registry.image_fetch_proxy.no_proxy[0]", "one host"},
      // operations user
      {"operations user required", [](json&) {}, "endpoint.operations_credentials", "are required",
       [](engine::ValidationOptions& o) { o.fallbackOperations.reset(); }},
      {"operations user name",
       [](json& b) {
         b["endpoint"] = {{"operations_credentials", {{"user", ""}, {"password", "x"}}}};
       },
       "endpoint.operations_credentials.user", "is required"},
      {"operations password",
       [](json& b) {
         b["endpoint"] = {{"operations_credentials", {{"user", "ops"}, {"password", ""}}}};
       },
       "endpoint.operations_credentials.password", "is required"},
      {"operations login",
       [](json& b) {
         b["endpoint"] = {
             {"operations_credentials", {{"user", test::kTestUser}, {"password", "wrong"}}}};
       },
       "endpoint.operations_credentials",
       "Failed to validate operations credentials: vCenter refused the login"},
  };

  auto options = test::validationOptions();
  for (const auto& k : cases) {
    BOOST_TEST_CONTEXT("rule: " << k.rule) {
      auto body = test::minimalVchBody("vch-rules");
      k.mutate(body);
      auto o = options;
      if (k.options) k.options(o);
      auto issues = validate(*c, body, o);
      bool found = false;
      for (const auto& i : issues.list())
        if (i.path == k.path && i.text().find(k.text) != std::string::npos) found = true;
      BOOST_TEST(found,
                 "expected \"" << k.path << ": ..." << k.text << "...\" in: " << issues.summary());
    }
  }
}

BOOST_AUTO_TEST_CASE(a_closed_firewall_is_reported_on_the_compute_resource) {
  auto c = test::loggedInClient();
  prepareWorld(*c);
  engine::setFirewall(*c, std::nullopt, false);
  auto issues = validate(*c, test::minimalVchBody("vch-fw"), test::validationOptions());
  engine::setFirewall(*c, std::nullopt, true);
  bool found = false;
  for (const auto& i : issues.list())
    found |= i.path == "compute.resource" &&
             i.message.find(
                 "Firewall must permit dst 2377/tcp outbound to the VCH management "
                 "interface") != std::string::npos &&
             i.message.find("blocks outbound TCP to port 2377") != std::string::npos;
  BOOST_TEST(found, issues.summary());
  BOOST_TEST(validate(*c, test::minimalVchBody("vch-fw"), test::validationOptions()).empty());
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_at_once) {
  auto c = test::loggedInClient();
  prepareWorld(*c);
  auto body = test::minimalVchBody("bad/name");
  body["network"]["bridge"]["ip_range"] = "10.0.0.0/30";
  body["storage"]["image_stores"] = {"ds://Missing"};
  body["syslog_addr"] = "udp://:1";
  auto issues = validate(*c, body, test::validationOptions());
  for (const char* path :
       {"name", "network.bridge.ip_range", "storage.image_stores[0]", "syslog_addr"})
    BOOST_TEST(issues.has(path), path << " missing from " << issues.summary());
}

BOOST_AUTO_TEST_SUITE_END()
