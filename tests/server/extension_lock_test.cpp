// The registration lock between appliances, against vcsim's ExtensionManager:
// breaking a stale lock is compare-and-set (two breakers leave one holder),
// and a holder releases only its own lock.
#include <optional>

#include <boost/test/unit_test.hpp>

#include "plugin-server/registration/extension_lock.h"
#include "tests/support/simulator_fixture.h"
#include "vicapi/engine/errors.h"
#include "vicapi/vim/extension_manager.h"

using namespace vic;
using namespace vic::server;

namespace {

std::optional<vim::Extension> lockRecord(vim::Client& c) {
  return vim::ExtensionManager(c).findExtension(ExtensionLock::kKey);
}

void removeLock(vim::Client& c) {
  if (lockRecord(c)) vim::ExtensionManager(c).unregisterExtension(ExtensionLock::kKey);
}

// A lock as an appliance leaves it that died holding it (or, when `when` is
// now, as one that holds it right now).
void plantLock(vim::Client& c, const std::string& holder, const std::string& when) {
  vim::Extension x;
  x.key = ExtensionLock::kKey;
  x.version = "1.0.0.0";
  x.company = "VMware";
  x.description = {"VIC registration in progress", holder};
  x.lastHeartbeatTime = when;
  vim::ExtensionManager(c).registerExtension(x);
}

const ExtensionLock::Timing kQuick{std::chrono::milliseconds(1500), std::chrono::seconds(60)};

}  // namespace

BOOST_AUTO_TEST_SUITE(extension_lock, *boost::unit_test::fixture<test::Vcsim>())

BOOST_AUTO_TEST_CASE(two_appliances_breaking_a_stale_lock_at_once_leave_one_holder) {
  auto a = test::loggedInClient();
  auto b = test::loggedInClient();
  removeLock(*a);
  plantLock(*a, "appliance-dead", "2020-01-01T00:00:00.000Z");

  // B has found the lock stale; before it breaks it, A finds it stale too,
  // breaks it and takes a fresh one. B must not break A's.
  std::optional<ExtensionLock> heldByA;
  ExtensionLock::Timing timing = kQuick;
  timing.beforeBreak = [&] {
    if (!heldByA) heldByA.emplace(*a, "appliance-a", kQuick);
  };
  BOOST_CHECK_THROW(ExtensionLock(*b, "appliance-b", timing), engine::ConflictError);
  BOOST_REQUIRE(heldByA.has_value());
  const auto now = lockRecord(*a);
  BOOST_REQUIRE(now.has_value());
  BOOST_TEST(now->description.summary.rfind("appliance-a", 0) == 0u, now->description.summary);

  // Once A lets go, B takes it at once.
  heldByA.reset();
  BOOST_TEST(!lockRecord(*a).has_value());
  {
    ExtensionLock lock(*b, "appliance-b", kQuick);
    BOOST_TEST(lockRecord(*a)->description.summary.rfind("appliance-b", 0) == 0u);
  }
  BOOST_TEST(!lockRecord(*a).has_value());
}

BOOST_AUTO_TEST_CASE(a_holder_releases_only_its_own_lock) {
  auto c = test::loggedInClient();
  removeLock(*c);
  {
    ExtensionLock lock(*c, "appliance-a", kQuick);
    // A stalls past the stale age; C breaks the lock and takes it.
    removeLock(*c);
    plantLock(*c, "appliance-c", "2099-01-01T00:00:00.000Z");
  }
  const auto left = lockRecord(*c);
  BOOST_REQUIRE(left.has_value());
  BOOST_TEST(left->description.summary == "appliance-c");
  removeLock(*c);
}

BOOST_AUTO_TEST_CASE(a_stale_lock_alone_is_broken_and_taken) {
  auto c = test::loggedInClient();
  removeLock(*c);
  plantLock(*c, "appliance-dead", "2020-01-01T00:00:00.000Z");
  {
    ExtensionLock lock(*c, "appliance-a", kQuick);
    BOOST_TEST(lockRecord(*c)->description.summary.rfind("appliance-a", 0) == 0u);
  }
  BOOST_TEST(!lockRecord(*c).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
