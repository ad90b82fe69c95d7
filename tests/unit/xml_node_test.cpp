#include <boost/test/unit_test.hpp>

#include <stdexcept>
#include <vector>

#include "vicapi/net/errors.h"
#include "vicapi/soap/xml_reader.h"

using namespace vic::soap;

BOOST_AUTO_TEST_SUITE(xml_node)

BOOST_AUTO_TEST_CASE(text_and_type_attributes_are_escaped) {
  Node n = el("name", "a<b>&\"c'");
  n.typeAttr = "Folder\"x";
  std::string out;
  writeXml(out, n, false);
  BOOST_TEST(out.find("a&lt;b&gt;&amp;") != std::string::npos);
  BOOST_TEST(out.find("<b>") == std::string::npos);
  BOOST_TEST(out.find("type=\"Folder&quot;x\"") != std::string::npos);
  // And it reads back to the same text.
  Node back = parseXml(out);
  BOOST_TEST(back.text == "a<b>&\"c'");
  BOOST_TEST(back.typeAttr == "Folder\"x");
}

BOOST_AUTO_TEST_CASE(moref_values_with_slashes_and_brackets_survive) {
  Node n("obj");
  n.typeAttr = "Datastore";
  n.text = "/tmp/govcsim-DC0-LocalDS_0-123@folder-5";
  std::string out;
  writeXml(out, el("wrap", {n}), false);
  BOOST_TEST(parseXml(out).at("obj").text == n.text);
}

BOOST_AUTO_TEST_CASE(secret_elements_are_masked_only_for_logs) {
  Node login = el("Login", {el("userName", "root"), secretEl("password", "hunter2")});
  std::string wire, logged;
  writeXml(wire, login, false);
  writeXml(logged, login, true);
  BOOST_TEST(wire.find("hunter2") != std::string::npos);
  BOOST_TEST(logged.find("hunter2") == std::string::npos);
  BOOST_TEST(logged.find("root") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(xsi_type_is_resolved_by_namespace_not_prefix) {
  // vcsim's way: an unusual prefix bound to the XMLSchema-instance namespace.
  const char* xml =
      "<val xmlns:XMLSchema-instance=\"http://www.w3.org/2001/XMLSchema-instance\" "
      "xmlns:q=\"http://www.w3.org/2001/XMLSchema\" "
      "XMLSchema-instance:type=\"q:string\">x<inner XMLSchema-instance:type=\"ArrayOfOptionValue\" "
      "type=\"Folder\">y</inner></val>";
  Node n = parseXml(xml);
  BOOST_TEST(n.xsiType == "xsd:string");
  BOOST_TEST(n.at("inner").xsiType == "ArrayOfOptionValue");
  BOOST_TEST(n.at("inner").typeAttr == "Folder");
  // A plain "type" attribute is not an xsi type.
  BOOST_TEST(parseXml("<a type=\"VirtualMachine\">vm-1</a>").xsiType.empty());
}

BOOST_AUTO_TEST_CASE(typed_nodes_write_xsi_type) {
  std::string out;
  writeXml(out, typed("xsd:string", el("value", "v")), false);
  BOOST_TEST(out == "<value xsi:type=\"xsd:string\">v</value>");
}

BOOST_AUTO_TEST_CASE(malformed_xml_is_a_protocol_error) {
  BOOST_CHECK_THROW(parseXml("<a><b></a>"), vic::ProtocolError);
  BOOST_CHECK_THROW(parseXml("<html>Bad gateway"), vic::ProtocolError);
}

BOOST_AUTO_TEST_CASE(missing_children_are_reported_by_name) {
  Node n = parseXml("<returnval><a>1</a></returnval>");
  BOOST_TEST(n.find("b") == nullptr);
  BOOST_TEST(n.textOf("b", "dflt") == "dflt");
  try {
    n.at("b");
    BOOST_FAIL("at() should throw");
  } catch (const vic::ProtocolError& e) {
    BOOST_TEST(std::string(e.what()).find("<b>") != std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(utf8_text_round_trips) {
  std::string out;
  writeXml(out, el("name", "Datastore Ä – 数据"), false);
  BOOST_TEST(parseXml(out).text == "Datastore Ä – 数据");
}

BOOST_AUTO_TEST_CASE(streamed_elements_leave_the_tree_as_they_complete) {
  const std::string xml =
      "<Envelope><Body><R><returnval><objects><obj>vm-1</obj></objects><objects><obj>vm-2</obj>"
      "</objects><token>t1</token></returnval></R></Body></Envelope>";
  std::vector<std::string> seen;
  StreamingParser parser({"Envelope", "Body", "R", "returnval", "objects"},
                         [&](Node&& n) { seen.push_back(n.textOf("obj")); });
  for (char c : xml)
    parser.feed(std::string_view(&c, 1));  // the worst chunking there is
  Node rest = parser.finish();
  BOOST_TEST((seen == std::vector<std::string>{"vm-1", "vm-2"}));
  const Node& returnval = rest.at("Body").at("R").at("returnval");
  BOOST_TEST(returnval.children.size() == 1u);  // only the token stayed
  BOOST_TEST(returnval.textOf("token") == "t1");
}

BOOST_AUTO_TEST_CASE(an_error_in_the_consumer_stops_the_parse) {
  int calls = 0;
  StreamingParser parser({"a", "b"}, [&](Node&&) {
    ++calls;
    throw std::runtime_error("consumer refused");
  });
  BOOST_CHECK_EXCEPTION(
      parser.feed("<a><b/><b/><b/></a>"), std::runtime_error,
      [](const std::runtime_error& e) { return std::string(e.what()) == "consumer refused"; });
  BOOST_TEST(calls == 1);
}

BOOST_AUTO_TEST_CASE(malformed_streams_are_protocol_errors) {
  StreamingParser parser({"a", "b"}, [](Node&&) {});
  parser.feed("<a><b>");
  BOOST_CHECK_THROW(parser.finish(), vic::ProtocolError);
}

BOOST_AUTO_TEST_SUITE_END()
