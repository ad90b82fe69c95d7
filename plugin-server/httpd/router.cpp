#include "plugin-server/httpd/router.h"

#include <algorithm>

#include "plugin-server/httpd/request_target.h"

namespace vic::server {

namespace {

bool isParameter(const std::string& part) {
  return part.size() > 2 && part.front() == '{' && part.back() == '}';
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler,
                 std::string operationId) {
  auto parts = splitPath(pattern);
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler),
                     std::move(operationId), std::move(parts)});
}

bool Router::matches(const Route& route, const std::vector<std::string>& segments,
                     std::map<std::string, std::string>* params) {
  if (route.parts.size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& part = route.parts[i];
    if (isParameter(part)) {
      if (segments[i].empty()) return false;
    } else if (part != segments[i]) {
      return false;
    }
  }
  if (params)
    for (std::size_t i = 0; i < segments.size(); ++i)
      if (isParameter(route.parts[i]))
        (*params)[route.parts[i].substr(1, route.parts[i].size() - 2)] = segments[i];
  return true;
}

std::optional<Router::Match> Router::match(const std::string& method,
                                           const std::vector<std::string>& segments) const {
  for (const auto& r : routes_) {
    Match m;
    if (r.method == method && matches(r, segments, &m.params)) {
      m.route = &r;
      return m;
    }
  }
  return std::nullopt;
}

std::vector<std::string> Router::methodsAt(const std::vector<std::string>& segments) const {
  std::vector<std::string> out;
  for (const auto& r : routes_)
    if (matches(r, segments, nullptr) && std::find(out.begin(), out.end(), r.method) == out.end())
      out.push_back(r.method);
  return out;
}

}  // namespace vic::server
