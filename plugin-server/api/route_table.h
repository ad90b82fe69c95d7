#pragma once

#include <map>
#include <string>
#include <vector>

#include "plugin-server/httpd/router.h"

namespace vic::server {

// One operation of the API: its operationId in openapi.json, method and path.
struct RouteSpec {
  std::string operationId;
  std::string method;
  std::string pattern;
};

// Every route the server serves, in one table; a test holds it to
// openapi.json's operations, id by id.
const std::vector<RouteSpec>& routeTable();

// What serves each operation, by operationId, gathered from the handler
// files before the table turns them into routes.
class OperationHandlers {
 public:
  void set(const std::string& operationId, Handler handler);
  // The 1.5 API serves the VCH operations under /container/target/{target}
  // and under .../datacenter/{datacenter}; the second's id ends "InDatacenter".
  void setBothScopes(const std::string& operationId, Handler handler);

  // The handler for `operationId`, removed from the set (each serves one route).
  Handler take(const std::string& operationId);
  std::vector<std::string> remaining() const;

 private:
  std::map<std::string, Handler> byId_;
};

// Routes every operation of the table to its handler; throws when an
// operation has no handler or a handler no operation.
void route(Router& router, OperationHandlers handlers);

}  // namespace vic::server
