// Where a client written for the 1.5 vic-machine-server would see a
// difference: status lines, and the shapes and values 1.5 returned.
#include <boost/test/unit_test.hpp>

#include "tests/server/server_world.h"
#include "tests/support/vch_bodies.h"

using namespace vic::test;
using nlohmann::json;

BOOST_AUTO_TEST_SUITE(api_contract, *boost::unit_test::fixture<ServerWorld>())

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

BOOST_AUTO_TEST_SUITE_END()
