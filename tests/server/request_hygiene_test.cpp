// The smaller holes: files outside the UI's folder, URLs with bad escapes or
// control characters, JSON nested too deep, bodies too large, user names
// vCenter never accepted, and who may list the registered vCenters.
#include <chrono>
#include <fstream>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "tests/server/server_world.h"
#include "tests/support/vch_bodies.h"

using namespace vic::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

fs::path uiRoot() {
  static const fs::path root = [] {
    auto base = scratchDir("hygiene-ui");
    fs::create_directories(base / "ui");
    std::ofstream(base / "ui" / "index.html") << "<html>the plug-in</html>";
    fs::create_directories(base / "ui-private");
    std::ofstream(base / "ui-private" / "secret.txt") << "not for the web";
    return base / "ui";
  }();
  return root;
}

struct HygieneWorld : ServerWorld {
  HygieneWorld() : ServerWorld({}, {"--ui-dir=" + uiRoot().string()}) {}
};

std::string nestedJson(int depth) {
  std::string s;
  for (int i = 0; i < depth; ++i)
    s += "{\"a\":";
  s += "1";
  for (int i = 0; i < depth; ++i)
    s += "}";
  return s;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_hygiene, *boost::unit_test::fixture<HygieneWorld>())

BOOST_AUTO_TEST_CASE(nothing_outside_the_ui_folder_is_served) {
  auto& w = ServerWorld::current();
  BOOST_TEST(w.api().get("/ui/index.html").body.find("the plug-in") != std::string::npos);
  for (const char* path : {"/ui/../ui-private/secret.txt", "/ui/%2e%2e/ui-private/secret.txt",
                           "/ui/..%2Fui-private%2Fsecret.txt", "/ui/../../etc/passwd"}) {
    auto r = w.api().get(path);
    BOOST_TEST(r.body.find("not for the web") == std::string::npos, path);
    BOOST_TEST(r.body.find("root:") == std::string::npos, path);
    BOOST_TEST(r.status == 404, path << ": " << r.status);
  }
}

BOOST_AUTO_TEST_CASE(a_malformed_escape_is_400_and_logged) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "%zz/vch" + w.pinned(), w.admin());
  BOOST_TEST(r.status == 400, r.body);
  BOOST_TEST(r.json()["message"].get<std::string>().find("percent-escape") != std::string::npos);
  BOOST_TEST(w.server().logText().find("malformed percent-escape") != std::string::npos);
  BOOST_TEST(w.api().get("/container/version").status == 200);  // the connection was not dropped
}

BOOST_AUTO_TEST_CASE(control_characters_never_reach_the_log_raw) {
  auto& w = ServerWorld::current();
  w.api().get("/container/x\x1b[2Jy\x07z");
  // The access line is written once the answer has gone.
  std::string log;
  for (int i = 0; i < 50 && log.find("/container/x") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    log = w.server().logText();
  }
  BOOST_TEST(log.find('\x1b') == std::string::npos);
  BOOST_TEST(log.find('\x07') == std::string::npos);
  BOOST_TEST(log.find("/container/x\\x1b[2Jy\\x07z") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_user_name_vcenter_refused_is_not_audited) {
  auto& w = ServerWorld::current();
  const std::string forged = "forged-user\n2026-01-01T00:00:00.000Z info forged line";
  auto r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), basicAuth(forged, "wrong"),
                            minimalVchBody("never"));
  BOOST_TEST(r.status == 401);
  auto audit =
      w.api().get("/plugin/target/" + w.target() + "/audit" + w.pinned() + "&limit=5", w.admin());
  BOOST_TEST_REQUIRE(audit.status == 200, audit.body);
  const json entries = audit.json();
  BOOST_TEST_REQUIRE(!entries.empty());
  BOOST_TEST(entries[0]["user"] == "-");
  BOOST_TEST(audit.body.find("forged") == std::string::npos);
  BOOST_TEST(w.server().logText().find("forged") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(json_nested_deeper_than_64_is_400) {
  auto& w = ServerWorld::current();
  auto create = w.api().send("POST", w.scope() + "/vch" + w.pinned(), w.admin(), nestedJson(200),
                             "application/json");
  BOOST_TEST(create.status == 400, create.body);
  BOOST_TEST(create.json()["message"].get<std::string>().find("deeper than 64") !=
             std::string::npos);
  // A merge-patch is a recursive walk of the patch: the nesting is refused first.
  const std::string id = w.createVch("vch-patched-deep");
  auto patch = w.api().send("PATCH", w.scope() + "/vch/" + id + w.pinned(), w.admin(),
                            nestedJson(100'000), "application/merge-patch+json");
  BOOST_TEST(patch.status == 400, patch.body.substr(0, 300));
  BOOST_TEST(patch.json()["message"].get<std::string>().find("deeper than 64") !=
             std::string::npos);
  BOOST_TEST(w.api().get("/container/version").status == 200);
}

// What the fuzzer found: nlohmann reports a number too large for a double
// as out_of_range, not as a parse error; it was a 500.
BOOST_AUTO_TEST_CASE(a_number_beyond_a_double_is_400) {
  auto& w = ServerWorld::current();
  auto r = w.api().send("POST", w.scope() + "/vch" + w.pinned(), w.admin(),
                        R"({"name": "x", "debug": 5.5e55555})", "application/json");
  BOOST_TEST(r.status == 400, r.body);
  BOOST_TEST(r.json()["message"].get<std::string>().find("not valid JSON") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(members_of_the_wrong_type_are_400_not_500) {
  auto& w = ServerWorld::current();
  const std::string id = w.createVch("vch-typed");
  const std::string at = w.scope() + "/vch/" + id + w.pinned();
  struct Case {
    std::string method, query;
    json body;
  };
  for (const auto& c : std::vector<Case>{{"POST", "&action=upgrade", {{"rollback", "yes"}}},
                                         {"POST", "&action=upgrade", {{"bootstrap-iso", 1}}},
                                         {"POST", "&action=debug", {{"enable-ssh", 1}}},
                                         {"POST", "&action=debug", {{"authorized-key", {1, 2}}}},
                                         {"POST", "&action=debug", {{"rootpw", false}}},
                                         {"DELETE", "", {{"containers", 1}}},
                                         {"DELETE", "", {{"volume_stores", {{"a", 1}}}}}}) {
    auto r = w.api().sendJson(c.method, at + c.query, w.admin(), c.body);
    // 400 as the 1.5 (go-openapi) server answered a value of the wrong type.
    BOOST_TEST(r.status == 400, c.method << c.query << " " << c.body.dump() << ": " << r.body);
  }
}

BOOST_AUTO_TEST_CASE(a_body_over_1_mib_is_413) {
  auto& w = ServerWorld::current();
  json body = minimalVchBody("big");
  body["registry"]["certificate_authorities"] = {{{"pem", std::string(2 << 20, 'a')}}};
  auto r = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(), body);
  BOOST_TEST(r.status == 413, r.body);
  BOOST_TEST(r.json()["message"].get<std::string>().find("1 MiB") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_registered_vcenters_are_told_only_to_their_users) {
  auto& w = ServerWorld::current();
  BOOST_TEST(w.api().get("/plugin/vcenters").json().empty());  // nothing registered, nothing told
  auto reg = w.api().send("POST", "/plugin/target/" + w.target() + "/registration" + w.pinned(),
                          w.admin());
  BOOST_TEST_REQUIRE(reg.status == 200, reg.body);
  BOOST_TEST(w.api().get("/plugin/vcenters").status == 401);
  BOOST_TEST(w.api().get("/plugin/vcenters", basicAuth(kTestUser, "wrong")).status == 401);
  auto listed = w.api().get("/plugin/vcenters", w.admin());
  BOOST_TEST_REQUIRE(listed.status == 200, listed.body);
  BOOST_TEST(listed.json().size() == 1u);
  BOOST_TEST(listed.json()[0]["target"] == w.target());
  w.api().send("DELETE", "/plugin/target/" + w.target() + "/registration" + w.pinned(), w.admin());
}

BOOST_AUTO_TEST_SUITE_END()
