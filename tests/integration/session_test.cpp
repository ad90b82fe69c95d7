#include <boost/test/unit_test.hpp>

#include "tests/support/log_capture.h"
#include "tests/support/simulator_fixture.h"
#include "vicapi/soap/fault.h"
#include "vicapi/vim/inventory.h"
#include "vicapi/vim/view.h"

using namespace vic;
using test::kTestPassword;
using test::kTestUser;

BOOST_AUTO_TEST_SUITE(sessions, *boost::unit_test::fixture<test::VcsimWithPassword>())

BOOST_AUTO_TEST_CASE(service_content_is_read_without_a_session) {
  auto c = test::anonymousClient();
  const auto& sc = c->serviceContent();
  BOOST_TEST(sc.about.isVCenter());
  BOOST_TEST(sc.about.fullName.find("govmomi simulator") != std::string::npos);
  BOOST_TEST(!sc.propertyCollector.empty());
  BOOST_TEST(!sc.extensionManager.empty());
  BOOST_TEST(!c->loggedIn());
}

BOOST_AUTO_TEST_CASE(login_gives_a_session_that_is_active) {
  auto c = test::anonymousClient();
  auto s = c->login(kTestUser, Secret(kTestPassword));
  BOOST_TEST(s.userName == kTestUser);
  BOOST_TEST(!s.key.empty());
  auto current = c->currentSession();
  BOOST_REQUIRE(current);
  BOOST_TEST(current->userName == kTestUser);
  BOOST_TEST(c->sessionIsActive(s.key, kTestUser));
  BOOST_TEST(!c->sessionIsActive(Secret("no-such-session"), kTestUser));
}

BOOST_AUTO_TEST_CASE(wrong_password_is_invalid_login_and_not_repeated_in_the_message) {
  auto c = test::anonymousClient();
  try {
    c->login(kTestUser, Secret("not-the-password"));
    BOOST_FAIL("login should fail");
  } catch (const InvalidLoginFault& e) {
    BOOST_TEST(std::string(e.what()).find("not-the-password") == std::string::npos);
    BOOST_TEST(std::string(e.what()).find("InvalidLogin") != std::string::npos);
  }
  BOOST_TEST(!c->loggedIn());
}

BOOST_AUTO_TEST_CASE(without_a_session_calls_are_not_authenticated) {
  auto c = test::anonymousClient();
  BOOST_CHECK_THROW(vim::Inventory::load(*c), NotAuthenticatedFault);
}

BOOST_AUTO_TEST_CASE(logout_ends_the_session) {
  auto c = test::loggedInClient();
  c->logout();
  BOOST_TEST(!c->loggedIn());
  BOOST_CHECK_THROW(vim::Inventory::load(*c), NotAuthenticatedFault);
}

BOOST_AUTO_TEST_CASE(clone_ticket_opens_a_second_session_once) {
  auto owner = test::loggedInClient();
  Secret ticket = owner->acquireCloneTicket();
  BOOST_TEST(!ticket.empty());

  auto clone = test::anonymousClient();
  auto s = clone->cloneSession(ticket);
  BOOST_TEST(s.userName == kTestUser);
  BOOST_TEST(vim::Inventory::load(*clone).size() > 0u);

  // A ticket is good for one clone only.
  auto again = test::anonymousClient();
  BOOST_CHECK_THROW(again->cloneSession(ticket), InvalidLoginFault);
}

BOOST_AUTO_TEST_CASE(password_session_logs_in_again_once_when_it_expired) {
  auto c = test::loggedInClient();
  // End the session behind the client's back, as an idle timeout would.
  c->invoke("Logout", c->serviceContent().sessionManager);
  const auto before = c->roundTrips();
  BOOST_TEST(vim::Inventory::load(*c).size() > 0u);
  // The create-view call failed once, then Login, then the view, retrieve, destroy.
  BOOST_TEST(c->roundTrips() - before == 5u);
  BOOST_TEST(c->loggedIn());
}

BOOST_AUTO_TEST_CASE(an_expired_session_is_renewed_for_a_streamed_retrieval) {
  auto c = test::loggedInClient();
  c->invoke("Logout", c->serviceContent().sessionManager);
  int vms = 0;
  vim::retrieveEachFromContainer(*c, c->serviceContent().rootFolder, {{"VirtualMachine", {"name"}}},
                                 [&](vim::ObjectContent&& vm) { vms += !vm.text("name").empty(); });
  BOOST_TEST(vms == 4);
  BOOST_TEST(c->loggedIn());
}

BOOST_AUTO_TEST_CASE(ticket_session_is_not_renewed_behind_the_callers_back) {
  auto owner = test::loggedInClient();
  auto clone = test::anonymousClient();
  clone->cloneSession(owner->acquireCloneTicket());
  clone->invoke("Logout", clone->serviceContent().sessionManager);
  BOOST_CHECK_THROW(vim::Inventory::load(*clone), NotAuthenticatedFault);
}

BOOST_AUTO_TEST_CASE(no_password_ticket_or_session_key_in_logs_even_at_trace) {
  test::LogCapture capture(spdlog::level::trace);
  std::string ticketText, keyText;
  {
    auto c = test::anonymousClient();
    auto s = c->login(kTestUser, Secret(kTestPassword));
    keyText = s.key.reveal();
    Secret ticket = c->acquireCloneTicket();
    ticketText = ticket.reveal();
    auto clone = test::anonymousClient();
    auto cloned = clone->cloneSession(ticket);
    BOOST_TEST(clone->sessionIsActive(cloned.key, kTestUser));
    vim::Inventory::load(*clone);
    try {
      test::anonymousClient()->login(kTestUser, Secret("Wrong-Secret-42"));
    } catch (const InvalidLoginFault&) {
    }
  }
  const std::string log = capture.text();
  BOOST_TEST(log.find("SOAP request Login") != std::string::npos);  // it did log, at trace
  BOOST_TEST(log.find("RetrievePropertiesEx") != std::string::npos);
  BOOST_TEST(log.find(kTestPassword) == std::string::npos);
  BOOST_TEST(log.find("Wrong-Secret-42") == std::string::npos);
  BOOST_TEST(log.find(ticketText) == std::string::npos);
  BOOST_TEST(log.find(keyText) == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
