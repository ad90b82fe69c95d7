// Who may call: Basic credentials checked by vCenter, clone tickets, pinned
// thumbprints; and the status codes for each way of getting it wrong.
#include <regex>

#include <boost/test/unit_test.hpp>

#include "tests/server/server_world.h"

using namespace vic::test;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++n;
  return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(authentication, *boost::unit_test::fixture<ServerWorld>())

BOOST_AUTO_TEST_CASE(no_credentials_is_401) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "/vch" + w.pinned());
  BOOST_TEST(r.status == 401);
  BOOST_TEST(r.json()["message"].get<std::string>().find("X-VMWARE-TICKET") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_wrong_password_is_401_not_the_originals_400) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "/vch" + w.pinned(), basicAuth(kTestUser, "not-the-password"));
  BOOST_TEST(r.status == 401);
  const std::string message = r.json()["message"];
  BOOST_TEST(message.find("refused the credentials") != std::string::npos, message);
  BOOST_TEST(message.find("not-the-password") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_empty_user_is_401) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "/vch" + w.pinned(), basicAuth("", "x"));
  BOOST_TEST(r.status == 401);
  BOOST_TEST(r.json()["message"].get<std::string>().find("user must be given") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(basic_credentials_list_vchs) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "/vch" + w.pinned(), w.admin());
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  BOOST_TEST(r.json()["vchs"].is_array());
}

BOOST_AUTO_TEST_CASE(a_clone_ticket_acts_as_its_user) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.dcScope() + "/vch" + w.pinned(), ticketAuth(w.cloneTicket()));
  BOOST_TEST_REQUIRE(r.status == 200, r.body);
  BOOST_TEST(w.server().logText().find("vSphere session opened on " + w.target() + " for " +
                                       kTestUser) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_made_up_ticket_is_401) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "/vch" + w.pinned(),
                       ticketAuth("cst-VCT-00000000-0000-0000-0000-000000000000"));
  BOOST_TEST(r.status == 401, r.body);
}

BOOST_AUTO_TEST_CASE(one_login_serves_many_requests) {
  auto& w = ServerWorld::current();
  const auto user = basicAuth(kTestUser, kTestPassword);
  const std::string marker = "vSphere session opened on " + w.target() + " for " + kTestUser;
  w.api().get(w.scope() + "/vch" + w.pinned(), user);
  const std::size_t before = count(w.server().logText(), marker);
  for (int i = 0; i < 5; ++i)
    BOOST_TEST(w.api().get(w.scope() + "/vch" + w.pinned(), user).status == 200);
  BOOST_TEST(count(w.server().logText(), marker) == before);
}

BOOST_AUTO_TEST_CASE(a_wrong_thumbprint_is_refused_showing_both) {
  auto& w = ServerWorld::current();
  const std::string wrong = "01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14";
  auto r = w.api().get(w.scope() + "/vch?thumbprint=" + wrong, w.admin());
  BOOST_TEST(r.status == 400);
  const std::string message = r.json()["message"];
  BOOST_TEST(message.find(wrong) != std::string::npos, message);
  BOOST_TEST(message.find(SimulatorFixture::current().thumbprint().str()) != std::string::npos,
             message);
}

BOOST_AUTO_TEST_CASE(an_untrusted_target_without_thumbprint_is_400) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "/vch", w.admin());
  BOOST_TEST(r.status == 400, r.body);
}

BOOST_AUTO_TEST_CASE(a_malformed_thumbprint_is_400) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "/vch?thumbprint=zz:top", w.admin());
  BOOST_TEST(r.status == 400);
  BOOST_TEST(r.json()["message"].get<std::string>().rfind("thumbprint: ", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(an_unknown_datacenter_is_404) {
  auto& w = ServerWorld::current();
  auto r = w.api().get(w.scope() + "/datacenter/datacenter-999/vch" + w.pinned(), w.admin());
  BOOST_TEST(r.status == 404);
  BOOST_TEST(r.json()["message"] == "datacenter datacenter-999 was not found on " + w.target());
}

BOOST_AUTO_TEST_CASE(a_target_that_is_down_is_502) {
  auto& w = ServerWorld::current();
  auto r = w.api().get("/container/target/127.0.0.1:1/vch" + w.pinned(), w.admin());
  BOOST_TEST(r.status == 502, r.body);
}

BOOST_AUTO_TEST_SUITE_END()
