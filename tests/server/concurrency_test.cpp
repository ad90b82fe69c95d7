// Many callers at once: the plug-in's panes and scripts list VCHs together.
#include <atomic>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "tests/server/server_world.h"

using namespace vic::test;

BOOST_AUTO_TEST_SUITE(concurrency, *boost::unit_test::fixture<ServerWorld>())

BOOST_AUTO_TEST_CASE(two_hundred_concurrent_lists_all_succeed) {
  auto& w = ServerWorld::current();
  const std::string id = w.createVch("vch-busy");
  ApiClient many(w.server().host(), w.server().port(), w.server().thumbprint(), 200);
  constexpr int kRequests = 200;
  std::atomic<int> ok{0};
  std::atomic<int> listed{0};
  std::vector<std::string> failures(kRequests);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kRequests; ++i)
    threads.emplace_back([&, i] {
      ++ready;
      while (ready.load() < kRequests)
        std::this_thread::yield();  // all start together
      try {
        auto r = many.get(w.scope() + "/vch" + w.pinned(), w.admin());
        if (r.status != 200) {
          failures[i] = std::to_string(r.status) + " " + r.body;
          return;
        }
        ++ok;
        const auto rBody = r.json();
        for (const auto& v : rBody["vchs"])
          listed += v["id"] == id;
      } catch (const std::exception& e) {
        failures[i] = e.what();
      }
    });
  for (auto& t : threads)
    t.join();
  for (const auto& f : failures)
    BOOST_TEST(f.empty(), f);
  BOOST_TEST(ok.load() == kRequests);
  BOOST_TEST(listed.load() == kRequests);
}

BOOST_AUTO_TEST_SUITE_END()
