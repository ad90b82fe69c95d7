// hello, version, metadata and the HTTP protocol around every route: what the
// original's framework answered (404, 405 with Allow, CORS) and its API tests
// checked.
#include <regex>

#include <boost/test/unit_test.hpp>

#include "tests/server/server_world.h"
#include "vicapi/version/version.h"

using vic::test::ServerWorld;

BOOST_AUTO_TEST_SUITE(meta_api, *boost::unit_test::fixture<ServerWorld>())

BOOST_AUTO_TEST_CASE(hello_needs_no_credentials) {
  auto r = ServerWorld::current().api().get("/container/hello");
  BOOST_TEST(r.status == 200);
  BOOST_TEST(r.body == "You have successfully accessed the VCH Management API.");
  BOOST_TEST(r.header("Content-Type").rfind("text/plain", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(version_is_the_short_version_as_text) {
  auto r = ServerWorld::current().api().get("/container/version");
  BOOST_TEST(r.status == 200);
  // The regular expression VIC's own API tests used.
  BOOST_TEST(std::regex_match(r.body, std::regex(R"(v\d+\.\d+\.\d+-(\w+-)?\d+-[a-f0-9]+)")),
             r.body);
  BOOST_TEST(r.body == vic::version::current().str());
}

BOOST_AUTO_TEST_CASE(metadata_names_the_images_the_original_left_unimplemented) {
  auto r = ServerWorld::current().api().get("/container");
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  auto j = r.json();
  BOOST_TEST(j["version"] == vic::version::current().str());
  // Strings, as 1.5's swagger.json has them; the detail beside them.
  BOOST_TEST_REQUIRE(j["bootstrap-images"].size() == 1u);
  BOOST_TEST_REQUIRE(j["bootstrap-images"][0].is_string(), j.dump());
  const std::string name = j["bootstrap-images"][0];
  BOOST_TEST(name.find("bootstrap.iso") != std::string::npos);
  BOOST_TEST(j["bootstrap-image-details"][0]["name"] == name);
  BOOST_TEST(j["bootstrap-image-details"][0]["version"] == vic::version::current().str());
  BOOST_TEST(j["appliance-image"]["name"].get<std::string>().find("appliance.iso") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(openapi_document_is_served) {
  auto r = ServerWorld::current().api().get("/container/openapi.json");
  BOOST_TEST_REQUIRE(r.status == 200);
  BOOST_TEST(r.header("Content-Type").rfind("application/json", 0) == 0u);
  BOOST_TEST(r.json()["openapi"] == "3.0.3");
}

BOOST_AUTO_TEST_CASE(unknown_path_is_404_with_a_message) {
  auto r = ServerWorld::current().api().get("/container/nothing-here");
  BOOST_TEST(r.status == 404);
  BOOST_TEST(r.json()["message"] == "path /container/nothing-here was not found");
}

BOOST_AUTO_TEST_CASE(wrong_method_is_405_with_allow) {
  auto r = ServerWorld::current().api().send("DELETE", "/container/hello");
  BOOST_TEST(r.status == 405);
  BOOST_TEST(r.header("Allow") == "GET");
  BOOST_TEST(r.json()["message"].get<std::string>().find("use GET") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(cors_as_the_original_allowed_it) {
  auto& w = ServerWorld::current();
  auto pre = w.api().send(
      "OPTIONS", w.scope() + "/vch",
      {{"Origin", "https://vcenter.example.com"}, {"Access-Control-Request-Method", "POST"}});
  BOOST_TEST(pre.status == 204);
  BOOST_TEST(pre.header("Access-Control-Allow-Origin") == "*");
  BOOST_TEST(pre.header("Access-Control-Allow-Headers").find("X-VMWARE-TICKET") !=
             std::string::npos);
  BOOST_TEST(pre.header("Access-Control-Allow-Methods").find("PATCH") != std::string::npos);
  auto get = w.api().get("/container/hello", {{"Origin", "https://vcenter.example.com"}});
  BOOST_TEST(get.header("Access-Control-Allow-Origin") == "*");
}

BOOST_AUTO_TEST_CASE(each_request_is_logged_in_one_line) {
  auto& w = ServerWorld::current();
  w.api().get("/container/version");
  const std::string log = w.server().logText();
  BOOST_TEST(
      std::regex_search(log, std::regex(R"(info GET /container/version 200 [0-9.]+ms user=-)")),
      log);
}

BOOST_AUTO_TEST_SUITE_END()
