// Every route the server serves is documented in openapi.json, with the same
// methods, and the document describes nothing the server does not serve.
#include <set>

#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include "plugin-server/api/routes.h"
#include "tests/support/simulator_fixture.h"

namespace vic::server {
extern const char* const kOpenApiDocument;
}

namespace {

std::set<std::string> servedRoutes() {
  using namespace vic::server;
  auto dir = vic::test::scratchDir("openapi-routes");
  Database db(dir / "vic.db");
  Journal journal(db);
  AuditLog audit(db);
  SessionCache sessions;
  OperationRunner runner(journal, dir / "sessions", 1);
  ApplianceProber prober;
  VcenterRegistrations vcenters(db);
  TargetPolicy targets("", vcenters);
  ApiContext ctx{sessions,
                 runner,
                 audit,
                 vic::engine::ApplianceImages::locate(),
                 kOpenApiDocument,
                 {},
                 prober,
                 vcenters,
                 {},
                 {},
                 targets,
                 {}};
  Router router;
  addRoutes(router, ctx);
  std::set<std::string> out;
  for (const auto& r : router.routes())
    out.insert(r.method + " " + r.pattern);
  return out;
}

std::set<std::string> documentedRoutes() {
  auto doc = nlohmann::json::parse(vic::server::kOpenApiDocument);
  std::set<std::string> out;
  for (auto& [path, item] : doc["paths"].items())
    for (auto& [method, op] : item.items())
      if (method != "parameters") {
        std::string upper = method;
        for (auto& c : upper)
          c = static_cast<char>(std::toupper(c));
        out.insert(upper + " " + path);
      }
  return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(every_served_route_is_documented_and_nothing_else) {
  const auto served = servedRoutes();
  const auto documented = documentedRoutes();
  BOOST_TEST(served.size() > 30u);
  for (const auto& r : served)
    BOOST_TEST(documented.count(r) == 1u, r << " is served but not in openapi.json");
  for (const auto& d : documented)
    BOOST_TEST(served.count(d) == 1u, d << " is in openapi.json but not served");
}
