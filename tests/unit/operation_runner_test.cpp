// Stopping the server stops its operations: the running one ends at its
// next step, rolled back, and the queued ones never start. A VCH takes one
// operation at a time. A rollback left pending runs on a worker, not in the
// request that brought its user's session.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "plugin-server/jobs/operation_runner.h"
#include "tests/support/fake_transport.h"

using namespace vic;
using namespace vic::server;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(operation_runner)

BOOST_AUTO_TEST_CASE(stopping_interrupts_the_running_plan_and_starts_nothing_queued) {
  const fs::path dir = fs::temp_directory_path() / ("vic-runner-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  Database db(dir / "vic.db");
  Journal journal(db);
  auto client = std::make_shared<vim::Client>(std::make_unique<test::FakeTransport>(), false);
  std::atomic<bool> started{false};
  std::atomic<int> laterSteps{0};
  std::string running, queued;
  {
    OperationRunner runner(journal, dir / "sessions", 1);
    OperationRecord op;
    op.kind = "create";
    op.target = "vc.example:443";
    op.vchName = "a-vch";
    running = runner.start(op, client, [&](const std::string&, engine::PlanObserver& observer) {
      engine::Plan plan;
      // Runs until the appliance is told to stop, as a long vSphere task would.
      plan.add({"long", "Wait for the stop", [&](engine::StepContext&) {
                  started = true;
                  while (!StopScope::current().stop_requested())
                    std::this_thread::sleep_for(std::chrono::milliseconds(5));
                }});
      plan.add({"next", "The step after", [&](engine::StepContext&) { ++laterSteps; }});
      plan.execute(*client, observer);
      return nlohmann::json();
    });
    op.vchName = "another-vch";
    queued = runner.start(op, client, [&](const std::string&, engine::PlanObserver&) {
      ++laterSteps;
      return nlohmann::json();
    });
    while (!started)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }  // the server stops here
  BOOST_TEST(laterSteps == 0);
  const auto first = journal.get(running, false);
  BOOST_REQUIRE(first);
  BOOST_TEST(first->state == "interrupted");
  BOOST_TEST(first->rollback == "complete");
  BOOST_TEST(first->error.find("shutting down") != std::string::npos, first->error);
  const auto second = journal.get(queued, false);
  BOOST_REQUIRE(second);
  BOOST_TEST(second->state == "interrupted");
  BOOST_TEST(second->error.find("before this operation started") != std::string::npos,
             second->error);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_vch_takes_one_operation_at_a_time) {
  const fs::path dir = fs::temp_directory_path() / ("vic-busy-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  Database db(dir / "vic.db");
  Journal journal(db);
  auto client = std::make_shared<vim::Client>(std::make_unique<test::FakeTransport>(), false);
  std::atomic<bool> started{false}, release{false};
  std::atomic<int> ran{0};
  const auto quick = [&](const std::string&, engine::PlanObserver&) {
    ++ran;
    return nlohmann::json();
  };
  {
    OperationRunner runner(journal, dir / "sessions", 4);  // room to run side by side
    OperationRecord op;
    op.kind = "reconfigure";
    op.target = "vc.example:443";
    op.vchId = "vm-1";
    op.vchName = "vch-1";
    const auto first = runner.start(op, client, [&](const std::string&, engine::PlanObserver&) {
      started = true;
      while (!release)
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      return nlohmann::json();
    });
    while (!started)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));

    // A delete of the same VCH, on the way in and at the start: refused, naming the first.
    auto removal = op;
    removal.kind = "delete";
    const auto names = [&](const VchBusy& e) {
      return e.runningId == first && std::string(e.what()).find("reconfigure") != std::string::npos;
    };
    BOOST_CHECK_EXCEPTION(runner.refuseIfBusy(removal), VchBusy, names);
    BOOST_CHECK_EXCEPTION(runner.start(removal, client, quick), VchBusy, names);
    // Two creates of one name take turns too; other VCHs go on.
    OperationRecord create;
    create.kind = "create";
    create.target = op.target;
    create.vchName = "vch-new";
    auto other = op;
    other.vchId = "vm-2";
    BOOST_CHECK_NO_THROW(runner.start(other, client, quick));
    BOOST_CHECK_NO_THROW(runner.start(create, client, quick));
    // The refused operations left nothing in the journal.
    BOOST_TEST(journal.byState("failed").empty());

    release = true;
    std::string next;
    for (int i = 0; i < 1000 && next.empty(); ++i) {
      try {
        next = runner.start(removal, client, quick);
      } catch (const VchBusy&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
      }
    }
    BOOST_TEST(!next.empty(), "the VCH is free again once its operation ended");
    BOOST_TEST(journal.get(first, false)->state == "succeeded");
  }
  BOOST_TEST(ran.load() >= 2);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_pending_rollback_runs_on_a_worker_not_in_the_request,
                     *boost::unit_test::timeout(20)) {
  const fs::path dir = fs::temp_directory_path() / ("vic-resume-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  Database db(dir / "vic.db");
  Journal journal(db);
  auto transport = std::make_unique<test::FakeTransport>();
  auto* fake = transport.get();
  std::atomic<bool> reached{false}, open{false};
  fake->on("ReconfigVM_Task", [&](const soap::Node&) {
    reached = true;
    while (!open)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    return fake->finishedTask().node("returnval");
  });
  auto client = std::make_shared<vim::Client>(std::move(transport), false);

  OperationRecord op;
  op.kind = "reconfigure";
  op.target = "vc.example:443";
  op.principal = "admin@vsphere.local";
  op.vchId = "vm-1";
  const auto id = journal.begin(op);
  journal.addUndo(id,
                  {"set_extra_config", {{"vm", "VirtualMachine:vm-1"}, {"values", {{"k", ""}}}}});
  journal.finish(id, "interrupted", "the server stopped while this operation ran", "pending");
  {
    OperationRunner runner(journal, dir / "sessions", 2);
    runner.resumePending(op.target, op.principal, client);  // returns with the rollback still to do
    runner.resumePending(op.target, op.principal, client);  // and queues it once
    for (int i = 0; i < 1000 && !reached; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    BOOST_TEST(reached.load(), "a worker took it up");
    BOOST_TEST(journal.get(id, false)->rollback == "pending");
    open = true;
    for (int i = 0; i < 1000 && journal.get(id, false)->rollback == "pending"; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  BOOST_TEST(journal.get(id, false)->rollback == "complete");
  const auto calls = fake->methods();
  BOOST_TEST(std::count(calls.begin(), calls.end(), "ReconfigVM_Task") == 1);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
