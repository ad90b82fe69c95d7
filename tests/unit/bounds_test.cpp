// Everything that reads what others send stops at a limit instead of
// exhausting the stack, the memory or the time: JSON nesting, SOAP answers,
// versions, and the matchers that replaced std::regex.
#include <chrono>
#include <sstream>

#include <boost/test/unit_test.hpp>

#include "vicapi/base/error.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/net/bounded_read.h"
#include "vicapi/soap/xml_reader.h"
#include "vicapi/util/bounded_json.h"
#include "vicapi/version/version.h"

using namespace vic;
using nlohmann::json;

namespace {

std::string nested(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') +
         std::string(static_cast<std::size_t>(depth), ']');
}

template <class F>
std::string failureOf(F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(bounds)

BOOST_AUTO_TEST_CASE(json_nests_64_levels_and_no_deeper) {
  BOOST_TEST(parseJson(nested(64)).is_array());
  BOOST_CHECK_THROW(parseJson(nested(65)), JsonTooDeep);
  BOOST_CHECK_THROW(parseJson("{\"a\":" + nested(64) + "}"), JsonTooDeep);
  BOOST_CHECK_THROW(parseJson("[1,"), BadJson);
  BOOST_CHECK_THROW(parseJson("5.5e55555"), BadJson);  // out_of_range to nlohmann
}

BOOST_AUTO_TEST_CASE(json_a_million_levels_deep_is_refused_at_once) {
  const auto start = std::chrono::steady_clock::now();
  BOOST_CHECK_THROW(parseJson(std::string(1'000'000, '[')), JsonTooDeep);
  BOOST_TEST((std::chrono::steady_clock::now() - start < std::chrono::seconds(1)));
}

BOOST_AUTO_TEST_CASE(xml_deeper_than_the_limit_is_refused) {
  std::string deep;
  for (int i = 0; i < 1'000'000; ++i)
    deep += "<a>";
  const auto why = failureOf([&] { soap::parseXml(deep); });
  BOOST_TEST(why.find("nested deeper than 64") != std::string::npos, why);
  std::string ok;
  for (int i = 0; i < 64; ++i)
    ok += "<a>";
  for (int i = 0; i < 64; ++i)
    ok += "</a>";
  BOOST_TEST(soap::parseXml(ok).name == "a");
}

BOOST_AUTO_TEST_CASE(xml_with_too_many_elements_or_too_much_text_is_refused) {
  soap::ParseLimits small;
  small.maxElements = 1000;
  small.maxTextBytes = 4096;
  std::string many = "<r>";
  for (int i = 0; i < 1001; ++i)
    many += "<e/>";
  many += "</r>";
  BOOST_TEST(failureOf([&] { soap::parseXml(many, small); }).find("more than 1000 elements") !=
             std::string::npos);
  const std::string text = "<r>" + std::string(5000, 'x') + "</r>";
  BOOST_TEST(failureOf([&] { soap::parseXml(text, small); }).find("larger than") !=
             std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_streamed_element_counts_alone) {
  soap::ParseLimits small;
  small.maxElements = 10;
  int seen = 0;
  soap::StreamingParser parser(
      {"r", "o"}, [&](soap::Node&&) { ++seen; }, small);
  parser.feed("<r>");
  for (int i = 0; i < 100; ++i)
    parser.feed("<o><a/><b/><c/></o>");  // 4 elements each, 400 in all, never more than 5 held
  parser.feed("</r>");
  parser.finish();
  BOOST_TEST(seen == 100);
}

BOOST_AUTO_TEST_CASE(xml_that_declares_a_document_type_is_refused) {
  const std::string laughs =
      "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
      "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><r>&b;</r>";
  BOOST_TEST(failureOf([&] { soap::parseXml(laughs); }).find("document type") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_answer_longer_than_allowed_is_not_read_further) {
  std::istringstream in("<r>" + std::string(100'000, 'x') + "</r>");
  BOOST_TEST(failureOf([&] { soap::readXml(in, 50'000); }).find("larger than") !=
             std::string::npos);
  BOOST_TEST(in.tellg() <= 50'000 + 16 * 1024);
}

BOOST_AUTO_TEST_CASE(bounded_reads_stop_one_byte_past_the_limit) {
  std::string out;
  std::istringstream six("123456");
  BOOST_TEST(!net::readUpTo(six, 5, out));
  std::istringstream five("12345");
  out.clear();
  BOOST_TEST(net::readUpTo(five, 5, out));
  BOOST_TEST(out == "12345");
  std::istringstream all(std::string(100'000, 'x'));
  std::ostringstream copy;
  BOOST_TEST(net::copyUpTo(all, copy, UINT64_MAX));  // no limit at all
  BOOST_TEST(copy.str().size() == 100'000u);
}

BOOST_AUTO_TEST_CASE(a_tree_a_million_deep_is_freed_without_recursion) {
  auto root = std::make_unique<soap::Node>("root");
  soap::Node* at = root.get();
  for (int i = 0; i < 1'000'000; ++i)
    at = &at->add(soap::Node("n"));
  root.reset();  // a recursive destructor would overflow the stack here
  BOOST_TEST(true);
}

BOOST_AUTO_TEST_CASE(versions_are_read_without_regex_and_bounded) {
  auto v = version::Version::parse("v1.5.6-rc2-21459-abc1234");
  BOOST_TEST_REQUIRE(v.has_value());
  BOOST_TEST(v->build == 21459u);
  BOOST_TEST(v->commit == "abc1234");
  BOOST_TEST(version::Version::parse("1.6.0-0-").has_value());
  BOOST_TEST(!version::Version::parse("v-1.2.3-4-abc").has_value());
  BOOST_TEST(!version::Version::parse("v1.2.3-4-XYZ").has_value());
  BOOST_TEST(!version::Version::parse("v99999999999.2.3-4-abc").has_value());  // overflows int
  // What the fuzzer found: a version whose written form was too long to read back.
  const auto odd = version::Version::parse("1.60000000.0-42-07777767777" + std::string(70, '5'));
  BOOST_TEST(!odd.has_value());  // a commit longer than any hash
  const auto longest = version::Version::parse(
      "2147483647.2147483647.2147483647-18446744073709551615-" + std::string(64, 'f'));
  BOOST_TEST_REQUIRE(longest.has_value());
  BOOST_TEST(version::Version::parse(longest->str()).has_value());
  const std::string huge = "v" + std::string(500 * 1024, '1') + ".0.0-1-a";
  BOOST_TEST(!version::Version::parse(huge).has_value());
  BOOST_TEST(version::compareDotted(std::string(500 * 1024, '9'), "1.0") != 0);
}

BOOST_AUTO_TEST_CASE(vch_fields_are_refused_by_length_before_any_rule) {
  const std::string big(500 * 1024, 'a');
  json body{{"name", "x"},
            {"syslog_addr", "tcp://" + big},
            {"container", {{"name_convention", big + "{id}"}}},
            {"registry", {{"insecure", {big}}}}};
  engine::Issues issues;
  engine::vchFromJson(body, issues);
  for (const char* path : {"syslog_addr", "container.name_convention", "registry.insecure[0]"})
    BOOST_TEST(issues.has(path), path << ": " << issues.summary().substr(0, 300));
}

BOOST_AUTO_TEST_CASE(long_lists_and_many_issues_are_cut_short) {
  json body{{"name", "x"}, {"registry", {{"insecure", json::array()}}}};
  for (int i = 0; i < 100'000; ++i)
    body["registry"]["insecure"].push_back(i);  // not strings: one issue each, were it read
  engine::Issues issues;
  engine::vchFromJson(body, issues);
  BOOST_TEST(issues.has("registry.insecure"));
  BOOST_TEST(issues.list().size() <= engine::Issues::kMaxListed);

  engine::Issues many;
  for (int i = 0; i < 1000; ++i)
    many.add("p", "m");
  BOOST_TEST(many.list().size() == engine::Issues::kMaxListed);
  BOOST_TEST(many.size() == 1000u);
  BOOST_TEST(engine::issuesToJson(many).back()["message"] == "800 more problems, not listed");
}

BOOST_AUTO_TEST_SUITE_END()
