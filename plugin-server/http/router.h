#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "plugin-server/http/exchange.h"

namespace vic::server {

using Handler = std::function<void(Exchange&)>;

// One route: "/container/target/{target}/vch/{vchId}". A {name} segment
// matches one path segment, percent-decoded.
struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Handler handler);

  struct Match {
    const Route* route = nullptr;
    std::map<std::string, std::string> params;
  };
  std::optional<Match> match(const std::string& method, const std::string& path) const;
  // Methods some route serves at `path`: for 405 and its Allow header.
  std::vector<std::string> methodsAt(const std::string& path) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  static bool matches(const std::string& pattern, const std::string& path,
                      std::map<std::string, std::string>& params);
  std::vector<Route> routes_;
};

}  // namespace vic::server
