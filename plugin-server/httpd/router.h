#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "plugin-server/httpd/exchange.h"

namespace vic::server {

using Handler = std::function<void(Exchange&)>;

// One route: "/container/target/{target}/vch/{vchId}". A {name} segment
// matches one path segment.
struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  std::string operationId;         // as openapi.json names it; empty for unnamed routes
  std::vector<std::string> parts;  // the pattern's segments
};

// Matches requests by their path's segments, already percent-decoded once
// (RequestTarget), so a parameter is never decoded twice.
class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler, std::string operationId = {});

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
  };
  std::optional<Match> match(const std::string& method,
                             const std::vector<std::string>& segments) const;
  // Methods some route serves at `segments`: for 405 and its Allow header.
  std::vector<std::string> methodsAt(const std::vector<std::string>& segments) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  static bool matches(const Route& route, const std::vector<std::string>& segments,
                      std::map<std::string, std::string>* params);
  std::vector<Route> routes_;
};

}  // namespace vic::server
