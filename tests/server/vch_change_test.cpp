// What the original answered 501 to: reconfigure by PUT and by merge-patch,
// the upgrade action (and its rollback) and the debug action, each as a task.
#include <boost/test/unit_test.hpp>

#include "tests/server/server_world.h"
#include "tests/support/engine_world.h"
#include "vicapi/engine/guestinfo/vch_config.h"
#include "vicapi/version/version.h"
#include "vicapi/vim/option_values.h"
#include "vicapi/vim/property_collector.h"

using namespace vic::test;
using nlohmann::json;

namespace {

std::map<std::string, std::string> extraConfigOf(const std::string& vmId) {
  auto c = loggedInClient();
  auto o =
      vic::vim::PropertyCollector(*c).retrieveOne({"VirtualMachine", vmId}, {"config.extraConfig"});
  auto kv = vic::vim::fromOptionValues(*o.prop("config.extraConfig"));
  return {kv.begin(), kv.end()};
}

json inspect(const std::string& id) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "/vch/" + id + w.pinned(), w.admin());
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  return r.json();
}

json finished(const ApiResponse& accepted) {
  BOOST_TEST_REQUIRE(accepted.status == 202, accepted.body);
  return ServerWorld::current().waitForTask(accepted.json()["task"],
                                            ServerWorld::current().admin());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(vch_changes, *boost::unit_test::fixture<ServerWorld>())

// The datacenter-scoped twin of every VCH operation answers as the target's
// does (openapi-responses then checks each answer against the document).
BOOST_AUTO_TEST_CASE(the_datacenter_scope_serves_every_vch_operation) {
  auto& w = ServerWorld::current();
  const auto id = w.createVch("vch-dc-scope");
  const std::string at = w.dcScope() + "/vch/" + id;
  auto got = w.api().get(at + w.pinned(), w.admin());
  BOOST_TEST_REQUIRE(got.status == 200, got.body);
  BOOST_TEST(got.json()["name"] == "vch-dc-scope");
  auto cert = w.api().get(at + "/certificate" + w.pinned(), w.admin());
  BOOST_TEST(cert.status == 200, cert.body);

  json body = got.json();
  body["debug"] = 1;
  auto put = finished(w.api().sendJson("PUT", at + w.pinned(), w.admin(), body));
  BOOST_TEST_REQUIRE(put["state"] == "succeeded", put.dump(2));
  BOOST_TEST(inspect(id)["debug"] == 1);

  // Up to date already: the action is refused with what to do.
  auto upgrade = w.api().send("POST", at + w.pinned() + "&action=upgrade", w.admin());
  BOOST_TEST(upgrade.status == 409, upgrade.body);

  auto removed = finished(w.api().sendJson("DELETE", at + w.pinned(), w.admin(), json::object()));
  BOOST_TEST_REQUIRE(removed["state"] == "succeeded", removed.dump(2));
  BOOST_TEST(w.api().get(at + w.pinned(), w.admin()).status == 404);
}

BOOST_AUTO_TEST_CASE(put_replaces_the_configuration) {
  auto& w = ServerWorld::current();
  const auto id = w.createVch("vch-put");
  json body = inspect(id);
  body["debug"] = 2;
  body["syslog_addr"] = "tcp://logs.example.com:601";
  auto task =
      finished(w.api().sendJson("PUT", w.scope() + "/vch/" + id + w.pinned(), w.admin(), body));
  BOOST_TEST_REQUIRE(task["state"] == "succeeded", task.dump(2));
  BOOST_TEST(task["kind"] == "reconfigure");
  auto now = inspect(id);
  BOOST_TEST(now["debug"] == 2);
  BOOST_TEST(now["syslog_addr"] == "tcp://logs.example.com:601");
  // The VCH's log holds the create and the reconfigure.
  auto log = w.api().get(w.scope() + "/vch/" + id + "/log" + w.pinned(), w.admin());
  BOOST_TEST(log.body.find("reconfigure") != std::string::npos, log.body);
  BOOST_TEST(log.body.find("create") != std::string::npos);
}

// One operation per VCH at a time: while a reconfigure runs, a second change
// or a delete is refused at once with the running task, and nothing of it
// runs; once the first has ended, the next is taken.
BOOST_AUTO_TEST_CASE(a_vch_takes_one_operation_at_a_time) {
  auto& w = ServerWorld::current();
  const auto id = w.createVch("vch-one-at-a-time");
  const std::string at = w.scope() + "/vch/" + id + w.pinned();
  json body = inspect(id);
  body["debug"] = 3;  // read at start: the endpoint VM restarts, which takes a while
  auto first = w.api().sendJson("PUT", at, w.admin(), body);
  BOOST_TEST_REQUIRE(first.status == 202, first.body);
  const std::string running = first.json()["task"];
  const auto from = running.find("/tasks/") + 7;
  const std::string runningId = running.substr(from, running.find('?') - from);

  body["debug"] = 1;
  auto second = w.api().sendJson("PUT", at, w.admin(), body);
  BOOST_TEST(second.status == 409, second.body);
  BOOST_TEST(second.body.find(runningId) != std::string::npos, second.body);
  auto removal = w.api().sendJson("DELETE", at, w.admin(), json::object());
  BOOST_TEST(removal.status == 409, removal.body);
  auto upgrade = w.api().send("POST", at + "&action=debug", w.admin(), "{\"enable-ssh\": false}");
  BOOST_TEST(upgrade.status == 409, upgrade.body);

  auto done = w.waitForTask(running, w.admin());
  BOOST_TEST_REQUIRE(done["state"] == "succeeded", done.dump(2));
  BOOST_TEST(inspect(id)["debug"] == 3);  // the refused change did not run
  auto removed = finished(w.api().sendJson("DELETE", at, w.admin(), json::object()));
  BOOST_TEST(removed["state"] == "succeeded", removed.dump(2));
}

BOOST_AUTO_TEST_CASE(merge_patch_changes_only_what_it_names) {
  auto& w = ServerWorld::current();
  const auto id = w.createVch("vch-patch");
  const json patch = {{"compute", {{"cpu", {{"limit", {{"value", 3}, {"units", "GHz"}}}}}}}};
  auto task = finished(w.api().sendJson("PATCH", w.dcScope() + "/vch/" + id + w.pinned(), w.admin(),
                                        patch, "application/merge-patch+json"));
  BOOST_TEST_REQUIRE(task["state"] == "succeeded", task.dump(2));
  auto now = inspect(id);
  BOOST_TEST(now["compute"]["cpu"]["limit"]["value"] == 3000);
  BOOST_TEST(now["compute"]["cpu"]["limit"]["units"] == "MHz");
  BOOST_TEST(now["name"] == "vch-patch");

  auto wrongType = w.api().send("PATCH", w.scope() + "/vch/" + id + w.pinned(), w.admin(),
                                patch.dump(), "text/plain");
  BOOST_TEST(wrongType.status == 415);
  auto badValue =
      w.api().sendJson("PATCH", w.scope() + "/vch/" + id + w.pinned(), w.admin(),
                       {{"syslog_addr", "smtp://mail"}}, "application/merge-patch+json");
  BOOST_TEST(badValue.status / 100 == 4, badValue.body);
  BOOST_TEST(inspect(id)["compute"]["cpu"]["limit"]["value"] ==
             3000);  // unchanged by the refused patch
}

BOOST_AUTO_TEST_CASE(upgrade_then_rollback) {
  auto& w = ServerWorld::current();
  auto client = loggedInClient();
  const auto id = createOlderVch(*client, "vch-old").value;
  const std::string old = olderImages().version.str();
  BOOST_TEST(inspect(id)["runtime"]["upgrade_status"] ==
             "Upgradeable to " + vic::version::current().str());
  // The list says whether there is an upgrade to roll back, and to what.
  auto row = [&] {
    const json list = w.api().get(w.scope() + "/vch" + w.pinned(), w.admin()).json();
    for (const auto& v : list["vchs"])
      if (v["id"] == id) return v;
    return json();
  };
  BOOST_TEST(!row().contains("rollback_version"), row().dump());

  auto task = finished(
      w.api().send("POST", w.scope() + "/vch/" + id + w.pinned() + "&action=upgrade", w.admin()));
  BOOST_TEST_REQUIRE(task["state"] == "succeeded", task.dump(2));
  BOOST_TEST(task["kind"] == "upgrade");
  BOOST_TEST(inspect(id)["version"] == vic::version::current().str());
  BOOST_TEST(inspect(id)["runtime"]["upgrade_status"] == "Up to date");
  BOOST_TEST(row().value("rollback_version", "") == old, row().dump());

  auto again =
      w.api().send("POST", w.scope() + "/vch/" + id + w.pinned() + "&action=upgrade", w.admin());
  BOOST_TEST(again.status == 409, again.body);
  BOOST_TEST(again.json()["message"].get<std::string>().find("no upgrade is available") !=
             std::string::npos);

  auto back =
      finished(w.api().sendJson("POST", w.scope() + "/vch/" + id + w.pinned() + "&action=upgrade",
                                w.admin(), {{"rollback", true}}));
  BOOST_TEST_REQUIRE(back["state"] == "succeeded", back.dump(2));
  BOOST_TEST(back["kind"] == "rollback");
  BOOST_TEST(inspect(id)["version"] == old);
  BOOST_TEST(!row().contains("rollback_version"), row().dump());

  auto wrongIso =
      w.api().sendJson("POST", w.scope() + "/vch/" + id + w.pinned() + "&action=upgrade", w.admin(),
                       {{"bootstrap-iso", "photon-2.iso"}});
  BOOST_TEST(wrongIso.status == 422);
}

BOOST_AUTO_TEST_CASE(debug_enables_ssh_with_a_sealed_password) {
  auto& w = ServerWorld::current();
  const auto id = w.createVch("vch-debug");
  const std::string key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDebugKeyForTests admin@example.com";
  auto task = finished(w.api().sendJson(
      "POST", w.scope() + "/vch/" + id + w.pinned() + "&action=debug", w.admin(),
      {{"enable-ssh", true}, {"authorized-key", key}, {"rootpw", "Root-Pw-1234"}}));
  BOOST_TEST_REQUIRE(task["state"] == "succeeded", task.dump(2));
  auto extra = extraConfigOf(id);
  BOOST_TEST(extra["guestinfo.vice./debug/enable_ssh"] == "true");
  BOOST_TEST(extra["guestinfo.vice./debug/authorized_key"] == key);
  const std::string sealed = extra["guestinfo.vice./debug/root_password@secret"];
  BOOST_TEST(!sealed.empty());
  BOOST_TEST(sealed.find("Root-Pw-1234") == std::string::npos);

  auto off =
      finished(w.api().sendJson("POST", w.scope() + "/vch/" + id + w.pinned() + "&action=debug",
                                w.admin(), {{"enable-ssh", false}}));
  BOOST_TEST_REQUIRE(off["state"] == "succeeded", off.dump(2));
  BOOST_TEST(extraConfigOf(id)["guestinfo.vice./debug/enable_ssh"] == "");

  auto bad = w.api().sendJson("POST", w.scope() + "/vch/" + id + w.pinned() + "&action=debug",
                              w.admin(), {{"authorized-key", key}});
  BOOST_TEST(bad.status == 400);
}

BOOST_AUTO_TEST_SUITE_END()
