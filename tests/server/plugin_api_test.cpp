// The plug-in's own API: the wizard's pickers, its per-step validation, and
// the audit log of mutating calls.
#include <boost/test/unit_test.hpp>

#include "tests/server/server_world.h"
#include "tests/support/engine_world.h"

using namespace vic::test;
using nlohmann::json;

namespace {

json getJson(const std::string& path) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(path, w.admin());
  BOOST_TEST_REQUIRE(r.status == 200, path << ": " << r.status << " " << r.body);
  return r.json();
}

const json* named(const json& list, const std::string& name) {
  for (const auto& n : list)
    if (n["name"] == name) return &n;
  return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plugin_api, *boost::unit_test::fixture<ServerWorld>())

BOOST_AUTO_TEST_CASE(datacenters) {
  auto& w = ServerWorld::current();
  auto dcs = getJson("/plugin/target/" + w.target() + "/datacenters" + w.pinned());
  BOOST_TEST_REQUIRE(dcs.size() == 1u);
  BOOST_TEST(dcs[0]["id"] == w.datacenterId());
  BOOST_TEST(dcs[0]["name"] == "DC0");
}

BOOST_AUTO_TEST_CASE(the_session_names_the_caller_for_the_cli_line) {
  auto& w = ServerWorld::current();
  auto me = getJson("/plugin/target/" + w.target() + "/session" + w.pinned());
  BOOST_TEST(me["user"].get<std::string>().find("vic-admin") != std::string::npos, me.dump());
  BOOST_TEST(me["target"] == w.target());
}

BOOST_AUTO_TEST_CASE(compute_is_a_tree_of_clusters_hosts_and_pools) {
  auto& w = ServerWorld::current();
  auto tree = getJson(w.pluginScope() + "/compute" + w.pinned());
  const json* cluster = named(tree, "DC0_C0");
  BOOST_TEST_REQUIRE(cluster);
  BOOST_TEST((*cluster)["type"] == "ClusterComputeResource");
  BOOST_TEST((*cluster)["selectable"] == true);
  // What the cluster's pool can give a VCH at most: the bounds of the wizard's limits.
  BOOST_TEST((*cluster)["cpu_max_mhz"].get<long long>() > 0, cluster->dump());
  BOOST_TEST((*cluster)["memory_max_mb"].get<long long>() > 0);
  int hosts = 0;
  for (const auto& c : (*cluster)["children"])
    if (c["type"] == "HostSystem") {
      ++hosts;
      BOOST_TEST(c["selectable"] == false);
    }
  BOOST_TEST(hosts == 3);
  const json* standalone = named(tree, "DC0_H0");
  BOOST_TEST_REQUIRE(standalone);
  BOOST_TEST((*standalone)["type"] == "ComputeResource");

  // A VCH's own pool is shown but cannot be chosen.
  w.createVch("vch-in-tree");
  tree = getJson(w.pluginScope() + "/compute" + w.pinned());
  const json* pool = named((*named(tree, "DC0_C0"))["children"], "vch-in-tree");
  BOOST_TEST_REQUIRE(pool);
  BOOST_TEST((*pool)["selectable"] == false);
  BOOST_TEST((*pool)["vch"] == true);
}

BOOST_AUTO_TEST_CASE(datastores_with_free_space) {
  auto& w = ServerWorld::current();
  auto list = getJson(w.pluginScope() + "/datastores" + w.pinned() + "&compute-resource=DC0_C0");
  const json* ds = named(list, "LocalDS_0");
  BOOST_TEST_REQUIRE(ds);
  BOOST_TEST((*ds)["free_bytes"].get<std::int64_t>() > 0);
  BOOST_TEST((*ds)["capacity_bytes"].get<std::int64_t>() >=
             (*ds)["free_bytes"].get<std::int64_t>());
  auto missing = w.api().get(w.pluginScope() + "/datastores" + w.pinned(), w.admin());
  BOOST_TEST(missing.status == 400);
  BOOST_TEST(missing.json()["message"].get<std::string>().find("compute-resource") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(networks_with_their_kind) {
  auto& w = ServerWorld::current();
  auto list = getJson(w.pluginScope() + "/networks" + w.pinned() + "&compute-resource=DC0_C0");
  const json* dvpg = named(list, "DC0_DVPG0");
  BOOST_TEST_REQUIRE(dvpg);
  BOOST_TEST((*dvpg)["kind"] == "distributed");
  BOOST_TEST((*dvpg)["switch"] == "DVS0");
  const json* standard = named(list, "VM Network");
  BOOST_TEST_REQUIRE(standard);
  BOOST_TEST((*standard)["kind"] == "standard");
  for (const auto& n : list)
    BOOST_TEST(n["name"].get<std::string>().find("Uplink") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(validate_returns_every_problem_with_its_path) {
  auto& w = ServerWorld::current();
  const std::string url = w.pluginScope() + "/validate" + w.pinned();
  auto good = w.api().sendJson("POST", url, w.admin(), minimalVchBody("vch-validate-ok"));
  BOOST_TEST_REQUIRE(good.status == 200, good.body);
  BOOST_TEST(good.json()["valid"] == true, good.body);

  auto body = minimalVchBody("vch-validate");
  body["storage"]["image_stores"] = {"ds://no-such-datastore"};
  body["network"]["public"]["gateway"] = {{"address", "10.0.0.1"}};
  body["compute"]["resource"] = {{"name", "no-such-cluster"}};
  auto all = w.api().sendJson("POST", url, w.admin(), body);
  BOOST_TEST_REQUIRE(all.status == 200, all.body);
  BOOST_TEST(all.json()["valid"] == false);
  std::set<std::string> paths;
  const auto allBody = all.json();
  for (const auto& i : allBody["issues"]) {
    paths.insert(i["path"]);
    BOOST_TEST(!i["message"].get<std::string>().empty());
  }
  BOOST_TEST(paths.count("compute.resource.name") == 1u, all.body);
  BOOST_TEST(paths.count("storage.image_stores[0]") == 1u, all.body);

  // One wizard step asks about its own fields only.
  auto storage = w.api().sendJson("POST", url + "&paths=storage", w.admin(), body);
  const auto storageBody = storage.json();
  for (const auto& i : storageBody["issues"])
    BOOST_TEST(i["path"].get<std::string>().rfind("storage", 0) == 0u, i.dump());
  BOOST_TEST(storage.json()["issues"].size() >= 1u);

  auto schema = minimalVchBody("vch-validate");
  schema["container"]["name_convention"] = "none";
  auto form = w.api().sendJson("POST", url + "&paths=container", w.admin(), schema);
  BOOST_TEST_REQUIRE(form.status == 200);
  BOOST_TEST(form.json()["issues"][0]["path"] == "container.name_convention");
}

BOOST_AUTO_TEST_CASE(one_step_at_a_time_hears_only_about_its_own_fields) {
  auto& w = ServerWorld::current();
  const std::string url = w.pluginScope() + "/validate" + w.pinned() + "&paths=name";
  // The General step knows only the name: a VM already has this one.
  auto taken = w.api().sendJson("POST", url, w.admin(), {{"name", "DC0_H0_VM0"}});
  BOOST_TEST_REQUIRE(taken.status == 200, taken.body);
  BOOST_TEST(taken.json()["valid"] == false, taken.body);
  BOOST_TEST(taken.json()["issues"][0]["path"] == "name");
  BOOST_TEST(taken.json()["issues"][0]["message"].get<std::string>().find("already exists") !=
             std::string::npos);
  auto fine = w.api().sendJson("POST", url, w.admin(), {{"name", "vch-new-name"}});
  BOOST_TEST(fine.json()["valid"] == true, fine.body);
  auto bad = w.api().sendJson("POST", url, w.admin(), {{"name", "bad/name"}});
  BOOST_TEST(bad.json()["valid"] == false, bad.body);
}

BOOST_AUTO_TEST_CASE(containers_with_their_vch) {
  auto& w = ServerWorld::current();
  const auto id = w.createVch("vch-with-containers");
  auto c = loggedInClient();
  createContainerVm(*c, {"VirtualMachine", id}, "web", "nginx:1.25", "8080:80/tcp", true);
  createContainerVm(*c, {"VirtualMachine", id}, "db", "postgres:16", "", false);
  auto list = getJson(w.pluginScope() + "/containers" + w.pinned());
  std::map<std::string, json> byName;
  for (const auto& item : list)
    byName[item["name"]] = item;
  BOOST_TEST_REQUIRE(byName.count("web") == 1u, list.dump());
  BOOST_TEST(byName["web"]["image"] == "nginx:1.25");
  BOOST_TEST(byName["web"]["ports"] == "8080:80/tcp");
  BOOST_TEST(byName["web"]["power_state"] == "poweredOn");
  BOOST_TEST(byName["web"]["vch_id"] == id);
  BOOST_TEST(byName["web"]["vch_name"] == "vch-with-containers");
  BOOST_TEST(byName["db"]["power_state"] == "poweredOff");
  // The VCH itself and plain VMs are not containers.
  for (const auto& item : list)
    BOOST_TEST(item["name"] != "vch-with-containers");
  BOOST_TEST(getJson("/plugin/target/" + w.target() + "/containers" + w.pinned()).size() ==
             list.size());
}

BOOST_AUTO_TEST_CASE(the_vcenters_it_registered_with) {
  auto& w = ServerWorld::current();
  BOOST_TEST(getJson("/plugin/vcenters").empty());
  auto reg = w.api().send("POST", "/plugin/target/" + w.target() + "/registration" + w.pinned(),
                          w.admin());
  BOOST_TEST_REQUIRE(reg.status == 200, reg.body);
  auto list = getJson("/plugin/vcenters");
  BOOST_TEST_REQUIRE(list.size() == 1u);
  BOOST_TEST(list[0]["target"] == w.target());
  BOOST_TEST(list[0]["thumbprint"] == SimulatorFixture::current().thumbprint().str());
  BOOST_TEST(list[0]["guid"] == loggedInClient()->serviceContent().about.instanceUuid);
  w.api().send("DELETE", "/plugin/target/" + w.target() + "/registration" + w.pinned(), w.admin());
  BOOST_TEST(getJson("/plugin/vcenters").empty());
}

BOOST_AUTO_TEST_CASE(audit_records_every_mutating_call) {
  auto& w = ServerWorld::current();
  w.api().send("POST", w.scope() + w.pinned() + "&action=firewall:allow", w.admin());
  w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), basicAuth(kTestUser, "wrong"),
                   minimalVchBody("x"));
  auto entries = getJson("/plugin/target/" + w.target() + "/audit" + w.pinned() + "&limit=10");
  BOOST_TEST_REQUIRE(entries.size() >= 2u);
  // Newest first.
  BOOST_TEST(entries[0]["action"] == "create");
  BOOST_TEST(entries[0]["status"] == 401);
  BOOST_TEST(entries[0]["result"].get<std::string>().rfind("refused", 0) == 0u);
  BOOST_TEST(entries[1]["action"] == "firewall:allow");
  BOOST_TEST(entries[1]["status"] == 204);
  BOOST_TEST(entries[1]["user"] == kTestUser);
  BOOST_TEST(entries[1]["target"] == w.target());
  BOOST_TEST(!entries[1]["at"].get<std::string>().empty());
  auto bad = w.api().get("/plugin/target/" + w.target() + "/audit" + w.pinned() + "&limit=many",
                         w.admin());
  BOOST_TEST(bad.status == 400);
}

BOOST_AUTO_TEST_SUITE_END()
