// A server killed in the middle of a create: on restart, before it serves
// anything, the operation is marked interrupted and what it had made in
// vCenter is taken back.
#include <chrono>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "tests/server/server_world.h"
#include "tests/support/engine_world.h"

using namespace vic::test;

namespace {

// Power-on takes 4 s, so a create can be caught with most of its steps done.
struct SlowPowerOnWorld : ServerWorld {
  SlowPowerOnWorld()
      : ServerWorld(
            [] {
              vic::sim::SimulatorOptions o;
              o.extraArgs = {"-method-delay", "PowerOnVM_Task:4000"};
              return o;
            }(),
            {}) {}
};

}  // namespace

BOOST_AUTO_TEST_SUITE(crash_recovery, *boost::unit_test::fixture<SlowPowerOnWorld>())

BOOST_AUTO_TEST_CASE(a_create_cut_off_by_a_crash_is_rolled_back_on_restart) {
  auto& w = ServerWorld::current();
  auto admin = loggedInClient();
  const auto before = snapshotWorld(*admin, SimulatorFixture::current());

  auto created = w.api().sendJson("POST", w.scope() + "/vch" + w.pinned(), w.admin(),
                                  minimalVchBody("vch-crash"));
  BOOST_TEST_REQUIRE(created.status == 201, created.body);
  const std::string uri = created.json()["task"];
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (true) {
    auto task = w.api().get(uri, w.admin()).json();
    if (task["step"] == "power_on") break;
    BOOST_TEST_REQUIRE(task["state"] != "failed", task.dump(2));
    BOOST_TEST_REQUIRE((std::chrono::steady_clock::now() < deadline),
                       "create never reached power_on");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  const bool madeThings = !(snapshotWorld(*admin, SimulatorFixture::current()) == before);
  BOOST_TEST_REQUIRE(madeThings);

  w.server().kill();
  w.server().restart();
  w.reconnect();

  // Recovery is over before the restarted server answers anything.
  const auto first = w.api().get(uri, w.admin()).json();
  BOOST_TEST(first["state"] == "interrupted", first.dump(2));
  BOOST_TEST(first.value("rollback", "") == "complete", first.dump(2));
  const auto task = w.waitForTask(uri, w.admin(), 120);
  BOOST_TEST(task["state"] == "interrupted", task.dump(2));
  BOOST_TEST(task["rollback"] == "complete", task.dump(2));
  bool explained = false;
  for (const auto& line : task["log"])
    explained |= line.get<std::string>().find("the server stopped while this operation ran") !=
                 std::string::npos;
  BOOST_TEST(explained, task.dump(2));

  // vcsim carries out the power-on it was holding even though its caller
  // died; let it, then nothing of the VCH may be left.
  std::this_thread::sleep_for(std::chrono::seconds(5));
  const auto after = snapshotWorld(*admin, SimulatorFixture::current());
  BOOST_TEST((after == before), describeDifference(before, after));
  auto list = w.api().get(w.scope() + "/vch" + w.pinned(), w.admin()).json();
  BOOST_TEST(list["vchs"].empty(), list.dump());
}

BOOST_AUTO_TEST_SUITE_END()
