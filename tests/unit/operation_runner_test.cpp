// Stopping the server stops its operations: the running one ends at its
// next step, rolled back, and the queued ones never start.
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

BOOST_AUTO_TEST_SUITE_END()
