#include <boost/test/unit_test.hpp>

#include "vicapi/engine/model/units.h"
#include "vicapi/engine/model/vch_json.h"

using namespace vic::engine;
using nlohmann::json;

namespace {

bool hasIssue(const Issues& issues, const std::string& path, const std::string& text) {
  for (const auto& i : issues.list())
    if (i.path == path && i.text().find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(vch_model)

BOOST_AUTO_TEST_CASE(units_convert_like_the_original) {
  BOOST_TEST(*toMHz({2, "GHz"}) == 2000);
  BOOST_TEST(*toMHz({1500, "KHz"}) == 2);  // rounded up
  BOOST_TEST(*toMHz({1, "Hz"}) == 1);
  BOOST_TEST(*toMiB({1, "GiB"}) == 1024);
  BOOST_TEST(*toMiB({1, "B"}) == 1);
  BOOST_TEST(*toMiB({1000000, "KB"}) == 954);  // decimal units are accepted too
  BOOST_TEST(*toKB({8, "GB"}) == 8000000);
  BOOST_TEST(*toKB({8, "GiB"}) == 8589935);
  BOOST_TEST(*toBits({2048, "bit"}) == 2048);
  BOOST_TEST(*toBits({2048, "bits"}) == 2048);  // what VIC's own tests sent
  BOOST_TEST(!toMHz({1, "MB"}).has_value());
  BOOST_TEST(!toMiB({1, "GHz"}).has_value());
}

BOOST_AUTO_TEST_CASE(a_full_body_round_trips_without_secrets) {
  json body = {
      {"name", "vch-1"},
      {"debug", 2},
      {"compute",
       {{"resource", {{"id", "domain-c7"}}},
        {"cpu", {{"limit", {{"value", 4}, {"units", "GHz"}}}, {"shares", {{"level", "high"}}}}},
        {"memory",
         {{"reservation", {{"value", 512}, {"units", "MiB"}}}, {"shares", {{"number", 4000}}}}},
        {"affinity", {{"use_vm_group", true}}}}},
      {"network",
       {{"bridge",
         {{"port_group", {{"name", "bridge-pg"}}},
          {"ip_range", "172.16.0.0/12"},
          {"network_width", 16}}},
        {"public",
         {{"port_group", {{"name", "VM Network"}}},
          {"static", "10.0.0.5/24"},
          {"gateway", {{"address", "10.0.0.1"}}},
          {"nameservers", {"10.0.0.2"}}}},
        {"container",
         {{{"alias", "net1"},
           {"port_group", {{"name", "pg1"}}},
           {"firewall", "open"},
           {"ip_ranges", {"10.2.0.10-10.2.0.20"}},
           {"gateway", {{"address", "10.2.0.1"}, {"routing_destinations", {"10.2.0.0/16"}}}}}}}}},
      {"storage",
       {{"image_stores", {"ds://ds1/vch"}},
        {"volume_stores", {{{"datastore", "ds://ds1/v"}, {"label", "default"}}}},
        {"base_image_size", {{"value", 8}, {"units", "GB"}}}}},
      {"auth",
       {{"server",
         {{"certificate",
           {{"pem", "-----BEGIN CERTIFICATE-----\nCERT\n-----END CERTIFICATE-----\n"}}},
          {"private_key",
           {{"pem", "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n"}}}}},
        {"client",
         {{"certificate_authorities",
           {{{"pem", "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n"}}}}}}}},
      {"endpoint",
       {{"memory", {{"value", 4096}, {"units", "MiB"}}},
        {"cpu", {{"sockets", 2}}},
        {"operations_credentials",
         {{"user", "ops"}, {"password", "s3cret"}, {"grant_permissions", true}}}}},
      {"registry",
       {{"insecure", {"reg:5000"}},
        {"whitelist", {"*.example.com"}},
        {"certificate_authorities",
         {{{"pem", "-----BEGIN CERTIFICATE-----\nRCA\n-----END CERTIFICATE-----\n"}}}},
        {"image_fetch_proxy", {{"http", "http://proxy:3128"}, {"no_proxy", {"local"}}}}}},
      {"syslog_addr", "tcp://logs:514"},
      {"container", {{"name_convention", "vch-{name}"}}},
  };
  Issues issues;
  Vch v = vchFromJson(body, issues);
  BOOST_TEST(issues.empty(), issues.summary());
  BOOST_TEST(v.auth.serverPrivateKey.reveal() ==
             "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n");
  BOOST_TEST(v.endpoint.operationsCredentials->password.reveal() == "s3cret");
  json out = vchToJson(v, false);
  const std::string text = out.dump();
  BOOST_TEST(text.find("KEY\"") == std::string::npos);
  BOOST_TEST(text.find("s3cret") == std::string::npos);
  // Everything else comes back as it was given.
  json expected = body;
  expected["auth"]["server"].erase("private_key");
  expected["endpoint"]["operations_credentials"].erase("password");
  BOOST_TEST(out == expected, out.dump() << "\nvs\n" << expected.dump());
}

BOOST_AUTO_TEST_CASE(schema_problems_carry_their_paths) {
  struct Case {
    json body;
    std::string path;
    std::string text;
  };
  const std::vector<Case> cases = {
      {{{"name", 5}}, "name", "must be a string"},
      {{{"debug", "high"}}, "debug", "must be an integer"},
      {{{"auth", {{"no_tls", "yes"}}}}, "auth.no_tls", "must be true or false"},
      {{{"compute", {{"cpu", {{"limit", {{"value", 1}, {"units", "MB"}}}}}}}},
       "compute.cpu.limit.units",
       "is not a unit here"},
      {{{"compute", {{"memory", {{"limit", {{"units", "MiB"}}}}}}}},
       "compute.memory.limit.value",
       "is required"},
      {{{"compute", {{"cpu", {{"shares", {{"level", "max"}}}}}}}},
       "compute.cpu.shares.level",
       "must be low, normal or high"},
      {{{"compute", {{"cpu", {{"shares", {{"level", "low"}, {"number", 5}}}}}}}},
       "compute.cpu.shares",
       "not both"},
      {{{"network", {{"container", {{{"firewall", "wide"}}}}}}},
       "network.container[0].firewall",
       "must be closed"},
      {{{"syslog_addr", "logs:514"}}, "syslog_addr", "syslog_addr in body should match"},
      {{{"auth", {{"server", {{"certificate", {{"pem", "not a certificate"}}}}}}}},
       "auth.server.certificate.pem",
       "pem in body should match"},
      {{{"network", {{"public", {{"nameservers", {"8.8.8.8", "dns.example.com"}}}}}}},
       "network.public.nameservers[1]",
       "nameservers[1] in body should match format ipv4"},
      {{{"network", {{"bridge", {{"ip_range", "172.16.0.0"}}}}}},
       "network.bridge.ip_range",
       "ip_range in body should match format cidr"},
      {{{"container", {{"name_convention", "vch"}}}},
       "container.name_convention",
       "must contain {id} or {name}"},
      {{{"auth", {{"client", {{"certificate_authorities", {{{"x", 1}}}}}}}}},
       "auth.client.certificate_authorities[0].pem",
       "is required"},
      {{{"auth", {{"server", {{"generate", {{"algorithm", "dsa"}}}}}}}},
       "auth.server.generate.algorithm",
       "rsa or ecdsa"},
      {{{"storage", {{"image_stores", "ds://x"}}}}, "storage.image_stores", "must be a list"},
      {{{"network", 7}}, "network", "must be an object"},
      {json::array(), "", "must be a JSON object"},
  };
  for (const auto& k : cases) {
    Issues issues;
    vchFromJson(k.body, issues);
    BOOST_TEST(hasIssue(issues, k.path, k.text), k.body.dump() << " -> " << issues.summary());
  }
}

BOOST_AUTO_TEST_CASE(the_1_5_0_wizards_static_object_is_accepted) {
  Issues issues;
  auto v = vchFromJson(
      {{"network",
        {{"client", {{"port_group", {{"name", "c"}}}, {"static", {{"ip", "10.0.0.9/24"}}}}}}}},
      issues);
  BOOST_TEST(issues.empty());
  BOOST_TEST(v.network.client->staticAddress == "10.0.0.9/24");
}

BOOST_AUTO_TEST_SUITE_END()
