// The plan and its undo loop, driven through a fake transport: a failure can
// be placed at any single vSphere call inside a step, with no vcsim.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "tests/support/fake_transport.h"
#include "vicapi/engine/plan/plan.h"
#include "vicapi/engine/plan/undo.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/client.h"
#include "vicapi/vim/resource_pool.h"

using namespace vic;
using vic::test::FakeTransport;

namespace {

// A client over a fake vCenter that makes resource pools and destroys them,
// remembering the order of both.
struct PoolWorld {
  FakeTransport* fake = nullptr;
  std::unique_ptr<vim::Client> client;
  std::vector<std::string> created, destroyed;

  PoolWorld() {
    auto transport = std::make_unique<FakeTransport>();
    fake = transport.get();
    fake->on("CreateResourcePool", [this](const soap::Node&) {
      const std::string id = "resgroup-" + std::to_string(created.size() + 1);
      created.push_back(id);
      return vim::Moref{"ResourcePool", id}.node("returnval");
    });
    fake->on("Destroy_Task", [this](const soap::Node& req) {
      destroyed.push_back(req.textOf("_this"));
      return fake->finishedTask().node("returnval");
    });
    client = std::make_unique<vim::Client>(std::move(transport), false);
  }

  // Two steps: the first makes two pools, the second one more; each change's
  // undo is recorded right after it.
  engine::Plan plan() {
    auto makePool = [this](engine::StepContext& ctx, const std::string& name) {
      auto ref = vim::ResourcePool(*client, {"ResourcePool", "resgroup-root"})
                     .createResourcePool(name, {});
      ctx.recordUndo(engine::undo::DestroyEntity{ref});
    };
    engine::Plan p;
    p.add({"pools", "Create two pools", [=](engine::StepContext& ctx) {
             makePool(ctx, "a");
             makePool(ctx, "b");
           }});
    p.add(
        {"third", "Create the third pool", [=](engine::StepContext& ctx) { makePool(ctx, "c"); }});
    return p;
  }
};

struct Quiet : engine::PlanObserver {
  std::vector<std::string> started;
  void stepStarted(std::size_t, std::size_t, const std::string& name, const std::string&) override {
    started.push_back(name);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(plan)

BOOST_AUTO_TEST_CASE(a_failure_at_any_single_call_undoes_exactly_what_came_before) {
  std::size_t calls;
  {
    PoolWorld clean;
    const auto before = clean.fake->callCount();
    Quiet o;
    clean.plan().execute(*clean.client, o);
    calls = clean.fake->callCount() - before;
    BOOST_TEST(clean.created.size() == 3u);
    BOOST_TEST(clean.destroyed.empty());
  }
  BOOST_TEST(calls == 3u);
  for (std::size_t n = 1; n <= calls; ++n) {
    BOOST_TEST_CONTEXT("failure at call " << n) {
      PoolWorld w;
      w.fake->failCall(n, [] {
        soap::throwFault("CreateResourcePool", "InvalidState", "the host is in maintenance",
                         soap::Node());
      });
      Quiet o;
      try {
        w.plan().execute(*w.client, o);
        BOOST_FAIL("the plan should have failed");
      } catch (const engine::PlanFailed& e) {
        BOOST_TEST(e.rolledBack());
        BOOST_TEST(e.step() == (n <= 2 ? "pools" : "third"));
        BOOST_TEST(std::string(e.what()).find("InvalidState") != std::string::npos);
        // The failed call's code travels with the plan's failure.
        BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(ErrorCode::FailedPrecondition));
      }
      BOOST_TEST(w.created.size() == n - 1);
      std::vector<std::string> expected(w.created.rbegin(), w.created.rend());
      BOOST_TEST(w.destroyed == expected, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(an_undo_that_fails_does_not_stop_the_others) {
  PoolWorld w;
  Quiet o;
  std::vector<engine::Undo> undos{{"destroy_entity", {{"ref", "ResourcePool:resgroup-1"}}},
                                  {"destroy_entity", {{"ref", "ResourcePool:resgroup-2"}}},
                                  {"destroy_entity", {{"ref", "ResourcePool:resgroup-3"}}}};
  // The second undo to run (resgroup-2) meets a broken connection.
  const auto destroyCall = 2 + 1;  // Destroy_Task and its task read per undo, then the next
  w.fake->failCall(destroyCall, [] { throw TransportError("connection reset"); });
  const auto errors = engine::runUndos(*w.client, undos, o);
  BOOST_TEST(errors.size() == 1u);
  BOOST_TEST(errors.front().find("resgroup-2") != std::string::npos);
  BOOST_TEST(w.destroyed == (std::vector<std::string>{"resgroup-3", "resgroup-1"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_stop_before_a_step_rolls_back_and_says_cancelled) {
  PoolWorld w;
  std::stop_source stop;
  engine::Plan p = w.plan();
  Quiet o;
  const engine::FaultHook hook = [&](const std::string& step, engine::FaultPoint point) {
    if (step == "pools" && point == engine::FaultPoint::AfterStep) stop.request_stop();
  };
  try {
    p.execute(*w.client, o, hook, stop.get_token());
    BOOST_FAIL("the plan should have been stopped");
  } catch (const engine::PlanFailed& e) {
    BOOST_TEST(static_cast<int>(e.code()) == static_cast<int>(ErrorCode::Cancelled));
    BOOST_TEST(e.rolledBack());
    BOOST_TEST(e.step() == "third");
  }
  BOOST_TEST(o.started == (std::vector<std::string>{"pools"}), boost::test_tools::per_element());
  BOOST_TEST(w.destroyed == (std::vector<std::string>{"resgroup-2", "resgroup-1"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_stop_ends_a_task_wait_at_once) {
  PoolWorld w;
  std::mutex m;
  std::condition_variable cv;
  bool cancelled = false;
  w.fake->on("CreatePropertyCollector", [](const soap::Node&) {
    return vim::Moref{"PropertyCollector", "session[1]pc"}.node("returnval");
  });
  w.fake->on("CreateFilter", [](const soap::Node&) {
    return vim::Moref{"PropertyFilter", "filter-1"}.node("returnval");
  });
  w.fake->on("DestroyPropertyCollector", [](const soap::Node&) { return soap::Node(); });
  w.fake->on("CancelWaitForUpdates", [&](const soap::Node&) {
    std::lock_guard lock(m);
    cancelled = true;
    cv.notify_all();
    return soap::Node();
  });
  // As vCenter does: the wait returns only when something changes or it is
  // cancelled, and then with RequestCanceled.
  w.fake->on("WaitForUpdatesEx", [&](const soap::Node&) -> soap::Node {
    std::unique_lock lock(m);
    cv.wait_for(lock, std::chrono::seconds(20), [&] { return cancelled; });
    soap::throwFault("WaitForUpdatesEx", "RequestCanceled", "", soap::Node());
  });
  const auto task = w.fake->runningTask();
  std::stop_source stop;
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    stop.request_stop();
  });
  const auto start = std::chrono::steady_clock::now();
  BOOST_CHECK_THROW(
      vim::Task(*w.client, task, "CreateVM_Task").wait(std::nullopt, stop.get_token()), Cancelled);
  stopper.join();
  const bool quick = std::chrono::steady_clock::now() - start < std::chrono::seconds(5);
  BOOST_TEST(quick);
  const auto methods = w.fake->methods();
  BOOST_TEST(
      (std::find(methods.begin(), methods.end(), "DestroyPropertyCollector") != methods.end()));
}

BOOST_AUTO_TEST_SUITE_END()
