#include <boost/test/unit_test.hpp>

#include "plugin-server/api/list_page.h"

using namespace vic::server;
using nlohmann::json;

namespace {

json vchs() {
  return json::array({{{"name", "prod-b"}, {"power_state", "poweredOn"}, {"version", "v1.6.0"}},
                      {{"name", "Prod-a"}, {"power_state", "poweredOff"}, {"version", "v1.5.0"}},
                      {{"name", "test"}, {"power_state", "poweredOn"}},
                      {{"name", "prod-c"}, {"power_state", "poweredOn"}, {"version", "v1.4.0"}}});
}

std::vector<std::string> names(const Page& p) {
  std::vector<std::string> out;
  for (const auto& v : p.items)
    out.push_back(v["name"]);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(list_page)

BOOST_AUTO_TEST_CASE(without_a_page_size_the_whole_list_comes_as_it_was) {
  const auto p = applyPage(vchs(), ListPage{});
  BOOST_TEST(p.total == 4u);
  BOOST_TEST(names(p) == (std::vector<std::string>{"prod-b", "Prod-a", "test", "prod-c"}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(filters_in_any_case_sorts_and_cuts_one_page) {
  ListPage spec;
  spec.filters = {{"name", "prod"}};
  spec.sortBy = "name";
  spec.size = 2;
  auto first = applyPage(vchs(), spec);
  BOOST_TEST(first.total == 3u);
  BOOST_TEST(names(first) == (std::vector<std::string>{"Prod-a", "prod-b"}),
             boost::test_tools::per_element());
  spec.page = 2;
  BOOST_TEST(names(applyPage(vchs(), spec)) == (std::vector<std::string>{"prod-c"}),
             boost::test_tools::per_element());
  spec.page = 3;
  BOOST_TEST(applyPage(vchs(), spec).items.empty());
}

BOOST_AUTO_TEST_CASE(sorts_descending_with_missing_values_apart) {
  ListPage spec;
  spec.sortBy = "version";
  const auto up = names(applyPage(vchs(), spec));
  BOOST_TEST(up == (std::vector<std::string>{"prod-c", "Prod-a", "prod-b", "test"}),
             boost::test_tools::per_element());
  spec.descending = true;
  const auto down = names(applyPage(vchs(), spec));
  BOOST_TEST(down.front() == "test");
  BOOST_TEST(down.back() == "prod-c");
}

BOOST_AUTO_TEST_SUITE_END()
