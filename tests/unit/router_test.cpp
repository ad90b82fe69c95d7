#include <boost/test/unit_test.hpp>

#include "plugin-server/httpd/router.h"

using namespace vic::server;

BOOST_AUTO_TEST_SUITE(router)

BOOST_AUTO_TEST_CASE(matches_by_segments_and_names_the_parameters) {
  Router r;
  r.add("GET", "/container/target/{target}/vch", nullptr);
  r.add("GET", "/container/target/{target}/vch/{vchId}", nullptr);
  r.add("DELETE", "/container/target/{target}/vch/{vchId}", nullptr);

  auto m = r.match("GET", {"container", "target", "vc.example:443", "vch", "vm-42"});
  BOOST_REQUIRE(m);
  BOOST_TEST(m->route->pattern == "/container/target/{target}/vch/{vchId}");
  BOOST_TEST(m->params.at("target") == "vc.example:443");
  BOOST_TEST(m->params.at("vchId") == "vm-42");

  // A parameter is one segment, never two, and never empty.
  BOOST_TEST(!r.match("GET", {"container", "target", "a", "b", "vch"}));
  BOOST_TEST(!r.match("GET", {"container", "target", "", "vch"}));
  BOOST_TEST(!r.match("PUT", {"container", "target", "t", "vch", "vm-1"}));
}

BOOST_AUTO_TEST_CASE(says_which_methods_a_path_allows) {
  Router r;
  r.add("GET", "/container/target/{target}/vch/{vchId}", nullptr);
  r.add("DELETE", "/container/target/{target}/vch/{vchId}", nullptr);
  auto allowed = r.methodsAt({"container", "target", "t", "vch", "vm-1"});
  std::sort(allowed.begin(), allowed.end());
  BOOST_TEST(allowed == (std::vector<std::string>{"DELETE", "GET"}),
             boost::test_tools::per_element());
  BOOST_TEST(r.methodsAt({"nothing", "here"}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
