// Where a client written for the 1.5 vic-machine-server would see a
// difference: status lines, and the shapes and values 1.5 returned.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <functional>

#include "tests/server/server_world.h"
#include "tests/support/vch_bodies.h"

using namespace vic::test;
using nlohmann::json;

namespace {

// Two distributed port groups, so that a container network has one of its own.
struct ContractWorld : ServerWorld {
  ContractWorld() : ServerWorld(twoPortGroups(), {}) {}
  static vic::sim::SimulatorOptions twoPortGroups() {
    vic::sim::SimulatorOptions o;
    o.extraArgs = {"-pg", "2"};
    return o;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(api_contract, *boost::unit_test::fixture<ContractWorld>())

BOOST_AUTO_TEST_CASE(status_lines_carry_the_phrase_of_their_code) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "/vch" + w.pinned());
  BOOST_TEST(r.status == 401);
  BOOST_TEST(r.reason == "Unauthorized");
  r = w.api().get("/container/no-such-thing");
  BOOST_TEST(r.status == 404);
  BOOST_TEST(r.reason == "Not Found");
  r = w.api().get("/container/version");
  BOOST_TEST(r.reason == "OK");
  r = w.api().send("POST", w.scope() + "/vch" + w.pinned(), w.admin(), "{", "application/json");
  BOOST_TEST(r.status == 400);
  BOOST_TEST(r.reason == "Bad Request");
}

BOOST_AUTO_TEST_CASE(a_task_uri_is_followed_as_given) {
  auto& w = ServerWorld::current();
  auto r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(),
                            minimalVchBody("vch-contract-task"));
  BOOST_TEST_REQUIRE(r.status == 201, r.body);
  const std::string uri = r.json()["task"];
  BOOST_TEST(r.header("location") == uri);
  BOOST_TEST(uri.find("thumbprint=") != std::string::npos, uri);
  auto task = w.api().get(uri, w.admin());  // exactly as handed back
  BOOST_TEST(task.status == 200, task.body);
  BOOST_TEST(task.json()["uri"] == uri);
  BOOST_TEST(w.waitForTask(uri, w.admin())["state"] == "succeeded");
}

BOOST_AUTO_TEST_CASE(changing_what_cannot_change_is_a_conflict) {
  auto& w = ServerWorld::current();
  const std::string id = w.createVch("vch-contract-fixed");
  const std::string vch = w.scope() + "/vch/" + id + w.pinned();
  auto patched = w.api().sendJson("PATCH", vch, w.admin(),
                                  {{"storage", {{"image_stores", {"ds://LocalDS_0/elsewhere"}}}}},
                                  "application/merge-patch+json");
  BOOST_TEST(patched.status == 409, patched.body);
  BOOST_TEST(patched.body.find("storage") != std::string::npos, patched.body);
  auto body = w.api().get(vch, w.admin()).json();
  body["name"] = "vch-contract-renamed";
  auto put = w.api().sendJson("PUT", vch, w.admin(), body);
  BOOST_TEST(put.status == 409, put.body);
  BOOST_TEST(put.body.find("cannot be changed after the VCH is created") != std::string::npos);
  BOOST_TEST(w.api().get(vch, w.admin()).json()["name"] == "vch-contract-fixed");
}

BOOST_AUTO_TEST_CASE(a_whitelist_reads_back_with_the_insecure_registries_as_in_1_5) {
  auto& w = ServerWorld::current();
  auto body = minimalVchBody("vch-contract-registry");
  body["registry"] = {{"whitelist", {"reg.example.com"}}, {"insecure", {"10.0.0.1:5000"}}};
  auto r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), body);
  BOOST_TEST_REQUIRE(r.status == 201, r.body);
  auto task = w.waitForTask(r.json()["task"], w.admin());
  BOOST_TEST_REQUIRE(task["state"] == "succeeded", task.dump(2));
  const std::string id = task["vch_id"];
  auto vch = w.api().get(w.scope() + "/vch/" + id + w.pinned(), w.admin()).json();
  BOOST_TEST(vch["registry"]["whitelist"] == json::parse(R"(["reg.example.com", "10.0.0.1:5000"])"),
             vch["registry"].dump());
  BOOST_TEST(vch["registry"]["insecure"] == json::parse(R"(["10.0.0.1:5000"])"));
}

namespace {

// The managed object id the plug-in's pickers give for `name`.
std::string idOf(const std::string& picker, const std::string& name) {
  auto& w = ServerWorld::current();
  auto list = w.api().get(w.pluginScope() + "/" + picker + w.pinned() + "&compute-resource=DC0_C0",
                          w.admin());
  for (const auto& item : list.json())
    if (item["name"] == name) return item["id"];
  BOOST_FAIL(picker + " has no " + name);
  return "";
}

json inspect(const std::string& id) {
  auto& w = ServerWorld::current();
  return w.api().get(w.scope() + "/vch/" + id + w.pinned(), w.admin()).json();
}

}  // namespace

BOOST_AUTO_TEST_CASE(inspect_names_every_reference_by_id_and_name) {
  auto& w = ServerWorld::current();
  const std::string cluster = idOf("compute", "DC0_C0");
  const std::string dvpg = idOf("networks", "DC0_DVPG0");
  const std::string vmNetwork = idOf("networks", "VM Network");

  // Created by name: the ids come back beside the names.
  auto byName = inspect(w.createVch("vch-contract-names"));
  BOOST_TEST(byName["compute"]["resource"] == json({{"id", cluster}, {"name", "DC0_C0"}}),
             byName["compute"].dump());
  BOOST_TEST(byName["network"]["bridge"]["port_group"] ==
             json({{"id", dvpg}, {"name", "DC0_DVPG0"}}));
  BOOST_TEST(byName["network"]["public"]["port_group"] ==
             json({{"id", vmNetwork}, {"name", "VM Network"}}));

  // Created by id: the names come back beside the ids, container networks included.
  auto body = minimalVchBody("vch-contract-ids");
  body["compute"]["resource"] = {{"id", cluster}};
  body["network"]["bridge"]["port_group"] = {{"id", dvpg}};
  body["network"]["public"]["port_group"] = {{"id", vmNetwork}};
  const std::string second = idOf("networks", "DC0_DVPG1");
  body["network"]["container"] = {{{"alias", "backend"}, {"port_group", {{"id", second}}}}};
  auto r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), body);
  BOOST_TEST_REQUIRE(r.status == 201, r.body);
  auto task = w.waitForTask(r.json()["task"], w.admin());
  BOOST_TEST_REQUIRE(task["state"] == "succeeded", task.dump(2));
  const std::string id = task["vch_id"];
  auto byId = inspect(id);
  BOOST_TEST(byId["compute"]["resource"]["id"] == cluster);
  BOOST_TEST(byId["compute"]["resource"]["name"].get<std::string>().find("DC0_C0") !=
             std::string::npos);
  BOOST_TEST(byId["network"]["bridge"]["port_group"] ==
             json({{"id", dvpg}, {"name", "DC0_DVPG0"}}));
  BOOST_TEST(byId["network"]["container"][0]["port_group"] ==
             json({{"id", second}, {"name", "DC0_DVPG1"}}));

  // What inspect returns goes back as it is; so does the body it was created from.
  const std::string vch = w.scope() + "/vch/" + id + w.pinned();
  byId["debug"] = 1;
  auto put = w.api().sendJson("PUT", vch, w.admin(), byId);
  BOOST_TEST(put.status == 202, put.body);
  BOOST_TEST(w.waitForTask(put.json()["task"], w.admin())["state"] == "succeeded");
  body["debug"] = 2;
  put = w.api().sendJson("PUT", vch, w.admin(), body);
  BOOST_TEST(put.status == 202, put.body);
  BOOST_TEST(w.waitForTask(put.json()["task"], w.admin())["state"] == "succeeded");
  BOOST_TEST(inspect(id)["debug"] == 2);

  // An id and a name that name different objects is a mistake to point out.
  auto mixed = minimalVchBody("vch-contract-mixed");
  mixed["network"]["public"]["port_group"] = {{"id", dvpg}, {"name", "VM Network"}};
  r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), mixed);
  BOOST_TEST(r.status == 400, r.body);
  BOOST_TEST(r.body.find("network.public.port_group") != std::string::npos, r.body);
}

BOOST_AUTO_TEST_CASE(patterns_enums_and_formats_are_422_in_the_1_5_words) {
  auto& w = ServerWorld::current();
  struct Case {
    std::function<void(json&)> mutate;
    std::string words;
  };
  const std::vector<Case> cases = {
      {[](json& b) { b["syslog_addr"] = "logs.example.com:514"; },
       "syslog_addr in body should match '^(tc|ud)p://.*'"},
      {[](json& b) {
         b["container"] = {{"name_convention", "vch"}};
       },
       "container.name_convention in body should match"},
      {[](json& b) {
         b["compute"]["cpu"] = {{"shares", {{"level", "max"}}}};
       },
       "compute.cpu.shares.level in body should match one of"},
      {[](json& b) {
         b["compute"]["memory"] = {{"limit", {{"value", 1}, {"units", "MHz"}}}};
       },
       "compute.memory.limit.units in body should match one of"},
      {[](json& b) { b["network"]["public"]["nameservers"] = {"dns.example.com"}; },
       "nameservers[0] in body should match format ipv4"},
      {[](json& b) { b["network"]["bridge"]["ip_range"] = "172.16.0.0"; },
       "Error parsing bridge network ip range"},
      {[](json& b) {
         b["auth"]["server"] = {{"certificate", {{"pem", "a certificate"}}},
                                {"private_key", {{"pem", "a key"}}}};
       },
       "pem in body should match"},
      {[](json& b) {
         b["auth"]["client"] = {{"certificate_authorities", {{{"pem", "CA"}}}}};
       },
       "pem in body should match"},
  };
  for (const auto& k : cases) {
    auto body = minimalVchBody("vch-contract-pattern");
    k.mutate(body);
    auto r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), body);
    BOOST_TEST(r.status == 422, body.dump() << " -> " << r.body);
    BOOST_TEST(r.body.find(k.words) != std::string::npos, k.words << " in " << r.body);
  }
}

BOOST_AUTO_TEST_CASE(messages_keep_the_words_1_5_scripts_grep_for) {
  auto& w = ServerWorld::current();
  struct Case {
    std::function<void(json&)> mutate;
    std::vector<std::string> words;
  };
  const std::vector<Case> cases = {
      {[](json& b) { b["name"] = std::string(40, 'v'); },
       {"failed to validate VCH", "length exceeds 31 characters"}},
      {[](json& b) { b["name"] = "vch#1"; }, {"invalid display name", "unsupported character"}},
      {[](json& b) { b["storage"].erase("image_stores"); }, {"datastore empty"}},
      {[](json& b) {
         b["compute"]["resource"] = {{"name", "no-such-cluster"}};
       },
       {"failed to validate VCH", "no-such-cluster", "not found"}},
      {[](json& b) { b["compute"].erase("resource"); },
       {"resource pool must be specified (by name or id)"}},
      {[](json& b) {
         b["network"]["public"]["gateway"] = {{"address", "10.0.0.1"}};
       },
       {"Gateway provided without static IP for public network"}},
      {[](json& b) {
         b["endpoint"] = {
             {"operations_credentials", {{"user", kTestUser}, {"password", "not-the-password"}}}};
       },
       {"operations credentials"}},
      {[](json& b) { b["version"] = "v1.2.3-rc-4-abcdef0"; }, {"invalid version"}},
      {[](json& b) { b["storage"]["image_stores"] = {"ds://NoSuchDS"}; },
       {"failed to validate VCH", "NoSuchDS", "not found"}},
  };
  for (const auto& k : cases) {
    auto body = minimalVchBody("vch-contract-words");
    k.mutate(body);
    auto r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), body);
    BOOST_TEST(r.status == 400, body.dump() << " -> " << r.body);
    const std::string message = r.json().value("message", "");
    for (const auto& word : k.words)
      BOOST_TEST(message.find(word) != std::string::npos, word << " in " << message);
  }
}

BOOST_AUTO_TEST_CASE(a_reservation_the_parent_pool_cannot_grant_is_refused_before_create) {
  auto& w = ServerWorld::current();
  for (const char* kind : {"memory", "cpu"}) {
    auto body = minimalVchBody("vch-contract-greedy");
    body["compute"][kind] = {{"reservation", std::string(kind) == "memory"
                                                 ? json{{"value", 64}, {"units", "GiB"}}
                                                 : json{{"value", 500}, {"units", "GHz"}}}};
    auto r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), body);
    BOOST_TEST(r.status == 400, r.body);
    const std::string message = r.json().value("message", "");
    BOOST_TEST(message.find(std::string("compute.") + kind + ".reservation") != std::string::npos,
               message);
    BOOST_TEST(message.find("can still reserve") != std::string::npos, message);
  }
  // Nothing was made: the name is free for a VCH that asks for what there is.
  auto body = minimalVchBody("vch-contract-greedy");
  body["compute"]["memory"] = {{"reservation", {{"value", 256}, {"units", "MiB"}}}};
  auto r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), body);
  BOOST_TEST_REQUIRE(r.status == 201, r.body);
  BOOST_TEST(w.waitForTask(r.json()["task"], w.admin())["state"] == "succeeded");
}

BOOST_AUTO_TEST_CASE(a_create_costs_at_most_30_soap_calls_validation_included) {
  auto& w = ServerWorld::current();
  // The server logs each SOAP call at debug level, the level the tests run it at.
  auto soapCalls = [&] {
    const std::string log = w.server().logText();
    std::size_t n = 0;
    for (auto at = log.find(" SOAP "); at != std::string::npos; at = log.find(" SOAP ", at + 1))
      ++n;
    return n;
  };
  const auto before = soapCalls();
  auto r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(),
                            minimalVchBody("vch-counted"));
  BOOST_TEST_REQUIRE(r.status == 201, r.body);
  BOOST_TEST(w.waitForTask(r.json()["task"], w.admin())["state"] == "succeeded");
  const auto calls = soapCalls() - before;
  BOOST_TEST_MESSAGE("a create through the server made " << calls << " SOAP calls");
  BOOST_TEST(calls <= 30u, calls << " SOAP calls; see the server log for which");
}

BOOST_AUTO_TEST_CASE(the_log_lives_with_the_vch_and_any_appliance_reads_it) {
  auto& w = ServerWorld::current();
  const std::string id = w.createVch("vch-contract-log");
  const std::string log = "/vch/" + id + "/log" + w.pinned();
  auto mine = w.api().get(w.scope() + log, w.admin());
  BOOST_TEST_REQUIRE(mine.status == 200, mine.body);
  BOOST_TEST(mine.body.find("=== create") != std::string::npos, mine.body);
  BOOST_TEST(mine.body.find("(succeeded)") != std::string::npos, mine.body);

  // It is a file in the VCH's datastore folder, named as 1.5 named them.
  std::vector<std::filesystem::path> files;
  for (const auto& e :
       std::filesystem::recursive_directory_iterator(SimulatorFixture::current().datastoreRoot()))
    if (e.path().parent_path().filename() == "vch-contract-log" &&
        e.path().filename().string().rfind("vic-machine_", 0) == 0)
      files.push_back(e.path());
  BOOST_TEST_REQUIRE(files.size() == 1u);
  BOOST_TEST(files[0].filename().string().find("_create_") != std::string::npos);

  // Another appliance, with a journal of its own that never saw this VCH.
  ServerOptions other;
  other.dataDir = scratchDir("appliance-reading-logs");
  other.extraArgs = {"--allowed-targets=" + w.target()};
  ServerProcess b(other);
  ApiClient apiB(b.host(), b.port(), b.thumbprint());
  auto theirs = apiB.get(w.scope() + log, w.admin());
  BOOST_TEST(theirs.status == 200, theirs.body);
  BOOST_TEST(theirs.body.find(mine.body.substr(0, mine.body.find('\n', 20))) != std::string::npos,
             theirs.body);

  // Once the file is gone, so is the log.
  std::filesystem::remove(files[0]);
  auto gone = w.api().get(w.scope() + log, w.admin());
  BOOST_TEST(gone.status == 404, gone.body);
  BOOST_TEST(gone.body.find("no log file available in datastore folder") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
