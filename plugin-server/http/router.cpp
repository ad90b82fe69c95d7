#include "plugin-server/http/router.h"

#include <Poco/URI.h>

namespace vic::server {

namespace {

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    out.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  if (!out.empty() && out.back().empty() && path.size() > 1) out.pop_back();  // trailing slash
  return out;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler) {
  routes_.push_back({std::move(method), std::move(pattern), std::move(handler)});
}

bool Router::matches(const std::string& pattern, const std::string& path,
                     std::map<std::string, std::string>& params) {
  auto p = segments(pattern);
  auto s = segments(path);
  if (p.size() != s.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (p[i].size() > 2 && p[i].front() == '{' && p[i].back() == '}') {
      if (s[i].empty()) return false;
      std::string decoded;
      Poco::URI::decode(s[i], decoded);
      found[p[i].substr(1, p[i].size() - 2)] = decoded;
    } else if (p[i] != s[i]) {
      return false;
    }
  }
  params = std::move(found);
  return true;
}

std::optional<Router::Match> Router::match(const std::string& method,
                                           const std::string& path) const {
  for (const auto& r : routes_) {
    Match m;
    if (r.method == method && matches(r.pattern, path, m.params)) {
      m.route = &r;
      return m;
    }
  }
  return std::nullopt;
}

std::vector<std::string> Router::methodsAt(const std::string& path) const {
  std::vector<std::string> out;
  for (const auto& r : routes_) {
    std::map<std::string, std::string> ignored;
    if (matches(r.pattern, path, ignored) &&
        std::find(out.begin(), out.end(), r.method) == out.end())
      out.push_back(r.method);
  }
  return out;
}

}  // namespace vic::server
