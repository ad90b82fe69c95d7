// A session made from a clone ticket ends after its lifetime however busy it
// is; one made with a password lives while it is used.
#include <thread>

#include <boost/test/unit_test.hpp>

#include "plugin-server/auth/session_cache.h"
#include "tests/support/simulator_fixture.h"

using namespace vic;
using namespace vic::test;
using vic::server::Credentials;
using vic::server::SessionCache;

BOOST_AUTO_TEST_SUITE(session_lifetime, *boost::unit_test::fixture<VcsimWithPassword>())

BOOST_AUTO_TEST_CASE(a_ticket_session_is_not_used_past_its_lifetime) {
  auto& sim = SimulatorFixture::current();
  SessionCache::Limits limits;
  limits.cloneLifetime = std::chrono::seconds(2);
  SessionCache cache(limits);
  const auto trust = tls::Trust::pin(sim.thumbprint());
  const std::string key = sim.thumbprint().str();

  auto source = loggedInClient();  // a ticket is good while the session it came from lives
  Credentials ticket;
  ticket.kind = Credentials::Kind::Ticket;
  ticket.ticket = source->acquireCloneTicket();
  Credentials password;
  password.user = kTestUser;
  password.password = Secret(kTestPassword);

  const auto first = cache.get(sim.endpoint(), trust, key, ticket).client;
  const auto byPassword = cache.get(sim.endpoint(), trust, key, password).client;
  for (int i = 0; i < 5; ++i) {  // busy all along
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    cache.get(sim.endpoint(), trust, key, password);
    try {
      cache.get(sim.endpoint(), trust, key, ticket);
    } catch (const std::exception&) {
    }
  }
  // Past its lifetime the ticket's session is not handed out again: the
  // ticket is tried anew, and vCenter takes a ticket only once.
  std::shared_ptr<vim::Client> later;
  try {
    later = cache.get(sim.endpoint(), trust, key, ticket).client;
  } catch (const std::exception&) {
  }
  BOOST_TEST(later != first);
  BOOST_TEST(cache.get(sim.endpoint(), trust, key, password).client == byPassword);
}

BOOST_AUTO_TEST_SUITE_END()
