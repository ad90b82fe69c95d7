// The session cache over fake vCenters: what it logs in, reuses and logs out,
// call by call, with no server.
#include <boost/test/unit_test.hpp>

#include "plugin-server/auth/session_cache.h"
#include "tests/support/fake_transport.h"
#include "vicapi/soap/fault.h"

using namespace vic;
using namespace vic::server;
using vic::test::FakeTransport;

namespace {

struct Fakes {
  // Every client the cache made, by the log of its transport.
  std::vector<std::shared_ptr<const std::vector<std::string>>> logs;
  std::function<void(FakeTransport&)> script;

  SessionCache::Connect connect() {
    return [this](const net::Endpoint&, const tls::Trust&) {
      auto t = std::make_unique<FakeTransport>();
      if (script) script(*t);
      logs.push_back(t->callLog());
      return std::make_shared<vim::Client>(std::move(t));
    };
  }
  std::size_t count(std::size_t client, const std::string& method) const {
    const auto& l = *logs.at(client);
    return static_cast<std::size_t>(std::count(l.begin(), l.end(), method));
  }
};

Credentials basic(const std::string& user, const std::string& password) {
  Credentials c;
  c.user = user;
  c.password = Secret(password);
  return c;
}

const net::Endpoint kTarget{"vc.example", 443};

}  // namespace

BOOST_AUTO_TEST_SUITE(session_cache)

BOOST_AUTO_TEST_CASE(one_login_serves_a_burst_and_other_credentials_get_their_own) {
  Fakes fakes;
  {
    SessionCache cache(SessionCache::Limits{}, fakes.connect());
    auto a = cache.get(kTarget, {}, "pin", basic("alice", "pw"));
    auto b = cache.get(kTarget, {}, "pin", basic("alice", "pw"));
    BOOST_TEST(a.client == b.client);
    BOOST_TEST(a.principal == "alice");
    BOOST_TEST(fakes.logs.size() == 1u);
    BOOST_TEST(fakes.count(0, "Login") == 1u);

    // Another password is another session, never the cached one.
    auto c = cache.get(kTarget, {}, "pin", basic("alice", "other"));
    BOOST_TEST(c.client != a.client);
    // So is another trust decision for the same target.
    auto d = cache.get(kTarget, {}, "another-pin", basic("alice", "pw"));
    BOOST_TEST(d.client != a.client);
    BOOST_TEST(fakes.logs.size() == 3u);
    BOOST_TEST(cache.size() == 3u);
  }
  // The cache logs each session out as it goes.
  for (std::size_t i = 0; i < fakes.logs.size(); ++i)
    BOOST_TEST(fakes.count(i, "Logout") == 1u);
}

BOOST_AUTO_TEST_CASE(a_forgotten_session_is_logged_out_once_unused_and_replaced) {
  Fakes fakes;
  SessionCache cache(SessionCache::Limits{}, fakes.connect());
  auto first = cache.get(kTarget, {}, "pin", basic("bob", "pw"));
  cache.forget(first.client);
  BOOST_TEST(fakes.count(0, "Logout") == 0u);  // still in use by `first`
  first.client.reset();
  BOOST_TEST(fakes.count(0, "Logout") == 1u);
  auto again = cache.get(kTarget, {}, "pin", basic("bob", "pw"));
  BOOST_TEST(fakes.logs.size() == 2u);
  BOOST_TEST(fakes.count(1, "Login") == 1u);
}

BOOST_AUTO_TEST_CASE(refused_credentials_are_not_cached) {
  Fakes fakes;
  fakes.script = [](FakeTransport& t) {
    t.on("Login", [](const soap::Node&) -> soap::Node {
      soap::throwFault("Login", "InvalidLogin", "Cannot complete login", soap::Node());
    });
  };
  SessionCache cache(SessionCache::Limits{}, fakes.connect());
  BOOST_CHECK_THROW(cache.get(kTarget, {}, "pin", basic("eve", "wrong")), InvalidLoginFault);
  BOOST_TEST(cache.size() == 0u);
}

BOOST_AUTO_TEST_CASE(an_expired_password_session_logs_in_again_once_and_goes_on) {
  Fakes fakes;
  std::size_t reads = 0;
  fakes.script = [&](FakeTransport& t) {
    t.on("CurrentTime", [&](const soap::Node&) -> soap::Node {
      if (++reads == 1)
        soap::throwFault("CurrentTime", "NotAuthenticated", "session expired", soap::Node());
      return soap::el("returnval", "2026-11-29T00:00:00Z");
    });
  };
  SessionCache cache(SessionCache::Limits{}, fakes.connect());
  auto s = cache.get(kTarget, {}, "pin", basic("carol", "pw"));
  BOOST_TEST(s.client->currentTime() == "2026-11-29T00:00:00Z");
  BOOST_TEST(fakes.count(0, "Login") == 2u);
  BOOST_TEST(fakes.count(0, "CurrentTime") == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
