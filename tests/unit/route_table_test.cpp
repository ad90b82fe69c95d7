// The one route table against openapi.json, operation by operation.
#include <map>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "plugin-server/api/route_table.h"

namespace vic::server {
extern const char* const kOpenApiDocument;
}

using namespace vic::server;

BOOST_AUTO_TEST_SUITE(route_table)

BOOST_AUTO_TEST_CASE(every_operation_of_the_document_is_one_route_of_the_table_and_back) {
  const auto doc = nlohmann::json::parse(kOpenApiDocument);
  std::map<std::string, std::string> documented;  // operationId -> "METHOD /path"
  for (const auto& [path, item] : doc.at("paths").items())
    for (const auto& [method, op] : item.items()) {
      if (method == "parameters") continue;
      std::string upper = method;
      for (auto& c : upper)
        c = static_cast<char>(std::toupper(c));
      BOOST_TEST_INFO(upper << " " << path);
      BOOST_REQUIRE(op.contains("operationId"));
      const bool unique = documented.emplace(op["operationId"], upper + " " + path).second;
      BOOST_TEST(unique, "operationId " << op["operationId"] << " is used twice");
    }
  std::map<std::string, std::string> routed;
  for (const auto& r : routeTable()) {
    const bool unique = routed.emplace(r.operationId, r.method + " " + r.pattern).second;
    BOOST_TEST(unique, "the table routes " << r.operationId << " twice");
  }
  for (const auto& [id, route] : documented) {
    BOOST_TEST_INFO("operation " << id);
    BOOST_TEST((routed.count(id) ? routed.at(id) : "no route") == route);
  }
  for (const auto& [id, route] : routed) {
    BOOST_TEST_INFO("route " << route);
    BOOST_TEST(documented.count(id) == 1u);
  }
}

BOOST_AUTO_TEST_CASE(an_operation_without_a_handler_or_a_handler_without_a_route_is_refused) {
  OperationHandlers none;
  Router r1;
  BOOST_CHECK_THROW(route(r1, std::move(none)), std::logic_error);

  OperationHandlers all;
  for (const auto& r : routeTable())
    all.set(r.operationId, [](Exchange&) {});
  all.set("notInTheDocument", [](Exchange&) {});
  Router r2;
  BOOST_CHECK_THROW(route(r2, std::move(all)), std::logic_error);

  OperationHandlers twice;
  twice.set("getVersion", [](Exchange&) {});
  BOOST_CHECK_THROW(twice.set("getVersion", [](Exchange&) {}), std::logic_error);
}

BOOST_AUTO_TEST_SUITE_END()
