// How the server reads a request's path and query: each part
// percent-decoded exactly once, malformed escapes refused with 400.
#include <boost/test/unit_test.hpp>

#include "plugin-server/httpd/http_error.h"
#include "plugin-server/httpd/request_target.h"
#include "plugin-server/httpd/router.h"

using namespace vic::server;

namespace {

int statusOf(const std::string& target) {
  try {
    RequestTarget::parse(target);
  } catch (const HttpError& e) {
    return e.status();
  }
  return 200;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_targets)

BOOST_AUTO_TEST_CASE(segments_and_parameters_are_decoded_once) {
  auto t = RequestTarget::parse("/container/target/vc%2525.example/vch?thumbprint=AA%3ABB&x=a+b");
  BOOST_TEST(t.rawPath == "/container/target/vc%2525.example/vch");
  BOOST_TEST(
      (t.segments == std::vector<std::string>{"container", "target", "vc%25.example", "vch"}));
  BOOST_TEST(t.query["thumbprint"] == "AA:BB");
  BOOST_TEST(t.query["x"] == "a b");

  Router router;
  router.add("GET", "/container/target/{target}/vch", [](Exchange&) {});
  auto m = router.match("GET", t.segments);
  BOOST_TEST_REQUIRE(m.has_value());
  BOOST_TEST(m->params["target"] == "vc%25.example");  // not "vc%.example": decoded once
}

BOOST_AUTO_TEST_CASE(a_malformed_escape_is_400) {
  BOOST_TEST(statusOf("/container/target/%zz/vch") == 400);
  BOOST_TEST(statusOf("/container/target/%4") == 400);
  BOOST_TEST(statusOf("/container%") == 400);
  BOOST_TEST(statusOf("/container?thumbprint=%G1") == 400);
  BOOST_TEST(statusOf("/container/%00") == 400);
  BOOST_TEST(statusOf("/container/target/%41") == 200);
}

BOOST_AUTO_TEST_CASE(a_slash_escaped_in_a_segment_stays_in_it) {
  auto t = RequestTarget::parse("/ui/a%2Fb/");
  BOOST_TEST((t.segments == std::vector<std::string>{"ui", "a/b"}));
}

BOOST_AUTO_TEST_CASE(an_absolute_target_is_read_by_its_path) {
  auto t = RequestTarget::parse("https://appliance:8443/container/version?x=1#frag");
  BOOST_TEST(t.rawPath == "/container/version");
  BOOST_TEST(t.query["x"] == "1");
}

BOOST_AUTO_TEST_SUITE_END()
