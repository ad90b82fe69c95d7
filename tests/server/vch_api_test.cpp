// The calls the 1.5 plug-in made, as it made them (clone ticket, thumbprint,
// datacenter routes), and the status codes VIC's own API tests checked.
#include <Poco/Net/ServerSocket.h>
#include <Poco/URI.h>
#include <boost/test/unit_test.hpp>

#include "tests/server/server_world.h"
#include "tests/support/engine_world.h"
#include "tests/support/unzip.h"
#include "vicapi/engine/actions/vsphere_actions.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/version/version.h"
#include "vicapi/vim/search_index.h"

using namespace vic::test;
using nlohmann::json;

namespace {

json withOperationsUser(json body) {
  body["endpoint"]["operations_credentials"] = {{"user", kTestUser}, {"password", kTestPassword}};
  return body;
}

std::string messageOf(const ApiResponse& r) {
  return r.json().value("message", std::string());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(vch_api, *boost::unit_test::fixture<ServerWorld>())

BOOST_AUTO_TEST_CASE(firewall_state_deny_and_allow) {
  auto& w = ServerWorld::current();
  auto deny = w.api().send("POST", w.scope() + w.pinned() + "&action=firewall:deny", w.admin());
  BOOST_TEST_REQUIRE(deny.status == 204, deny.body);
  auto state = w.api().get(w.scope() + w.pinned(), w.admin()).json();
  // 1.5's shape: one {target, in_supported_state} per host.
  BOOST_TEST_REQUIRE(state["firewall"].is_array(), state.dump());
  BOOST_TEST(state["firewall"].size() == 4u);  // the cluster's three and the standalone host
  for (const auto& h : state["firewall"]) {
    BOOST_TEST(h["target"].is_string());
    BOOST_TEST(h["in_supported_state"] == false);
  }
  BOOST_TEST(state["all_hosts_allow_vch"] == false);

  auto allow = w.api().send("POST", w.dcScope() + w.pinned() + "&action=firewall:allow", w.admin());
  BOOST_TEST_REQUIRE(allow.status == 204, allow.body);
  state = w.api().get(w.dcScope() + w.pinned() + "&compute-resource=DC0_C0", w.admin()).json();
  BOOST_TEST(state["all_hosts_allow_vch"] == true);
  BOOST_TEST(state["firewall"].size() == 3u);
  for (const auto& h : state["firewall"])
    BOOST_TEST(h["in_supported_state"] == true);

  auto bad = w.api().send("POST", w.scope() + w.pinned() + "&action=firewall:open", w.admin());
  BOOST_TEST(bad.status == 422);
  auto unknown =
      w.api().get(w.scope() + w.pinned() + "&compute-resource=no-such-cluster", w.admin());
  BOOST_TEST(unknown.status == 400);
  BOOST_TEST(messageOf(unknown).rfind("compute resource validation failed", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(the_1_5_plugin_flow_with_clone_tickets) {
  auto& w = ServerWorld::current();
  auto admin = loggedInClient();
  const auto before = snapshotWorld(*admin, SimulatorFixture::current());

  BOOST_TEST(w.api().get("/container/hello").status == 200);
  // Create: the datacenter route, a ticket, the thumbprint, the ops user.
  auto created =
      w.api().sendJson("POST", w.dcScope() + "/vch" + w.pinned(), ticketAuth(w.cloneTicket()),
                       withOperationsUser(minimalVchBody("vch-plugin-flow")));
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  const std::string uri = created.json()["task"];  // the original always said null
  BOOST_TEST(uri.rfind(w.scope() + "/tasks/", 0) == 0u, uri);
  BOOST_TEST(created.header("Location") == uri);

  auto task = w.waitForTask(uri, ticketAuth(w.cloneTicket()));
  BOOST_TEST_REQUIRE(task["state"] == "succeeded", task.dump(2));
  BOOST_TEST(task["kind"] == "create");
  BOOST_TEST(task["user"] == kTestUser);
  BOOST_TEST(task["progress"] == 100);
  BOOST_TEST(task["step_index"].get<int>() + 1 == task["steps_total"].get<int>());
  // The step in words, as an administrator reads it, not the step's id.
  BOOST_TEST(task["step_description"] == "Power on the endpoint VM", task.dump(2));
  BOOST_TEST(task["log"].size() > 5u);
  const std::string id = task["vch_id"];

  auto list = w.api().get(w.dcScope() + "/vch" + w.pinned(), ticketAuth(w.cloneTicket()));
  BOOST_TEST_REQUIRE(list.status == 200, list.body);
  json item;
  const auto listBody = list.json();
  for (const auto& v : listBody["vchs"])
    if (v["id"] == id) item = v;
  BOOST_TEST_REQUIRE(!item.is_null(), list.body);
  BOOST_TEST(item["name"] == "vch-plugin-flow");
  BOOST_TEST(item["version"] == vic::version::current().str());
  BOOST_TEST(item["upgrade_status"] == "Up to date");
  BOOST_TEST(item["power_state"] == "poweredOn");
  BOOST_TEST(item["parent"]["name"] == "vch-plugin-flow");
  // So that configure's pickers look in the VCH's datacenter.
  BOOST_TEST(w.dcScope().find("/datacenter/" + item.value("datacenter", "?")) != std::string::npos);

  auto inspect = w.api().get(w.scope() + "/vch/" + id + w.pinned(), w.admin());
  BOOST_TEST_REQUIRE(inspect.status == 200, inspect.body);
  auto vch = inspect.json();
  BOOST_TEST(vch["name"] == "vch-plugin-flow");
  BOOST_TEST(vch["endpoint"]["operations_credentials"]["user"] == kTestUser);
  BOOST_TEST(!vch["endpoint"]["operations_credentials"].contains("password"));

  auto cert = w.api().get(w.scope() + "/vch/" + id + "/certificate" + w.pinned(),
                          ticketAuth(w.cloneTicket()));
  BOOST_TEST_REQUIRE(cert.status == 200, cert.body);
  BOOST_TEST(cert.header("Content-Type") == "application/x-pem-file");
  BOOST_TEST(cert.body.rfind("-----BEGIN CERTIFICATE-----", 0) == 0u);
  BOOST_TEST(cert.body.find("PRIVATE KEY") == std::string::npos);

  auto log =
      w.api().get(w.dcScope() + "/vch/" + id + "/log" + w.pinned(), ticketAuth(w.cloneTicket()));
  BOOST_TEST_REQUIRE(log.status == 200, log.body);
  BOOST_TEST(log.header("Content-Type").rfind("text/plain", 0) == 0u);
  for (const auto& line : task["log"])
    BOOST_TEST(log.body.find(line.get<std::string>()) != std::string::npos);

  // Delete as the 1.5 plug-in did, volume stores included.
  auto removed = w.api().sendJson("DELETE", w.scope() + "/vch/" + id + w.pinned(),
                                  ticketAuth(w.cloneTicket()), {{"volume_stores", "all"}});
  BOOST_TEST_REQUIRE(removed.status == 202, removed.body);
  auto deletion = w.waitForTask(removed.json()["task"], w.admin());
  BOOST_TEST_REQUIRE(deletion["state"] == "succeeded", deletion.dump(2));
  BOOST_TEST(w.api().get(w.scope() + "/vch/" + id + w.pinned(), w.admin()).status == 404);
  const auto after = snapshotWorld(*admin, SimulatorFixture::current());
  BOOST_TEST((after == before), describeDifference(before, after));
}

BOOST_AUTO_TEST_CASE(the_creator_collects_the_client_bundle_once_from_the_list) {
  auto& w = ServerWorld::current();
  auto body = minimalVchBody("vch-bundle");
  body["auth"].erase("client");  // client verification on: a client certificate is made
  auto created = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), body);
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  auto task = w.waitForTask(created.json()["task"], w.admin());
  BOOST_TEST_REQUIRE(task["state"] == "succeeded", task.dump(2));
  auto rowOf = [&] {
    const json list = w.api().get(w.scope() + "/vch" + w.pinned(), w.admin()).json();
    for (const auto& v : list["vchs"])
      if (v["id"] == task["vch_id"]) return v;
    BOOST_FAIL("vch-bundle is not listed");
    return json();
  };
  const json row = rowOf();
  BOOST_TEST_REQUIRE(row.contains("client_bundle"), row.dump());
  auto zip = w.api().get(row["client_bundle"].get<std::string>() + "&format=zip", w.admin());
  BOOST_TEST_REQUIRE(zip.status == 200, zip.body);
  BOOST_TEST(zip.header("Content-Type") == "application/zip");
  BOOST_TEST(zip.header("Content-Disposition").find("vch-bundle-client.zip") != std::string::npos);
  const auto files = unzip(zip.body);
  BOOST_TEST(files.size() == 3u);
  BOOST_TEST(files.at("ca.pem").find("BEGIN CERTIFICATE") != std::string::npos);
  BOOST_TEST(files.at("cert.pem").find("BEGIN CERTIFICATE") != std::string::npos);
  BOOST_TEST(files.at("key.pem").find("PRIVATE KEY") != std::string::npos);
  // Handed out once: the row no longer offers it.
  BOOST_TEST(!rowOf().contains("client_bundle"));
  BOOST_TEST(w.api().get(row["client_bundle"].get<std::string>(), w.admin()).status == 404);

  // New certificates from a configure are handed out the same way, from its task.
  const json renew = {{"auth",
                       {{"server", {{"certificate", nullptr}}},
                        {"client", {{"certificate_authorities", nullptr}}}}}};
  auto patched = w.api().sendJson(
      "PATCH", w.scope() + "/vch/" + task["vch_id"].get<std::string>() + w.pinned(), w.admin(),
      renew);
  BOOST_TEST_REQUIRE(patched.status == 202, patched.body);
  const std::string uri = patched.json()["task"];
  auto configured = w.waitForTask(uri, w.admin());
  BOOST_TEST_REQUIRE(configured["state"] == "succeeded", configured.dump(2));
  BOOST_TEST(configured["result"].contains("client_certificates"), configured.dump());
  const auto query = uri.find('?');
  auto again =
      w.api().get(uri.substr(0, query) + "/certificates" +
                      (query == std::string::npos ? "?" : uri.substr(query) + "&") + "format=zip",
                  w.admin());
  BOOST_TEST_REQUIRE(again.status == 200, again.body);
  BOOST_TEST(unzip(again.body).at("ca.pem") != files.at("ca.pem"));
}

BOOST_AUTO_TEST_CASE(the_plugins_list_says_whether_each_endpoint_answers) {
  auto& w = ServerWorld::current();
  auto admin = loggedInClient();
  // As each endpoint reports its address; only the first one listens.
  const std::string up = w.createVch("vch-up"), down = w.createVch("vch-down");
  for (const auto& [id, ip] : {std::pair{up, "127.0.0.91"}, std::pair{down, "127.0.0.92"}})
    vic::engine::actions::setExtraConfig(*admin, {"VirtualMachine", id},
                                         {{vic::engine::guestinfo::kClientIpKey, ip}});
  Poco::Net::ServerSocket listening(Poco::Net::SocketAddress("127.0.0.91", 2376));

  auto answering = [&](const std::string& query) {
    std::map<std::string, json> out;
    const json list = w.api().get(w.scope() + "/vch" + w.pinned() + query, w.admin()).json();
    for (const auto& v : list["vchs"])
      out[v["id"]] = v.value("endpoint_answering", json());
    return out;
  };
  const auto asked = answering("&health=1");
  BOOST_TEST(asked.at(up) == json(true));
  BOOST_TEST(asked.at(down) == json(false));
  // 1.5's clients do not ask, and the appliance connects nowhere for them.
  for (const auto& [id, a] : answering(""))
    BOOST_TEST(a.is_null(), id);
}

BOOST_AUTO_TEST_CASE(the_plugins_grid_gets_one_page_filtered_and_sorted_by_the_appliance) {
  auto& w = ServerWorld::current();
  for (const char* name : {"page-c", "page-a", "page-b"})
    w.createVch(name);
  auto list = [&](const std::string& query) {
    return w.api().get(w.scope() + "/vch" + w.pinned() + query, w.admin());
  };
  std::string encoded;
  Poco::URI::encode(R"({"name":"PAGE-"})", "&=+#{}\":,", encoded);
  const json first = list("&page_size=2&sort=name&filter=" + encoded).json();
  BOOST_TEST(first["total"] == 3);
  BOOST_REQUIRE(first["vchs"].size() == 2u);
  BOOST_TEST(first["vchs"][0]["name"] == "page-a");
  BOOST_TEST(first["vchs"][1]["name"] == "page-b");
  const json second = list("&page_size=2&page=2&sort=-name&filter=" + encoded).json();
  BOOST_REQUIRE(second["vchs"].size() == 1u);
  BOOST_TEST(second["vchs"][0]["name"] == "page-a");
  // 1.5's clients ask for no page and get every VCH, with no total.
  const json all = list("").json();
  BOOST_TEST(!all.contains("total"));
  BOOST_TEST(all["vchs"].size() >= 3u);
  for (const char* bad :
       {"&page_size=0", "&page_size=5000", "&page_size=2&page=x", "&filter=%5B1%5D"}) {
    const auto r = list(bad);
    BOOST_TEST(r.status == 422, bad << ": " << r.body);
  }
}

BOOST_AUTO_TEST_CASE(a_name_taken_is_409_not_the_originals_500) {
  auto& w = ServerWorld::current();
  w.createVch("vch-taken");
  auto again = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(),
                                minimalVchBody("vch-taken"));
  BOOST_TEST(again.status == 409, again.body);
  BOOST_TEST(messageOf(again).find("already exists") != std::string::npos);
  BOOST_TEST(again.json()["issues"][0]["path"] == "name");
}

BOOST_AUTO_TEST_CASE(schema_violations_are_422) {
  auto& w = ServerWorld::current();
  auto convention = minimalVchBody("vch-422");
  convention["container"]["name_convention"] = "no-token";
  auto r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), convention);
  BOOST_TEST(r.status == 422, r.body);
  BOOST_TEST(messageOf(r).find("container.name_convention") != std::string::npos, r.body);

  auto units = minimalVchBody("vch-422");
  units["compute"]["cpu"]["limit"] = {{"value", 2}, {"units", "THz"}};
  r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), units);
  BOOST_TEST(r.status == 422, r.body);
  BOOST_TEST(r.json()["issues"][0]["path"] == "compute.cpu.limit.units");

  // A value of the wrong JSON type is 400, as the 1.5 (go-openapi) server answered.
  auto type = minimalVchBody("vch-422");
  type["debug"] = "high";
  r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), type);
  BOOST_TEST(r.status == 400, r.body);
  BOOST_TEST(r.json()["issues"][0]["path"] == "debug");
  auto number = minimalVchBody("vch-422");
  number["name"] = 42;
  BOOST_TEST(w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), number).status ==
             400);

  auto notObject = w.api().send("POST", w.scope() + "/vch" + w.pinned(), w.admin(), "[1, 2]",
                                "application/json");
  BOOST_TEST(notObject.status == 400);

  auto id = w.createVch("vch-422-delete");
  r = w.api().sendJson("DELETE", w.scope() + "/vch/" + id + w.pinned(), w.admin(),
                       {{"containers", "some"}});
  BOOST_TEST(r.status == 422);
  BOOST_TEST(messageOf(r) == "containers in body should be one of [off all]");
  r = w.api().sendJson("DELETE", w.scope() + "/vch/" + id + w.pinned(), w.admin(),
                       {{"volume_stores", "most"}});
  BOOST_TEST(r.status == 422);
  r = w.api().send("POST", w.scope() + "/vch/" + id + w.pinned() + "&action=reboot", w.admin());
  BOOST_TEST(r.status == 422);
}

BOOST_AUTO_TEST_CASE(malformed_json_is_400_and_other_types_415) {
  auto& w = ServerWorld::current();
  auto r = w.api().send("POST", w.scope() + "/vch" + w.pinned(), w.admin(),
                        "{\"name\": ", "application/json");
  BOOST_TEST(r.status == 400);
  BOOST_TEST(!messageOf(r).empty());
  r = w.api().send("POST", w.scope() + "/vch" + w.pinned(), w.admin(), "name=x",
                   "application/x-www-form-urlencoded");
  BOOST_TEST(r.status == 415);
  BOOST_TEST(messageOf(r).find("application/json") != std::string::npos, r.body);
}

BOOST_AUTO_TEST_CASE(validation_failures_are_400_with_every_issue) {
  auto& w = ServerWorld::current();
  auto body = minimalVchBody("vch-invalid");
  body["compute"]["resource"] = {{"name", "no-such-cluster"}};
  body["storage"]["image_stores"] = {"ds://no-such-datastore"};
  auto r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), body);
  BOOST_TEST_REQUIRE(r.status == 400, r.body);
  std::set<std::string> paths;
  const auto rBody = r.json();
  for (const auto& i : rBody["issues"])
    paths.insert(i["path"]);
  BOOST_TEST(paths.count("compute.resource.name") == 1u, r.body);
  BOOST_TEST(paths.count("storage.image_stores[0]") == 1u, r.body);
}

BOOST_AUTO_TEST_CASE(what_is_not_a_vch_is_404) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "/vch/vm-999999" + w.pinned(), w.admin());
  BOOST_TEST(r.status == 404, r.body);
  auto client = loggedInClient();
  auto plainVm = vic::vim::SearchIndex(*client).findByInventoryPath("DC0/vm/DC0_H0_VM0");
  BOOST_TEST_REQUIRE(plainVm.has_value());
  r = w.api().get(w.scope() + "/vch/" + plainVm->value + w.pinned(), w.admin());
  BOOST_TEST(r.status == 404, r.body);
  auto log = w.api().get(w.scope() + "/vch/vm-999999/log" + w.pinned(), w.admin());
  BOOST_TEST(log.status == 404);
  BOOST_TEST(log.header("Content-Type").rfind("text/plain", 0) ==
             0u);  // as the original's /log errors
  auto task = w.api().get(w.scope() + "/tasks/no-such-task" + w.pinned(), w.admin());
  BOOST_TEST(task.status == 404);
}

BOOST_AUTO_TEST_SUITE_END()
