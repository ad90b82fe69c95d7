#include <boost/test/unit_test.hpp>

#include "vicapi/base/error.h"
#include "vicapi/engine/guestinfo/flatten.h"
#include "vicapi/engine/guestinfo/sealing.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/engine/model/vch_json.h"

using namespace vic;
using namespace vic::engine;
namespace gi = vic::engine::guestinfo;

BOOST_AUTO_TEST_SUITE(guestinfo)

BOOST_AUTO_TEST_CASE(json_flattens_to_keys_and_back) {
  nlohmann::json j = {{"name", "vch"},
                      {"debug", 2},
                      {"ok", true},
                      {"network",
                       {{"bridge", {{"ip_range", "172.16.0.0/12"}}},
                        {"container", {{{"alias", "a"}}, {{"alias", "b/c"}}}}}},
                      {"empty", nlohmann::json::array()}};
  auto kv = gi::flatten(j, "p/");
  BOOST_TEST(kv.at("p/name") == "\"vch\"");
  BOOST_TEST(kv.at("p/debug") == "2");
  BOOST_TEST(kv.at("p/network/container/1/alias") == "\"b/c\"");
  BOOST_TEST(kv.count("p/empty") == 0u);
  for (const auto& [k, v] : kv)
    BOOST_TEST(!v.empty());  // vCenter drops empty values
  kv["other"] = "ignored";
  auto back = gi::unflatten(kv, "p/");
  j.erase("empty");
  BOOST_TEST(back == j, back.dump());
}

BOOST_AUTO_TEST_CASE(keys_with_slashes_survive) {
  nlohmann::json j = {{"volume_stores", {{"a/b", "[ds] x"}}}};
  BOOST_TEST(gi::unflatten(gi::flatten(j, "q/"), "q/") == j);
}

BOOST_AUTO_TEST_CASE(secrets_are_sealed_and_open_only_with_their_key) {
  Secret key = gi::newSealingKey();
  std::string sealed = gi::seal(key, Secret("-----BEGIN PRIVATE KEY-----abc"));
  BOOST_TEST(sealed.find("PRIVATE") == std::string::npos);
  BOOST_TEST(gi::unseal(key, sealed).reveal() == "-----BEGIN PRIVATE KEY-----abc");
  BOOST_CHECK_THROW(gi::unseal(gi::newSealingKey(), sealed), vic::Error);
  std::string tampered = sealed;
  tampered[tampered.size() / 2] = tampered[tampered.size() / 2] == 'A' ? 'B' : 'A';
  BOOST_CHECK_THROW(gi::unseal(key, tampered), vic::Error);
  // Two seals of the same text differ (fresh nonce).
  BOOST_TEST(gi::seal(key, Secret("x")) != gi::seal(key, Secret("x")));
}

BOOST_AUTO_TEST_CASE(a_vch_encodes_and_decodes_with_secrets_kept_sealed) {
  Issues issues;
  Vch v = vchFromJson(
      {{"name", "vch-9"},
       {"auth",
        {{"server", {{"certificate", {{"pem", "CERT"}}}, {"private_key", {{"pem", "THE-KEY"}}}}}}},
       {"endpoint", {{"operations_credentials", {{"user", "ops"}, {"password", "OPS-PASSWORD"}}}}}},
      issues);
  gi::Placement p;
  p.pool = "ResourcePool:resgroup-9";
  p.volumeStores["default"] = "[ds] VIC";
  Secret key = gi::newSealingKey();
  auto kv = gi::encode(v, p, "VirtualMachine:vm-9", "v1.6.0-1-abcdef0", key);
  for (const auto& [k, val] : kv) {
    BOOST_TEST(val.find("THE-KEY") == std::string::npos, k);
    BOOST_TEST(val.find("OPS-PASSWORD") == std::string::npos, k);
  }
  BOOST_TEST(gi::unseal(key, kv.at(gi::kServerKeyKey)).reveal() == "THE-KEY");
  BOOST_TEST(gi::isVch(kv, "VirtualMachine:vm-9"));
  BOOST_TEST(!gi::isVch(kv, "VirtualMachine:vm-10"));  // a copy of the VM is not the VCH
  auto s = gi::decode(kv);
  BOOST_TEST(s.id == "VirtualMachine:vm-9");
  BOOST_TEST(s.version == "v1.6.0-1-abcdef0");
  BOOST_TEST(s.model.name == "vch-9");
  BOOST_TEST(s.model.auth.serverCertificate == "CERT");
  BOOST_TEST(s.model.auth.serverPrivateKey.empty());
  BOOST_TEST(s.model.endpoint.operationsCredentials->password.empty());
  BOOST_TEST(s.placement.pool == "ResourcePool:resgroup-9");
  BOOST_TEST(s.placement.volumeStores.at("default") == "[ds] VIC");
}

BOOST_AUTO_TEST_CASE(diff_sets_changes_and_blanks_removals) {
  gi::KeyValues before{{"a/x", "1"}, {"a/y", "2"}, {"b", "3"}};
  gi::KeyValues after{{"a/x", "1"}, {"a/z", "4"}, {"b", "9"}};
  auto d = gi::diff(before, after, "a/");
  BOOST_TEST(d.size() == 2u);
  BOOST_TEST(d.at("a/y") == "");
  BOOST_TEST(d.at("a/z") == "4");
}

BOOST_AUTO_TEST_SUITE_END()
